import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { producerConnection, QueueName } from '@kuaizhuan/platform';
import { addDays, chinaDate } from '../src/domain/dates';
import { reminderJobId } from '../src/reminders/reminder-jobs';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { api, signedDeal } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
let dealsQueue: Queue;

const day = (offset: number): string => addDays(chinaDate(new Date()), offset);

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  dealsQueue = new Queue(QueueName.Deals, {
    connection: producerConnection(process.env.REDIS_URL!),
    prefix: env.queuePrefix,
  });
}, 60_000);

afterAll(async () => {
  await dealsQueue?.close();
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

async function statusOf(dealId: string): Promise<string> {
  return (await call.get(accounts.tto, `/deals/${dealId}`).expect(200)).body.status;
}

describe('a use-first-pay-later licence with a date trigger that is never paid', () => {
  it('is triggered by the worker on its date, falls overdue, defaults after the grace period and is terminated', async () => {
    const { dealId } = await signedDeal(
      app.getHttpServer(),
      accounts,
      'use_first_pay_later',
      {
        summary: '先用后付，到期一次总付',
        ufpl: {
          freeUntil: day(-90),
          triggerKind: 'date',
          triggerDate: day(-60),
          paymentMode: 'lump_sum',
          fee: '80000.00',
          dueDays: 0,
          graceDays: 10,
        },
      },
      accounts.enterprise,
      app.get(DataSource),
    );
    await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'terminate' }).expect(409);
    await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'start' }).expect(200);

    await eventually(async () => (await statusOf(dealId)) === 'defaulted', 20_000, 'licence in default');
    const licence = await call.get(accounts.enterprise, `/deals/${dealId}/licence`).expect(200);
    expect(licence.body.triggeredOn).toBe(day(-60));
    expect(licence.body.instalments).toEqual([
      expect.objectContaining({ kind: 'lump_sum', amount: '80000.00', dueOn: day(-60), standing: 'defaulted' }),
    ]);
    await call.post(accounts.enterprise, `/deals/${dealId}/transitions`, { action: 'opt_out' }).expect(409);

    const terminated = await call
      .post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'terminate' })
      .expect(200);
    expect(terminated.body.status).toBe('terminated');
    const steps: { step: string; actor: string | null }[] = await dataSource.query(
      `SELECT details->>'step' AS step, actor_user_id AS actor FROM audit_log
        WHERE subject_id = $1 AND action = 'deal.transitioned' ORDER BY occurred_at, id`,
      [dealId],
    );
    expect(steps.map((s) => s.step)).toEqual([
      'agree',
      'sign',
      'start',
      'trigger',
      'fall_overdue',
      'default',
      'terminate',
    ]);
    expect(steps.filter((s) => s.actor === null).map((s) => s.step)).toEqual(['trigger', 'fall_overdue', 'default']);
    const [{ defaults }]: { defaults: number }[] = await dataSource.query(
      `SELECT count(*)::int AS defaults FROM notification WHERE type = 'deal.reminder' AND title_zh LIKE '%已违约'`,
    );
    expect(defaults).toBe(1);
  }, 30_000);
});

describe('the hourly reminder sweep', () => {
  it('is scheduled, and puts back a delayed job that Redis lost', async () => {
    expect(await dealsQueue.getJobScheduler('deal.reminders.hourly')).toMatchObject({ pattern: '17 * * * *' });
    const { dealId } = await signedDeal(
      app.getHttpServer(),
      accounts,
      'use_first_pay_later',
      {
        summary: '先用后付，约定日期付费',
        ufpl: {
          freeUntil: day(-10),
          triggerKind: 'date',
          triggerDate: day(100),
          paymentMode: 'lump_sum',
          fee: '1000.00',
          dueDays: 30,
          graceDays: 10,
        },
      },
      accounts.enterprise,
      app.get(DataSource),
    );
    await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'start' }).expect(200);
    const [reminder]: { id: string }[] = await dataSource.query(
      `SELECT id FROM deal_reminder WHERE deal_id = $1 AND kind = 'trigger_check'`,
      [dealId],
    );
    const job = await eventually(async () => dealsQueue.getJob(reminderJobId(reminder.id)), 10_000, 'planned job');
    expect(await job.getState()).toBe('delayed');
    await job.remove();
    expect(await dealsQueue.getJob(reminderJobId(reminder.id))).toBeUndefined();

    await dealsQueue.add('deal.reminders.sweep', { trigger: 'manual' });
    const back = await eventually(async () => dealsQueue.getJob(reminderJobId(reminder.id)), 10_000, 'job put back');
    expect(await back.getState()).toBe('delayed');
    expect(back.delay).toBeGreaterThan(90 * 24 * 3600 * 1000);
    expect(await statusOf(dealId)).toBe('free_use');
  }, 30_000);
});
