import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { seedCatalog } from '../../../seeds/catalog/seed-catalog';
import { DEMO_ACHIEVEMENTS, DEMO_NEEDS, DEMO_RESEARCHERS } from '../../../seeds/catalog/demo-catalog';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { signIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { as } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
});

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

describe('seedCatalog', () => {
  it('loads the demo catalogue once, published and searchable, and changes nothing when run again', async () => {
    const dataSource = app.get(DataSource);
    const accounts = await seedIdentity(dataSource);
    await expect(seedCatalog(dataSource, accounts)).resolves.toEqual({
      researchers: DEMO_RESEARCHERS.length,
      achievements: DEMO_ACHIEVEMENTS.length,
      needs: DEMO_NEEDS.length,
    });
    await expect(seedCatalog(dataSource, accounts)).resolves.toEqual({ researchers: 0, achievements: 0, needs: 0 });

    const company = await signIn(app.getHttpServer(), accounts.enterprise.email, DEMO_PASSWORD);
    const found = await eventually(
      async () => {
        const response = await request(app.getHttpServer())
          .get(`/api/search?q=${encodeURIComponent('镁合金')}`)
          .set(as(company))
          .expect(200);
        return response.body.total > 0 ? response.body : undefined;
      },
      20_000,
      'the demo achievements to be indexed',
    );
    expect(found.hits[0].title).toBe('高强韧镁合金板材连续轧制技术');
    expect(found.hits[0].display.researchers).toEqual(['周明远']);
  });
});
