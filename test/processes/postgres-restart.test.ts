import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runPendingMigrations } from '@kuaizhuan/platform';
import { as, createAccounts, NEED, type Accounts } from '../../libs/catalog/test/fixtures';
import { awaitRecommendations, publishCatalogue } from '../../libs/matching/test/fixtures';
import { eventually } from '../support/apps';
import { awaitIndexed } from '../support/search';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { PostgresServer } from '../support/postgres-server';
import { type RunningProcess, startApiProcess, startWorkerProcess, stopProcesses } from '../support/processes';

/**
 * PostgreSQL restarted under a running platform (every connection cut). Requests made while it
 * is away answer at once — 503, never a hang; once it is back, the api and the worker carry on
 * without being restarted: needs published before, during (retried by the company) and after
 * the restart are all matched and indexed, and the outbox drains.
 */

let pg: PostgresServer;
let env: TestEnvironment;
let dataSource: DataSource;
let api: string;
let accounts: Accounts;
const processes: RunningProcess[] = [];

/** Publishes a need (create, submit, approve), trying again while the api answers 503. */
async function publishNeed(title: string): Promise<string> {
  const attempt = async <T>(call: () => request.Test, expected: number): Promise<T> => {
    for (let tries = 0; ; tries += 1) {
      const started = Date.now();
      const response = await call();
      expect(Date.now() - started).toBeLessThan(10_000);
      if (response.status === expected) return response.body as T;
      if (response.status !== 503 || tries >= 20) throw new Error(`answered ${response.status}: ${response.text}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const { id } = await attempt<{ id: string }>(
    () =>
      request(api)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, title }),
    201,
  );
  await attempt(() => request(api).post(`/api/needs/${id}/submit`).set(as(accounts.enterprise)), 200);
  await attempt(() => request(api).post(`/api/needs/${id}/approve`).set(as(accounts.admin)).send({}), 200);
  return id;
}

beforeAll(async () => {
  pg = await PostgresServer.start();
  const url = pg.url('postgres');
  await runPendingMigrations(url);
  // The production retry policy: a job that fails while the database is away is tried again
  // seconds later (tests elsewhere shrink back-off a hundredfold, which would spend every
  // attempt inside the outage).
  env = await setUpTestEnvironment({ DATABASE_URL: url, AUTH_RATE_LIMIT_PER_MINUTE: '10000', JOB_BACKOFF_SCALE: '1' });
  dataSource = new DataSource(dataSourceOptions({ url, applicationName: 'kz-test-pg-restart' }));
  await dataSource.initialize();
  const server = await startApiProcess();
  processes.push(server.process, await startWorkerProcess());
  api = server.url;
  accounts = await createAccounts(api, dataSource);
  await publishCatalogue(api, dataSource, accounts);
}, 180_000);

afterAll(async () => {
  await stopProcesses(processes);
  await dataSource?.destroy();
  await env?.teardown();
  pg?.stop();
});

it('carries on after PostgreSQL restarts, losing no need', async () => {
  const needIds = [await publishNeed('重启前的电池包轻量化需求 1'), await publishNeed('重启前的电池包轻量化需求 2')];

  // Requests while the database restarts: each answers promptly, successfully or with 503.
  const during = (async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const started = Date.now();
      const response = await request(api).get('/api/needs').set(as(accounts.enterprise));
      expect(Date.now() - started).toBeLessThan(10_000);
      statuses.push(response.status);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return statuses;
  })();
  await pg.restart(3_000);
  const statuses = await during;
  expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
  expect(statuses).toContain(503);

  needIds.push(await publishNeed('重启后的电池包轻量化需求 1'), await publishNeed('重启后的电池包轻量化需求 2'));
  await dataSource.query('SELECT 1').catch(() => undefined); // the test's own pool drops its cut connections
  for (const id of needIds) await awaitRecommendations(dataSource, id, 2, 60_000);
  await awaitIndexed(dataSource, needIds);
  await eventually(
    async () => {
      const [{ n }]: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
      );
      return n === 0;
    },
    30_000,
    'outbox drained',
  );
}, 240_000);
