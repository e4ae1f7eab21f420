import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { api, key, signedDeal } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('rights-for-equity end to end', () => {
  it('runs from valuation to an exit distributed to the researchers', async () => {
    const { dealId, researcherIds } = await signedDeal(app.getHttpServer(), accounts, 'rights_for_equity', {
      summary: '以专利作价入股，占新公司 20% 股权',
    });
    const valued = await call
      .post(accounts.tto, `/deals/${dealId}/valuation`, {
        value: '3000000.00',
        method: '收益法',
        appraiser: '重庆华康资产评估土地房地产估价有限责任公司',
        valuedOn: '2026-01-15',
      })
      .expect(201);
    expect(valued.body.valuations).toEqual([
      expect.objectContaining({ value: '3000000.00', method: '收益法', valuedOn: '2026-01-15' }),
    ]);
    await call
      .post(accounts.tto, `/deals/${dealId}/equity`, {
        companyName: '重庆镁轻科技有限公司',
        newCompany: true,
        equityPercent: '20',
        institutionPercent: '30',
        teamPercent: '70',
        takenOn: '2026-02-01',
      })
      .expect(201);
    expect((await call.get(accounts.enterprise, `/deals/${dealId}`).expect(200)).body.status).toBe('holding');

    const dividend = await call
      .post(
        accounts.tto,
        `/deals/${dealId}/income`,
        { kind: 'dividend', amount: '50000.00', occurredOn: '2026-06-30' },
        key(),
      )
      .expect(201);
    // Costs of 10,000 first, then 20% of 40,000 to the institution, 32,000 to the team at 60 / 40.
    expect(dividend.body.entries).toEqual([
      { party: 'cost_recovery', researcherId: null, amount: '10000.00' },
      { party: 'institution', researcherId: null, amount: '8000.00' },
      { party: 'researcher', researcherId: researcherIds[0], amount: '19200.00' },
      { party: 'researcher', researcherId: researcherIds[1], amount: '12800.00' },
    ]);

    const exit = await call
      .post(
        accounts.tto,
        `/deals/${dealId}/income`,
        { kind: 'exit', amount: '1000000.01', occurredOn: '2026-09-30' },
        key(),
      )
      .expect(201);
    expect(exit.body.entries).toEqual([
      { party: 'cost_recovery', researcherId: null, amount: '0.00' },
      { party: 'institution', researcherId: null, amount: '200000.00' },
      { party: 'researcher', researcherId: researcherIds[0], amount: '480000.01' },
      { party: 'researcher', researcherId: researcherIds[1], amount: '320000.00' },
    ]);
    expect((await call.get(accounts.tto, `/deals/${dealId}`).expect(200)).body.status).toBe('exited');

    const [{ sums }]: { sums: boolean }[] = await dataSource.query(
      `SELECT bool_and(e.amount = (SELECT sum(l.amount) FROM ledger_entry l WHERE l.income_event_id = e.id)) AS sums
         FROM income_event e WHERE e.deal_id = $1`,
      [dealId],
    );
    expect(sums).toBe(true);
    const statement = await call.get(accounts.tto, `/income/statements/${researcherIds[0]}`).expect(200);
    expect(statement.body.total).toBe('499200.01');
    expect(statement.body.lines.map((l: { kind: string }) => l.kind)).toEqual(['dividend', 'exit']);
    // The per-researcher distribution agrees with the statement; another institution sees none of it.
    const { body: totals } = await call.get(accounts.tto, '/income/researchers').expect(200);
    expect(totals).toContainEqual({ researcherId: researcherIds[0], name: '张伟', entries: 2, total: '499200.01' });
    const { body: others } = await call.get(accounts.otherTto, '/income/researchers').expect(200);
    expect(others).toEqual([]);
    await call.get(accounts.enterprise, '/income/researchers').expect(403);

    const audit: { step: string }[] = await dataSource.query(
      `SELECT details->>'step' AS step FROM audit_log WHERE subject_id = $1 AND action = 'deal.transitioned'
        ORDER BY occurred_at, id`,
      [dealId],
    );
    expect(audit.map((a) => a.step)).toEqual(['agree', 'sign', 'value', 'take_equity', 'exit']);
  });

  it('grants researchers a long-term use right under a rights-grant deal, once', async () => {
    const { dealId, researcherIds } = await signedDeal(app.getHttpServer(), accounts, 'rights_grant', {
      summary: '赋予成果完成人十年长期使用权',
    });
    const grant = { kind: 'use_right', termYears: 10, researcherIds, grantedOn: '2026-03-01' };
    await call.post(accounts.enterprise, `/deals/${dealId}/rights-grants`, grant).expect(403);
    const granted = await call.post(accounts.tto, `/deals/${dealId}/rights-grants`, grant).expect(201);
    expect(granted.body.grants).toEqual([
      expect.objectContaining({ kind: 'use_right', termYears: 10, sharePercent: null, researcherIds }),
    ]);
    expect((await call.get(accounts.enterprise, `/deals/${dealId}`).expect(200)).body.status).toBe('granted');
    await call.post(accounts.tto, `/deals/${dealId}/rights-grants`, grant).expect(409);
    const view = await call.get(accounts.tto, `/deals/${dealId}/equity`).expect(200);
    expect(view.body.grants).toHaveLength(1);
    await call.get(accounts.otherTto, `/deals/${dealId}/equity`).expect(404);
  });
});
