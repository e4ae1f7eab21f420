import { Test } from '@nestjs/testing';
import { MeilisearchIndex, PlatformModule, PostgresSearchIndex, SearchIndex, SearchModule } from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

async function resolveSearchIndex(): Promise<SearchIndex> {
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule, SearchModule] }).compile();
  try {
    return moduleRef.get(SearchIndex);
  } finally {
    await moduleRef.close();
  }
}

describe(SearchModule.name, () => {
  let env: TestEnvironment;

  afterEach(async () => {
    await env.teardown();
  });

  it('provides the PostgreSQL adapter when neither SEARCH_ENGINE nor MEILI_HOST is set', async () => {
    env = await setUpTestEnvironment({ SEARCH_ENGINE: '', MEILI_HOST: '' });
    expect(await resolveSearchIndex()).toBeInstanceOf(PostgresSearchIndex);
  });

  it('provides the Meilisearch adapter when only MEILI_HOST is set', async () => {
    // Nothing listens there: the adapter must not contact the server before it is used.
    env = await setUpTestEnvironment({ SEARCH_ENGINE: '', MEILI_HOST: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'k' });
    const index = await resolveSearchIndex();
    expect(index).toBeInstanceOf(MeilisearchIndex);
    await expect(index.health()).resolves.toMatchObject({ adapter: 'meilisearch', ok: false });
  });

  it('keeps PostgreSQL when SEARCH_ENGINE says so, even with MEILI_HOST set', async () => {
    env = await setUpTestEnvironment({ SEARCH_ENGINE: 'postgres', MEILI_HOST: 'http://127.0.0.1:9' });
    expect(await resolveSearchIndex()).toBeInstanceOf(PostgresSearchIndex);
  });

  it('refuses SEARCH_ENGINE=meilisearch without MEILI_HOST, naming the variable', async () => {
    env = await setUpTestEnvironment({ SEARCH_ENGINE: 'meilisearch', MEILI_HOST: '' });
    await expect(resolveSearchIndex()).rejects.toThrow(/MEILI_HOST/);
  });
});
