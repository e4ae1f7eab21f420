import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { producerConnection, QueueName } from '@kuaizhuan/platform';
import { addDays, chinaDate } from '../src/domain/dates';
import { reminderJobId } from '../src/reminders/reminder-jobs';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { needWithRecommendations, publishCatalogue, type Catalogue } from '../../matching/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import type { SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { api, freePeriodEnded, key } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext | null = null;
let dataSource: DataSource;
let dealsQueue: Queue;
let accounts: Accounts;
let catalogue: Catalogue;
let call: ReturnType<typeof api>;

const today = chinaDate(new Date());
const day = (offset: number): string => addDays(today, offset);

/** The caller's deal reminders, each with what it reminds of (read from its title). */
async function inbox(account: SignedIn): Promise<{ title: { zh: string }; kind: string }[]> {
  const { body } = await call.get(account, '/inbox?pageSize=100').expect(200);
  return body.items
    .filter((item: { type: string }) => item.type === 'deal.reminder')
    .map((item: { title: { zh: string } }) => ({
      title: item.title,
      kind: item.title.zh.endsWith('已逾期') ? 'overdue' : item.title.zh.endsWith('即将到期') ? 'before_due' : 'other',
    }));
}

async function statusOf(dealId: string): Promise<string> {
  return (await call.get(accounts.tto, `/deals/${dealId}`).expect(200)).body.status;
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  dealsQueue = new Queue(QueueName.Deals, {
    connection: producerConnection(process.env.REDIS_URL!),
    prefix: env.queuePrefix,
  });
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  catalogue = await publishCatalogue(app.getHttpServer(), dataSource, accounts);
}, 60_000);

