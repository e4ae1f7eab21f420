import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions, QueueName } from '@kuaizhuan/platform';
import { as, createAccounts, publishedNeed, type Accounts } from '../../libs/catalog/test/fixtures';
import { awaitRecommendations, publishCatalogue } from '../../libs/matching/test/fixtures';
import { eventually } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { type RunningProcess, startApiProcess, startWorkerProcess, stopProcesses } from '../support/processes';
import { freePort } from '../support/redis-server';
import { awaitIndexed } from '../support/search';

/**
 * The search engine unreachable: the platform runs on Meilisearch (an index of this test's own
 * on the run's server), then its api and worker are pointed at an address where nothing
 * answers. Companies still publish needs (PostgreSQL and the outbox take them); portal search
 * answers 503 at once instead of hanging; the index and match jobs fail by their retry policy
 * and wait in the failed set. When search is back (a worker on the same Meilisearch index
 * again) and the operator retries them from the queue view, every need is indexed and matched
 * on Meilisearch. (search-restart.test.ts stops and starts a real server instead.)
 */

const NEEDS = 4;

let env: TestEnvironment;
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

async function stop(child: RunningProcess): Promise<void> {
  child.child.kill('SIGTERM');
  await child.exited;
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' }, undefined, { search: 'meilisearch' });
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-search-outage' }));
  await dataSource.initialize();
}, 30_000);

afterAll(async () => {
  await stopProcesses(processes);
  await dataSource?.destroy();
  await env?.teardown();
});

it('takes needs while the search engine is unreachable, answers search with 503, and loses nothing', async () => {
  // The catalogue, indexed on Meilisearch while it answers.
  const api = await start('api');
  let worker = await start('worker');
  accounts = await createAccounts(api.url, dataSource);
  await publishCatalogue(api.url, dataSource, accounts);
  await stop(worker.process);

  // Search moves to an engine that does not answer.
  const unreachable = {
    SEARCH_ENGINE: 'meilisearch',
    MEILI_HOST: `http://127.0.0.1:${await freePort()}`,
    MEILI_MASTER_KEY: 'a-master-key-nobody-has',
  };
  const meiliApi = await start('api', unreachable);
  worker = await start('worker', unreachable);
  const needIds: string[] = [];
  for (let i = 0; i < NEEDS; i += 1) {
    const started = Date.now();
    needIds.push(
      await publishedNeed(meiliApi.url, accounts.enterprise, accounts.admin, { title: `搜索停机时的需求 ${i}` }),
    );
    // Well under the engine client's 10 s request timeout: no step waits on the unreachable engine.
    expect(Date.now() - started).toBeLessThan(8_000);
  }
  const started = Date.now();
  const search = await request(meiliApi.url).get('/api/search?q=电池包').set(as(accounts.enterprise));
  expect(search.status).toBe(503);
  expect(search.body).toMatchObject({ error: 'unavailable' });
  expect(Date.now() - started).toBeLessThan(5_000);

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

  // Search is back (the worker on the test's Meilisearch index again); the operator retries what failed.
  await stop(worker.process);
  await start('worker');
  for (const queue of [QueueName.Index, QueueName.Match]) {
    for (const job of await failedJobs(queue)) {
      await request(api.url)
        .post(`/api/admin/queues/${queue}/failed/${job.id}/retry`)
        .set(as(accounts.admin))
        .expect(202);
    }
  }
  // Matched on the run's shared Meilisearch, which may be busy with other files' catalogues.
  for (const id of needIds) await awaitRecommendations(dataSource, id, 2, 240_000);
  await awaitIndexed(dataSource, needIds);
  expect(await failedJobs(QueueName.Index)).toEqual([]);
}, 900_000);
