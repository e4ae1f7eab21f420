import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions, QueueName, startPackagedMeilisearch, type PackagedMeilisearch } from '@kuaizhuan/platform';
import { as, createAccounts, publishedNeed, type Accounts } from '../../libs/catalog/test/fixtures';
import { awaitRecommendations, publishCatalogue } from '../../libs/matching/test/fixtures';
import { eventually } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { type RunningProcess, startApiProcess, startWorkerProcess, stopProcesses } from '../support/processes';
import { freePort } from '../support/redis-server';
import { awaitIndexed } from '../support/search';

/**
 * The search engine goes down: the platform runs on a Meilisearch server of this test's own,
 * which is stopped for real. Companies still publish needs (PostgreSQL and the outbox take
 * them); portal search answers 503 at once instead of hanging; the index and match jobs fail
 * by their retry policy and wait in the failed set. When the server is back (same port, same
 * data) and the operator retries them from the queue view, every need is indexed and matched,
 * by the same api and worker processes.
 */

const NEEDS = 4;

let env: TestEnvironment;
let meilisearch: PackagedMeilisearch | null = null;
const meiliData = mkdtempSync(join(tmpdir(), 'kz-meili-outage-'));
const meiliKey = randomBytes(16).toString('hex');
let meiliPort: number;
let dataSource: DataSource;
let accounts: Accounts;
const processes: RunningProcess[] = [];

async function start(
  entry: 'api' | 'worker',
  extra: Record<string, string> = {},
): Promise<{ process: RunningProcess; url: string }> {
  const started =
    entry === 'api' ? await startApiProcess(extra) : { process: await startWorkerProcess(extra), url: '' };
  processes.push(started.process);
  return started;
}

async function startMeilisearch(): Promise<void> {
  meilisearch = await startPackagedMeilisearch({ port: meiliPort, dataDir: meiliData, masterKey: meiliKey });
}

beforeAll(async () => {
  meiliPort = await freePort();
  await startMeilisearch();
  env = await setUpTestEnvironment({
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    SEARCH_ENGINE: 'meilisearch',
    MEILI_HOST: `http://127.0.0.1:${meiliPort}`,
    MEILI_MASTER_KEY: meiliKey,
    MEILI_INDEX: 'kz_outage',
  });
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-search-outage' }));
  await dataSource.initialize();
}, 30_000);

afterAll(async () => {
  await stopProcesses(processes);
  await dataSource?.destroy();
  await env?.teardown();
  await meilisearch?.stop();
  rmSync(meiliData, { recursive: true, force: true });
});

it('takes needs while the search engine is down, answers search with 503, and loses nothing', async () => {
  // The catalogue, indexed while search works.
  const api = await start('api');
  await start('worker');
  accounts = await createAccounts(api.url, dataSource);
  await publishCatalogue(api.url, dataSource, accounts);
  await expect(
    request(api.url)
      .get(`/api/search?q=${encodeURIComponent('镁合金')}`)
      .set(as(accounts.enterprise)),
  ).resolves.toMatchObject({ status: 200 });

  // The engine stops.
  await meilisearch!.stop();
  meilisearch = null;
  const needIds: string[] = [];
  for (let i = 0; i < NEEDS; i += 1) {
    const started = Date.now();
    needIds.push(await publishedNeed(api.url, accounts.enterprise, accounts.admin, { title: `搜索停机时的需求 ${i}` }));
    expect(Date.now() - started).toBeLessThan(3_000);
  }
  const started = Date.now();
  const search = await request(api.url).get('/api/search?q=电池包').set(as(accounts.enterprise));
  expect(search.status).toBe(503);
  expect(search.body).toMatchObject({ error: 'unavailable' });
  expect(Date.now() - started).toBeLessThan(3_000);
  const ready = await request(api.url).get('/api/health/ready');
  expect(ready.status).toBe(503);

  // Index and match jobs fail by their policy and wait for the operator.
  const failedJobs = async (queue: QueueName) =>
    (await request(api.url).get(`/api/admin/queues/${queue}/failed?limit=100`).set(as(accounts.admin)).expect(200))
      .body as Array<{ id: string; name: string }>;
  await eventually(async () => (await failedJobs(QueueName.Match)).length >= NEEDS, 60_000, 'match jobs failed');
  await eventually(async () => (await failedJobs(QueueName.Index)).length >= NEEDS, 90_000, 'index jobs failed');
  const [{ n: matched }]: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM recommendation WHERE need_id = ANY($1::uuid[])`,
    [needIds],
  );
  expect(matched).toBe(0);

  // The engine is back with its data; the operator retries what failed.
  await startMeilisearch();
  for (const queue of [QueueName.Index, QueueName.Match]) {
    for (const job of await failedJobs(queue)) {
      await request(api.url)
        .post(`/api/admin/queues/${queue}/failed/${job.id}/retry`)
        .set(as(accounts.admin))
        .expect(202);
    }
  }
  for (const id of needIds) await awaitRecommendations(dataSource, id, 2);
  await awaitIndexed(dataSource, needIds);
  expect(await failedJobs(QueueName.Index)).toEqual([]);
  const back = await request(api.url).get('/api/search?q=电池包').set(as(accounts.enterprise));
  expect(back.status).toBe(200);
}, 300_000);
