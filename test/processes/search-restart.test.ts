import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions, QueueName, startPackagedMeilisearch, type PackagedMeilisearch } from '@kuaizhuan/platform';
import { as, createAccounts, publishedNeed, type Accounts } from '../../libs/catalog/test/fixtures';
import { publishCatalogue } from '../../libs/matching/test/fixtures';
import { eventually } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { type RunningProcess, startApiProcess, startWorkerProcess, stopProcesses } from '../support/processes';
import { freePort } from '../support/redis-server';
import { awaitIndexed } from '../support/search';

/**
 * Meilisearch stopped and started again, for real: the platform runs on a server of this test's
 * own. While it is down, companies still publish needs (PostgreSQL and the outbox take them),
 * portal search and readiness answer 503 at once, and index jobs fail by their retry policy into
 * the failed set. Started again on the same port with the same data, the same api and worker
 * processes use it again: what was indexed before is still there, and once the operator retries
 * the failed jobs every need is indexed and found. (The outage test beside this one checks that
 * those needs are matched, on Meilisearch, once search is back.)
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
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-search-restart' }));
  await dataSource.initialize();
}, 30_000);

afterAll(async () => {
  await stopProcesses(processes);
  await dataSource?.destroy();
  await env?.teardown();
  await meilisearch?.stop();
  rmSync(meiliData, { recursive: true, force: true });
});

it('keeps taking needs while Meilisearch is down, and indexes them once it is back and the jobs are retried', async () => {
  const api = await start('api');
  await start('worker');
  accounts = await createAccounts(api.url, dataSource);
  const catalogue = await publishCatalogue(api.url, dataSource, accounts);
  const searchNeeds = () =>
    request(api.url)
      .get(`/api/search?type=need&q=${encodeURIComponent('引擎重启')}`)
      .set(as(accounts.tto));

  // The engine stops.
  await meilisearch!.stop();
  meilisearch = null;
  const needIds: string[] = [];
  for (let i = 0; i < NEEDS; i += 1) {
    const started = Date.now();
    needIds.push(await publishedNeed(api.url, accounts.enterprise, accounts.admin, { title: `引擎重启时的需求 ${i}` }));
    expect(Date.now() - started).toBeLessThan(3_000);
  }
  const started = Date.now();
  const search = await searchNeeds();
  expect(search.status).toBe(503);
  expect(search.body).toMatchObject({ error: 'unavailable' });
  expect(Date.now() - started).toBeLessThan(3_000);
  const ready = await request(api.url).get('/api/health/ready');
  expect(ready.status).toBe(503);

  // Index jobs fail by their policy and wait for the operator.
  const failedJobs = async (queue: QueueName) =>
    (await request(api.url).get(`/api/admin/queues/${queue}/failed?limit=100`).set(as(accounts.admin)).expect(200))
      .body as Array<{ id: string; name: string }>;
  await eventually(async () => (await failedJobs(QueueName.Index)).length >= NEEDS, 90_000, 'index jobs failed');

  // The engine is back with its data; the operator retries what failed.
  await startMeilisearch();
  await awaitIndexed(dataSource, [catalogue.magnesium, catalogue.aluminium], 5_000);
  for (const job of await failedJobs(QueueName.Index)) {
    await request(api.url)
      .post(`/api/admin/queues/${QueueName.Index}/failed/${job.id}/retry`)
      .set(as(accounts.admin))
      .expect(202);
  }
  await awaitIndexed(dataSource, needIds, 60_000);
  expect(await failedJobs(QueueName.Index)).toEqual([]);
  const back = await searchNeeds().expect(200);
  expect((back.body as { hits: Array<{ id: string }> }).hits.map((hit) => hit.id).sort()).toEqual([...needIds].sort());
  await request(api.url).get('/api/health/ready').expect(200);
}, 300_000);
