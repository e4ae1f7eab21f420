import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import type { Calendar } from '../../seeds/deals/calendar';
import { demoDeals } from '../../seeds/deals/demo-deals';
import { seedDeals, type SeededDeals } from '../../seeds/deals/seed-deals';
import { seedRecords } from '../../seeds/records/seed-records';
import type { DemoDeal } from '../../seeds/deals/story';
import { eventually, startApi, startWorker } from '../support/apps';
import { bearer, signIn, type SignedIn } from '../support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext | null = null;
let dataSource: DataSource;
let accounts: DemoAccounts;
let first: SeededDeals;
let second: SeededDeals;
let afterFirst: Record<string, number>;
let afterSecond: Record<string, number>;

const chinaNow = new Date(Date.now() + 8 * 3_600_000);
const year = chinaNow.getUTCFullYear();

/** Rows of every table the deal seed writes to. */
async function totals(): Promise<Record<string, number>> {
  const [row]: Record<string, number>[] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM deal) AS deals,
            (SELECT count(*)::int FROM term_sheet) AS term_sheets,
            (SELECT count(*)::int FROM deal_message) AS messages,
            (SELECT count(*)::int FROM instalment) AS instalments,
            (SELECT count(*)::int FROM revenue_report) AS reports,
            (SELECT count(*)::int FROM income_event) AS income_events,
            (SELECT count(*)::int FROM ledger_entry) AS ledger_entries,
            (SELECT count(*)::int FROM income_policy) AS policies,
            (SELECT count(*)::int FROM idempotency_record) AS idempotency_records,
            (SELECT count(*)::int FROM user_account) AS users,
            (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT count(*)::int FROM outbox) AS outbox`,
  );
  return row;
}

async function demoSignIn(account: { email: string }): Promise<SignedIn> {
  return signIn(app.getHttpServer(), account.email, DEMO_PASSWORD);
}

async function get(account: SignedIn, path: string): Promise<request.Response> {
  return request(app.getHttpServer()).get(`/api${path}`).set(bearer(account.accessToken)).expect(200);
}

beforeAll(async () => {
  // The worker, started last, takes only the deals queue: reminders, not matching.
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000', WORKER_QUEUES: 'deals' });
  app = await startApi();
  dataSource = app.get(DataSource);
  accounts = await seedIdentity(dataSource);
  await seedCatalog(dataSource, accounts);
  first = await seedDeals(dataSource, accounts);
  afterFirst = await totals();
  second = await seedDeals(dataSource, accounts);
  afterSecond = await totals();
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
}, 30_000);

describe(seedDeals.name, () => {
  it('opens thirteen deal rooms of every kind, in every state a deal goes through', async () => {
    expect(first).toEqual({ deals: 13, staffAccounts: 17, policies: 2 });
    const rows: { type: string; status: string }[] = await dataSource.query(
      `SELECT type, status FROM deal ORDER BY type, status`,
    );
    expect(rows.map((r) => `${r.type} ${r.status}`)).toEqual([
      'transfer transferred',
      'transfer completed',
      'licence active',
      'licence active',
      'licence cancelled',
      'use_first_pay_later negotiating',
      'use_first_pay_later free_use',
      'use_first_pay_later paying',
      'use_first_pay_later paying',
      'use_first_pay_later completed',
      'rights_for_equity holding',
      'rights_for_equity holding',
      'rights_grant granted',
    ]);
    const [equity]: { valuations: number; new_companies: number; grants: number }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM deal_valuation) AS valuations,
              (SELECT count(*)::int FROM deal_equity WHERE new_company AND institution_percent + team_percent = 100) AS new_companies,
              (SELECT count(*)::int FROM rights_grant WHERE kind = 'co_ownership' AND cardinality(researcher_ids) > 0) AS grants`,
    );
    expect(equity).toEqual({ valuations: 2, new_companies: 2, grants: 1 });
  });

  it('gives the KPI dashboard figures for this year and for last year', async () => {
    const admin = await demoSignIn(accounts.operator);
    const { body: now } = await get(admin, '/insights/kpis');
    expect(now.period.from).toBe(`${year}-01-01`);
    expect(now.turnover.value).toBe('5300000');
    // The funnel's last stage counts deals signed from the period's needs' connections; the demo's
    // deals were opened directly by the institutions, so the funnel shows them apart as direct.
    expect(now.funnel.signed + now.funnel.direct).toBe(5);
    expect(now.funnel.direct).toBe(5);
    expect(now.dealsByType).toEqual({
      transfer: 1,
      licence: 1,
      use_first_pay_later: 1,
      rights_for_equity: 1,
      rights_grant: 1,
      joint_development: 0,
    });
    expect(now.companiesFounded.value).toBe('1');
    expect(now.localConversion).toMatchObject({ local: 5, signed: 5 });
    expect(now.activeManagers.value).toBe('1');
    expect(now.patentsTransferred.filter((p: { transferred: number }) => p.transferred > 0).length).toBe(4);

    const { body: before } = await get(admin, `/insights/kpis?period=${year - 1}`);
    expect(before.turnover.value).toBe('7310000');
    expect(before.funnel.direct).toBe(6);
    expect(before.dealsByType).toMatchObject({ use_first_pay_later: 3, rights_for_equity: 1, transfer: 1, licence: 1 });
    expect(before.companiesFounded.value).toBe('1');
  });

  it('splits every income event into ledger entries that sum exactly to it', async () => {
    const events: { amount: string; parts: string; researchers: number }[] = await dataSource.query(
      `SELECT e.amount::text, sum(l.amount)::text AS parts, count(*) FILTER (WHERE l.party = 'researcher')::int AS researchers
         FROM income_event e JOIN ledger_entry l ON l.income_event_id = e.id
        GROUP BY e.id ORDER BY e.occurred_on`,
    );
    expect(events).toHaveLength(8);
    for (const event of events) {
      expect(event.parts).toBe(event.amount);
      expect(event.researchers).toBeGreaterThan(0);
    }
    expect(await dataSource.query(`SELECT 1 FROM income_event e WHERE e.instalment_id IS NOT NULL`)).toHaveLength(3);
  });

  it("gives the research team at least the policy floor of every income after the costs recovered, per the institution's policy", async () => {
    const events: { floor: string }[] = await dataSource.query(
      `SELECT e.policy->>'teamFloorPercent' AS floor FROM income_event e`,
    );
    expect(events).toHaveLength(8);
    expect(new Set(events.map((e) => Number(e.floor)))).toEqual(new Set([80, 85, 90]));
    const below: unknown[] = await dataSource.query(
      `SELECT e.id FROM income_event e JOIN ledger_entry l ON l.income_event_id = e.id
        GROUP BY e.id
       HAVING sum(l.amount) FILTER (WHERE l.party = 'researcher')
              < (e.amount - sum(l.amount) FILTER (WHERE l.party = 'cost_recovery')) * (e.policy->>'teamFloorPercent')::numeric / 100`,
    );
    expect(below).toEqual([]);
  });

  it('writes the instalments the agreed terms give, with their reminders', async () => {
    const schedules: { mode: string; agreed: string; scheduled: string; count: number; expected: number | null }[] =
      await dataSource.query(
        `SELECT u.payment_mode AS mode, coalesce(u.fee, u.entry_fee)::text AS agreed,
                sum(i.amount) FILTER (WHERE i.kind <> 'royalty')::text AS scheduled,
                count(*) FILTER (WHERE i.kind <> 'royalty')::int AS count, u.instalment_count AS expected
           FROM ufpl_licence u JOIN instalment i ON i.deal_id = u.deal_id
          GROUP BY u.deal_id ORDER BY u.payment_mode`,
      );
    expect(schedules).toEqual([
      { mode: 'lump_sum', agreed: '480000.00', scheduled: '480000.00', count: 1, expected: null },
      { mode: 'instalments', agreed: '1200000.00', scheduled: '1200000.00', count: 3, expected: 3 },
      { mode: 'entry_fee_royalty', agreed: '80000.00', scheduled: '80000.00', count: 1, expected: null },
    ]);
    const [reminders]: { missing: number }[] = await dataSource.query(
      `SELECT count(*)::int AS missing FROM instalment i
        WHERE (SELECT count(*) FROM deal_reminder r WHERE r.instalment_id = i.id) <> 3`,
    );
    expect(reminders.missing).toBe(0);
  });

  it('takes every step through the state machine, audited', async () => {
    const unaudited: unknown[] = await dataSource.query(
      `SELECT d.id FROM deal d
        WHERE d.status <> 'negotiating'
          AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.subject_type = 'deal' AND l.subject_id = d.id::text
                             AND l.action = 'deal.transitioned' AND l.details->>'to' = d.status::text)`,
    );
    expect(unaudited).toEqual([]);
    const signedWithoutSteps: unknown[] = await dataSource.query(
      `SELECT d.id FROM deal d WHERE d.signed_on IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.subject_id = d.id::text AND l.details->>'step' = 'sign')`,
    );
    expect(signedWithoutSteps).toEqual([]);
  });

  it('shows the demo company, TTO and manager their deals, and the TTO its researchers’ income', async () => {
    const company = await demoSignIn(accounts.enterprise);
    const tto = await demoSignIn(accounts.tto);
    const manager = await demoSignIn(accounts.manager);
    expect((await get(company, '/deals')).body.total).toBe(3);
    expect((await get(tto, '/deals')).body.total).toBe(5);
    expect((await get(manager, '/deals')).body.total).toBe(5);

    const { body: researchers } = await get(tto, '/income/researchers');
    expect(researchers.length).toBeGreaterThanOrEqual(3);
    const { body: statement } = await get(tto, `/income/statements/${researchers[0].researcherId}`);
    expect(statement.lines.length).toBeGreaterThan(0);
    expect(statement.total).toBe(researchers[0].total);
  });

  it('gives the demo TTO a register with its disposals, all but the latest approved, and the manager a record', async () => {
    const first = await seedRecords(dataSource, accounts);
    expect(await seedRecords(dataSource, accounts)).toEqual({ approvals: 0 });
    const tto = await demoSignIn(accounts.tto);
    const { body: register } = await get(tto, `/records/institutions/${accounts.tto.organisationId}/register`);
    expect(register.totals.disposals).toBeGreaterThanOrEqual(3);
    expect(first.approvals).toBe(register.totals.disposals - 1);
    expect(register.totals.approved).toBe(register.totals.disposals - 1);
    const [ledger] = await dataSource.query(
      `SELECT coalesce(sum(amount), 0)::numeric(14,2)::text AS income FROM income_event WHERE institution_org_id = $1`,
      [accounts.tto.organisationId],
    );
    expect(register.totals.income).toBe(ledger.income);
    const manager = await demoSignIn(accounts.manager);
    const { body: record } = await get(manager, `/insights/managers/${accounts.manager.userId}/record`);
    expect(record.years.reduce((n: number, y: { deals: number }) => n + y.deals, 0)).toBeGreaterThan(0);
  });

  it('adds nothing when run again', async () => {
    expect(second).toEqual({ deals: 0, staffAccounts: 0, policies: 0 });
    expect(afterSecond).toEqual(afterFirst);
  });

  it('removes a deal whose story fails half-way, income and ledger included, and says why', async () => {
    const before = await totals();
    const broken = (cal: Calendar): DemoDeal[] => {
      const [paying] = demoDeals(cal);
      return [
        {
          ...paying,
          titleSuffix: '（中途失败）',
          steps: [...paying.steps, { do: 'pay', seq: 9, on: cal.today, by: 'manager' }],
        },
      ];
    };
    await expect(seedDeals(dataSource, accounts, broken)).rejects.toThrow(/has no instalment 9/);
    expect(await dataSource.query(`SELECT id FROM deal WHERE title LIKE '%（中途失败）'`)).toEqual([]);
    const { audit: _audit, outbox: _outbox, ...kept } = before;
    expect(await totals()).toMatchObject(kept);
    // It had gone as far as a payment split into the ledger: the audit log keeps the trace.
    const [trace]: { income: number }[] = await dataSource.query(
      `SELECT count(*)::int AS income FROM audit_log l
        WHERE l.action = 'deal.income_recorded' AND NOT EXISTS (SELECT 1 FROM deal d WHERE d.id::text = l.subject_id)`,
    );
    expect(trace.income).toBe(1);
  });

  it('leaves the instalment past its due date to the worker, which puts the licence in grace', async () => {
    const [late]: { id: string; due_on: string }[] = await dataSource.query(
      `SELECT d.id, to_char(i.due_on, 'YYYY-MM-DD') AS due_on FROM deal d JOIN instalment i ON i.deal_id = d.id
        WHERE i.paid_on IS NULL AND i.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    expect(late).toBeDefined();
    worker = await startWorker();
    await eventually(
      async () => {
        const [deal]: { status: string }[] = await dataSource.query(`SELECT status FROM deal WHERE id = $1`, [late.id]);
        return deal.status === 'overdue';
      },
      20_000,
      'the worker to mark the licence overdue',
    );
    const manager = await demoSignIn(accounts.manager);
    const inbox = await eventually(async () => {
      const { body } = await get(manager, '/inbox?pageSize=100');
      const reminders = body.items.filter((item: { type: string }) => item.type === 'deal.reminder');
      return reminders.length > 0 ? reminders : undefined;
    });
    expect(inbox.map((item: { title: { zh: string } }) => item.title.zh)).toEqual([
      expect.stringMatching(/第 2 期款项已逾期$/),
    ]);
  }, 40_000);
});
