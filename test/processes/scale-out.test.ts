import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kuaizhuan/platform';
import { as, createAccounts, publishedNeed, type Accounts } from '../../libs/catalog/test/fixtures';
import { awaitRecommendations, publishCatalogue } from '../../libs/matching/test/fixtures';
import { eventually } from '../support/apps';
import { awaitIndexed } from '../support/search';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { type RunningProcess, startApiProcess, startWorkerProcess, stopProcesses } from '../support/processes';
import { SmtpCapture } from '../support/smtp';
import { approvalDeliveries, deliveredCount } from '../support/deliveries';

/**
 * Two api processes and two worker processes on one PostgreSQL, one Redis and one Meilisearch
 * index, the way the platform runs past one machine. Needs are published through both apis while one worker is
 * killed with SIGKILL in the middle and another takes its place: every need is matched,
 * every recommendation exists once, the search index holds every need, and every approved
 * recommendation reaches each recipient once per channel.
 */

const NEEDS = 10;

let smtp: SmtpCapture;
let env: TestEnvironment;
let dataSource: DataSource;
const processes: RunningProcess[] = [];
let apis: string[];
let accounts: Accounts;

async function startApi(): Promise<string> {
  const api = await startApiProcess();
  processes.push(api.process);
  return api.url;
}

async function startWorker(): Promise<RunningProcess> {
  const worker = await startWorkerProcess();
  processes.push(worker);
  return worker;
}

async function count(sql: string, parameters: unknown[] = []): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(sql, parameters);
  return row.n;
}

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  // On Meilisearch, as a deployment past one machine runs: every process on the one index.
  env = await setUpTestEnvironment(
    {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://kuaizhuan.example',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    },
    undefined,
    { search: 'meilisearch' },
  );
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-scale-out' }));
  await dataSource.initialize();
  apis = await Promise.all([startApi(), startApi()]);
  await Promise.all([startWorker(), startWorker()]);
  accounts = await createAccounts(apis[0], dataSource);
  await publishCatalogue(apis[1], dataSource, accounts);
}, 180_000);

afterAll(async () => {
  await stopProcesses(processes);
  await dataSource?.destroy();
  await smtp?.stop();
  await env?.teardown();
});

describe('two apis and two workers', () => {
  let needIds: string[] = [];

  it('matches every need published through either api once, with a worker killed midway', async () => {
    const published: string[] = [];
    for (let i = 0; i < NEEDS; i += 1) {
      const api = apis[i % 2];
      published.push(
        await publishedNeed(api, accounts.enterprise, accounts.admin, { title: `电池包轻量化技术需求 ${i}` }),
      );
      if (i === NEEDS / 2) {
        // The first worker dies without a chance to finish what it holds; a new one starts.
        const victim = processes.find((p) => p.output().includes('worker started') && p.child.exitCode === null)!;
        victim.child.kill('SIGKILL');
        await victim.exited;
        await startWorker();
      }
    }
    needIds = published;
    // A match job the killed worker held returns once BullMQ sees its lock expire (30 s) at its
    // next stalled-job check (every 30 s): allow for both.
    for (const id of needIds) await awaitRecommendations(dataSource, id, 2, 120_000);

    // Each need was matched to both achievements, and no pair was written twice.
    expect(
      await count(`SELECT count(*)::int AS n FROM recommendation WHERE need_id = ANY($1::uuid[])`, [needIds]),
    ).toBe(NEEDS * 2);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT need_id, achievement_id FROM recommendation
           WHERE need_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`,
        [needIds],
      ),
    ).toBe(0);
    // The index holds every published need, and no event is left undelivered to Redis.
    await awaitIndexed(dataSource, needIds);
    await eventually(
      async () => (await count(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`)) === 0,
      30_000,
      'outbox drained',
    );
  }, 240_000);

  it('delivers every approved recommendation once per channel and recipient, approvals spread over both apis', async () => {
    const ids: string[] = (
      await dataSource.query(`SELECT id FROM recommendation WHERE need_id = ANY($1::uuid[]) ORDER BY id`, [needIds])
    ).map((row: { id: string }) => row.id);
    for (const [i, id] of ids.entries()) {
      await request(apis[i % 2])
        .post(`/api/reviews/${id}/approve`)
        .set(as(accounts.manager))
        .send({ note: '同意推荐' })
        .expect(200);
    }
    await eventually(async () => (await deliveredCount(dataSource, ids)) === ids.length, 60_000, 'all delivered');
    // Company and TTO each get an inbox item and an e-mail per recommendation: four deliveries.
    const sent = await approvalDeliveries(dataSource);
    expect(sent.repeated).toBe(0);
    expect(sent.total).toBe(ids.length * 4);
    await eventually(async () => smtp.messages.length >= ids.length * 2, 30_000, 'e-mails');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.messages.length).toBe(ids.length * 2);
  }, 180_000);
});
