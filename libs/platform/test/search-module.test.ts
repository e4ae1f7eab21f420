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

  it('provides the PostgreSQL adapter when MEILI_HOST is not set', async () => {
    env = await setUpTestEnvironment({ MEILI_HOST: '' });
    expect(await resolveSearchIndex()).toBeInstanceOf(PostgresSearchIndex);
  });

  it('provides the Meilisearch adapter when MEILI_HOST is set', async () => {
    // Nothing listens there: the adapter must not contact the server before it is used.
    env = await setUpTestEnvironment({ MEILI_HOST: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'test-key' });
    const index = await resolveSearchIndex();
    expect(index).toBeInstanceOf(MeilisearchIndex);
    await expect(index.health()).resolves.toMatchObject({ adapter: 'meilisearch', ok: false });
  });
});