afterAll(async () => {
  await dealsQueue?.close();
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

describe('use-first-pay-later licence end to end', () => {
  let connectionId: string;
  let dealId: string;

  it('connects a company and a TTO through matching', async () => {
    const { recommendations } = await needWithRecommendations(
      app.getHttpServer(),
      dataSource,
      accounts,
      accounts.enterprise,
    );
    const rec = recommendations.find((r) => r.achievement_id === catalogue.magnesium)!;
    await call.post(accounts.manager, `/reviews/${rec.id}/approve`, { note: '推荐' }).expect(200);
    await eventually(async () => {
      const [row]: { status: string }[] = await dataSource.query(`SELECT status FROM recommendation WHERE id = $1`, [
        rec.id,
      ]);
      return row.status === 'delivered';
    }, 20_000);
    await call.post(accounts.enterprise, `/recommendations/${rec.id}/answer`, { answer: 'interested' }).expect(200);
    const answered = await call
      .post(accounts.tto, `/recommendations/${rec.id}/answer`, { answer: 'interested' })
      .expect(200);
    connectionId = answered.body.connectionId;
    expect(connectionId).toEqual(expect.any(String));
  }, 60_000);

  it('opens a deal room from the connection, negotiates and signs', async () => {
    const opened = await call
      .post(accounts.enterprise, '/deals', {
        type: 'use_first_pay_later',
        title: '镁合金轧制技术先用后付许可',
        connectionId,
        licenceScope: 'non_exclusive',
      })
      .expect(201);
    dealId = opened.body.id;
    expect(opened.body).toMatchObject({
      status: 'negotiating',
      capacity: 'company',
      institution: { id: accounts.tto.orgId },
      company: { id: accounts.enterprise.orgId },
      achievement: { id: catalogue.magnesium },
    });
    await call
      .post(accounts.tto, '/deals', { type: 'licence', title: '重复', connectionId, licenceScope: 'sole' })
      .expect(409);
    // Either side finds the room from the connection; another institution finds nothing.
    const found = await call.get(accounts.tto, `/deals?connectionId=${connectionId}`).expect(200);
    expect(found.body).toMatchObject({ total: 1, items: [{ id: dealId, connectionId }] });
    expect((await call.get(accounts.otherTto, `/deals?connectionId=${connectionId}`).expect(200)).body.total).toBe(0);
    await call.get(accounts.tto, '/deals?connectionId=nope').expect(400);
    await call.post(accounts.tto, `/deals/${dealId}/manager`, { userId: accounts.manager.userId }).expect(200);
    await call.post(accounts.manager, `/deals/${dealId}/messages`, { body: '双方请确认免费使用期。' }).expect(201);

    const ufpl = {
      freeUntil: day(-60),
      triggerKind: 'first_revenue',
      paymentMode: 'entry_fee_royalty',
      entryFee: '50000.00',
      royaltyPercent: '3',
      royaltyCap: '200000.00',
      dueDays: 30,
      graceDays: 30,
    };
    const offer = await call
      .post(accounts.enterprise, `/deals/${dealId}/term-sheets`, { summary: '非独占许可，先用后付', ufpl })
      .expect(201);
    const counter = await call
      .post(accounts.tto, `/deals/${dealId}/term-sheets`, {
        summary: '非独占许可，先用后付，入门费 6 万',
        ufpl: { ...ufpl, entryFee: '60000.00' },
      })
      .expect(201);
    expect(counter.body).toMatchObject({ version: 2, proposedBy: 'institution', status: 'open' });
    await call.post(accounts.enterprise, `/deals/${dealId}/term-sheets/${offer.body.id}/accept`).expect(409);
    await call.post(accounts.enterprise, `/deals/${dealId}/term-sheets/${counter.body.id}/accept`).expect(200);
    await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'sign' }).expect(409);
    const agreed = await call.post(accounts.tto, `/deals/${dealId}/term-sheets/${counter.body.id}/accept`).expect(200);
    expect(agreed.body.status).toBe('accepted');
    expect(agreed.body.acceptances).toEqual([
      { side: 'company', userId: accounts.enterprise.userId, at: expect.any(String) },
      { side: 'institution', userId: accounts.tto.userId, at: expect.any(String) },
    ]);
    const sheets = await call.get(accounts.manager, `/deals/${dealId}/term-sheets`).expect(200);
    expect(sheets.body.map((s: { status: string }) => s.status)).toEqual(['superseded', 'accepted']);

    // Terms whose free period is already over are not signed: the licensee would owe from day one.
    const late = await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'sign' }).expect(409);
    expect(late.body.field).toBe('ufpl.freeUntil');
    // Signed on the last free day, then time passes: the free period ended 60 days ago.
    await freePeriodEnded(dataSource, dealId, today);
    await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'sign' }).expect(200);
    await freePeriodEnded(dataSource, dealId, ufpl.freeUntil);
    const contract = await call.get(accounts.enterprise, `/deals/${dealId}/contract`).expect(200);
    expect(contract.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(contract.text).toContain('<h1>技术许可（先使用后付费）合同</h1>');
    expect(contract.text).toContain('60000.00 元（人民币陆万元整）');
    expect(contract.text).toContain(`<tr><th>签订日期</th><td>${today}</td></tr>`);
    await call.post(accounts.manager, `/deals/${dealId}/transitions`, { action: 'start' }).expect(200);
    await call
      .put(accounts.tto, `/deals/${dealId}/distribution`, {
        recoverableCosts: '10000.00',
        contributions: [
          { researcherId: catalogue.researcherIds[0], sharePercent: '60' },
          { researcherId: catalogue.researcherIds[1], sharePercent: '40' },
        ],
      })
      .expect(200);
    expect(await statusOf(dealId)).toBe('free_use');
  });

  it('keeps the licence free until revenue is reported, then schedules the entry fee and the royalty', async () => {
    const quiet = await call
      .post(
        accounts.enterprise,
        `/deals/${dealId}/revenue-reports`,
        { periodStart: day(-120), periodEnd: day(-91), revenue: '0' },
        key(),
      )
      .expect(201);
    expect(quiet.body).toMatchObject({ triggered: false, royalty: null, status: 'free_use' });

    const first = await call
      .post(
        accounts.enterprise,
        `/deals/${dealId}/revenue-reports`,
        { periodStart: day(-90), periodEnd: day(-35), revenue: '1000000.00' },
        key(),
      )
      .expect(201);
    expect(first.body).toMatchObject({ triggered: true, royalty: '30000.00', status: 'paying' });

    const licence = await call.get(accounts.enterprise, `/deals/${dealId}/licence`).expect(200);
    expect(licence.body.triggeredOn).toBe(day(-35));
    expect(
      licence.body.instalments.map((i: { kind: string; amount: string; dueOn: string }) => [i.kind, i.amount, i.dueOn]),
    ).toEqual([
      ['entry_fee', '60000.00', day(-5)],
      ['royalty', '30000.00', day(30)],
    ]);
    expect(licence.body.instalments[0].invoiceNo).toMatch(/^KZ-[0-9A-F]{12}-001$/);
    const invoice = await call
      .get(accounts.enterprise, `/deals/${dealId}/instalments/${licence.body.instalments[1].id}/invoice`)
      .expect(200);
    expect(invoice.text).toContain('<tr><th>金额</th><td>30000.00 元（人民币叁万元整）</td></tr>');
    expect(invoice.text).toContain(licence.body.instalments[1].invoiceNo);
    await call
      .get(accounts.otherEnterprise, `/deals/${dealId}/instalments/${licence.body.instalments[1].id}/invoice`)
      .expect(404);
  });

  it('marks the late entry fee overdue and reminds both sides once', async () => {
    await eventually(async () => (await statusOf(dealId)) === 'overdue', 20_000, 'deal overdue');
    const notices = await eventually(async () => {
      const items = await inbox(accounts.enterprise);
      return items.length > 0 && items;
    });
    expect(notices.map((n) => n.kind)).toEqual(['overdue']);
    expect(notices[0].title.zh).toBe('「镁合金轧制技术先用后付许可」第 1 期款项已逾期');
    expect((await inbox(accounts.tto)).map((n) => n.kind)).toEqual(['overdue']);
    expect((await inbox(accounts.manager)).map((n) => n.kind)).toEqual(['overdue']);
    const outcomes: { kind: string; outcome: string }[] = await dataSource.query(
      `SELECT r.kind, r.outcome FROM deal_reminder r JOIN instalment i ON i.id = r.instalment_id
        WHERE r.deal_id = $1 AND i.seq = 1 AND r.done_at IS NOT NULL ORDER BY r.kind`,
      [dealId],
    );
    expect(outcomes).toEqual([
      { kind: 'before_due', outcome: 'past_due' },
      { kind: 'overdue', outcome: 'sent' },
    ]);
  });

  it('keeps the royalty reminder as a delayed job across a worker restart', async () => {
    const [reminder]: { id: string }[] = await dataSource.query(
      `SELECT r.id FROM deal_reminder r JOIN instalment i ON i.id = r.instalment_id
        WHERE r.deal_id = $1 AND i.kind = 'royalty' AND r.kind = 'before_due'`,
      [dealId],
    );
    const delayed = await eventually(async () => {
      const job = await dealsQueue.getJob(reminderJobId(reminder.id));
      return job && (await job.getState()) === 'delayed' && job;
    });
    expect(delayed.delay).toBeGreaterThan(20 * 24 * 3600 * 1000);

    await worker!.close();
    worker = null;
    expect(await (await dealsQueue.getJob(reminderJobId(reminder.id)))!.getState()).toBe('delayed');
    worker = await startWorker();
    // The reminder's day comes: the job is due now, and the new worker carries it out.
    await delayed.promote();
    await eventually(
      async () => (await inbox(accounts.enterprise)).some((n) => n.kind === 'before_due'),
      20_000,
      'royalty reminder',
    );
    const [row]: { outcome: string }[] = await dataSource.query(`SELECT outcome FROM deal_reminder WHERE id = $1`, [
      reminder.id,
    ]);
    expect(row.outcome).toBe('sent');
    expect((await inbox(accounts.enterprise)).map((n) => n.kind).sort()).toEqual(['before_due', 'overdue']);
  }, 30_000);

  it('records the payments, idempotently, and splits each into researcher ledger entries', async () => {
    const licence = await call.get(accounts.tto, `/deals/${dealId}/licence`).expect(200);
    const [entryFee, royalty] = licence.body.instalments as { id: string }[];
    const feeKey = key();
    const body = { instalmentId: entryFee.id, amount: '60000.00', paidOn: today };
    const paid = await call.post(accounts.tto, `/deals/${dealId}/payments`, body, feeKey).expect(201);
    expect(paid.body.status).toBe('paying');
    expect(paid.body.income.entries).toEqual([
      { party: 'cost_recovery', researcherId: null, amount: '10000.00' },
      { party: 'institution', researcherId: null, amount: '10000.00' },
      { party: 'researcher', researcherId: catalogue.researcherIds[0], amount: '24000.00' },
      { party: 'researcher', researcherId: catalogue.researcherIds[1], amount: '16000.00' },
    ]);
    const again = await call.post(accounts.tto, `/deals/${dealId}/payments`, body, feeKey).expect(201);
    expect(again.body).toEqual(paid.body);
    const other = await call
      .post(accounts.tto, `/deals/${dealId}/payments`, { ...body, paidOn: day(-1) }, feeKey)
      .expect(422);
    expect(other.body.field).toBe('Idempotency-Key');

    const royaltyPaid = await call
      .post(
        accounts.manager,
        `/deals/${dealId}/payments`,
        { instalmentId: royalty.id, amount: '30000.00', paidOn: today },
        key(),
      )
      .expect(201);
    expect(royaltyPaid.body.income).toMatchObject({ kind: 'royalty', amount: '30000.00' });
    expect(royaltyPaid.body.income.entries).toEqual([
      { party: 'cost_recovery', researcherId: null, amount: '0.00' },
      { party: 'institution', researcherId: null, amount: '6000.00' },
      { party: 'researcher', researcherId: catalogue.researcherIds[0], amount: '14400.00' },
      { party: 'researcher', researcherId: catalogue.researcherIds[1], amount: '9600.00' },
    ]);

    const [{ events }]: { events: number }[] = await dataSource.query(
      `SELECT count(*)::int AS events FROM income_event WHERE deal_id = $1`,
      [dealId],
    );
    expect(events).toBe(2);
    const statement = await call.get(accounts.tto, `/income/statements/${catalogue.researcherIds[0]}`).expect(200);
    expect(statement.body).toMatchObject({ total: '38400.00' });
    expect(statement.body.lines.map((l: { kind: string; amount: string }) => [l.kind, l.amount])).toEqual([
      ['fee', '24000.00'],
      ['royalty', '14400.00'],
    ]);
    // Paid before its moment: the royalty's overdue reminder does nothing when it comes.
    const [overdue]: { id: string }[] = await dataSource.query(
      `SELECT r.id FROM deal_reminder r WHERE r.instalment_id = $1 AND r.kind = 'overdue'`,
      [royalty.id],
    );
    await (await dealsQueue.getJob(reminderJobId(overdue.id)))!.promote();
    await eventually(async () => {
      const [row]: { outcome: string | null }[] = await dataSource.query(
        `SELECT outcome FROM deal_reminder WHERE id = $1`,
        [overdue.id],
      );
      return row.outcome === 'paid';
    });
    expect(await statusOf(dealId)).toBe('paying');
  }, 30_000);

  it('shows the deal to nobody outside it', async () => {
    for (const outsider of [accounts.otherEnterprise, accounts.otherTto]) {
      await call.get(outsider, `/deals/${dealId}`).expect(404);
      await call.get(outsider, `/deals/${dealId}/licence`).expect(404);
    }
    await call
      .post(
        accounts.otherEnterprise,
        `/deals/${dealId}/revenue-reports`,
        { periodStart: day(-30), periodEnd: day(-1), revenue: '1.00' },
        key(),
      )
      .expect(404);
    await call.get(accounts.enterprise, `/deals/${dealId}/income`).expect(403);
  });
});
