import type { NestExpressApplication } from '@nestjs/platform-express';
import { readSheet } from 'read-excel-file/node';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { REGISTER_COLUMNS } from '@kuaizhuan/records';
import { as, createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { api, key, signedDeal } from '../../deals/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { registerAccount, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
let pendingTto: SignedIn;
let licenceId: string;
let equityId: string;
let otherDealId: string;
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const registerPath = (orgId: string, query = ''): string => `/records/institutions/${orgId}/register${query}`;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  pendingTto = await registerAccount(app.getHttpServer(), { kind: 'university', name: '待审核大学' });

  licenceId = (await signedDeal(app.getHttpServer(), accounts, 'licence', { summary: '普通许可', price: '50000.00' }))
    .dealId;
  await call.post(accounts.tto, `/deals/${licenceId}/transitions`, { action: 'start' }).expect(200);
  await call
    .post(accounts.tto, `/deals/${licenceId}/income`, { kind: 'fee', amount: '50000.00', occurredOn: today }, key())
    .expect(201);

  equityId = (await signedDeal(app.getHttpServer(), accounts, 'rights_for_equity', { summary: '作价入股' })).dealId;
  await call.post(accounts.tto, `/deals/${equityId}/manager`, { userId: accounts.manager.userId }).expect(200);
  await call
    .post(accounts.manager, `/deals/${equityId}/valuation`, {
      value: '3000000.00',
      method: '收益法',
      appraiser: '重庆某资产评估有限公司',
      valuedOn: today,
    })
    .expect(201);
  await call
    .post(accounts.tto, `/deals/${equityId}/equity`, {
      companyName: '重庆镁轻科技有限公司',
      newCompany: true,
      equityPercent: '20',
      institutionPercent: '30',
      teamPercent: '70',
      takenOn: today,
    })
    .expect(201);
  await call
    .post(accounts.tto, `/deals/${equityId}/income`, { kind: 'dividend', amount: '12345.67', occurredOn: today }, key())
    .expect(201);

  // A deal of another institution: never in this register.
  const other = { ...accounts, tto: accounts.otherTto };
  otherDealId = (await signedDeal(app.getHttpServer(), other, 'transfer', { summary: '转让', price: '80000.00' }))
    .dealId;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('GET /records/institutions/:orgId/register', () => {
  it("lists the institution's service inventions with each disposal, its income and split, equal to the deals' ledger", async () => {
    const { body } = await call.get(accounts.tto, registerPath(accounts.tto.orgId)).expect(200);
    expect(body.institution).toBe('重庆大学');
    const disposals = body.inventions.flatMap((i: { disposals: { dealId: string }[] }) => i.disposals);
    expect(disposals.map((d: { dealId: string }) => d.dealId).sort()).toEqual([licenceId, equityId].sort());
    expect(disposals.map((d: { dealId: string }) => d.dealId)).not.toContain(otherDealId);

    const licence = disposals.find((d: { dealId: string }) => d.dealId === licenceId);
    expect(licence).toMatchObject({ kind: 'licence', dealType: 'licence', income: '50000.00', approval: null });
    const equity = disposals.find((d: { dealId: string }) => d.dealId === equityId);
    expect(equity).toMatchObject({
      kind: 'equity',
      income: '12345.67',
      valuations: [{ value: '3000000.00', method: '收益法', appraiser: '重庆某资产评估有限公司', valuedOn: today }],
      equity: { companyName: '重庆镁轻科技有限公司', equityPercent: '20.0000' },
    });

    // The register's figures are the ledger's: income events and their entries, per party.
    const [ledger] = await dataSource.query(
      `SELECT (SELECT sum(amount) FROM income_event WHERE institution_org_id = $1)::numeric(14,2)::text AS income,
              (SELECT sum(amount) FROM ledger_entry WHERE institution_org_id = $1 AND party = 'cost_recovery')::numeric(14,2)::text AS cost,
              (SELECT sum(amount) FROM ledger_entry WHERE institution_org_id = $1 AND party = 'institution')::numeric(14,2)::text AS institution,
              (SELECT sum(amount) FROM ledger_entry WHERE institution_org_id = $1 AND party = 'researcher')::numeric(14,2)::text AS researchers`,
      [accounts.tto.orgId],
    );
    expect(ledger.income).toBe('62345.67');
    expect(body.totals).toEqual({
      disposals: 2,
      approved: 0,
      income: ledger.income,
      costRecovery: ledger.cost,
      institution: ledger.institution,
      researchers: ledger.researchers,
    });
    for (const d of disposals as { income: string; distribution: Record<string, string> }[]) {
      const parts = Object.values(d.distribution).reduce((sum, part) => sum + Math.round(Number(part) * 100), 0);
      expect(parts).toBe(Math.round(Number(d.income) * 100));
    }
  });

  it('filters by the report year: a year without disposals or income lists none', async () => {
    const { body } = await call.get(accounts.tto, registerPath(accounts.tto.orgId, '?year=2020')).expect(200);
    expect(body.year).toBe(2020);
    expect(body.totals).toMatchObject({ disposals: 0, income: '0.00' });
    const current = await call.get(accounts.tto, registerPath(accounts.tto.orgId, `?year=${year}`)).expect(200);
    expect(current.body.totals.disposals).toBe(2);
  });

  it.each(['26', '0000', '1899', '9999'])(
    'refuses the year %s, naming it, on the page and the export',
    async (year) => {
      const { body } = await call.get(accounts.tto, registerPath(accounts.tto.orgId, `?year=${year}`)).expect(400);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['year']);
      await request(app.getHttpServer())
        .get(`/api${registerPath(accounts.tto.orgId)}.xlsx?year=${year}`)
        .set(as(accounts.tto))
        .expect(400);
    },
  );

  it('is read by the institution and the operator only', async () => {
    await call.get(accounts.admin, registerPath(accounts.tto.orgId)).expect(200);
    await call.get(accounts.otherTto, registerPath(accounts.tto.orgId)).expect(404);
    await call.get(accounts.enterprise, registerPath(accounts.tto.orgId)).expect(403);
    await call.get(accounts.manager, registerPath(accounts.tto.orgId)).expect(403);
    await call.get(accounts.otherTto, registerPath(accounts.tto.orgId) + '.xlsx').expect(404);
    // An unverified institution has no register yet, not even its own.
    await call.get(pendingTto, registerPath(pendingTto.orgId)).expect(403);
    await call.get(pendingTto, registerPath(pendingTto.orgId) + '.xlsx').expect(403);
    // A company has no register.
    await call.get(accounts.admin, registerPath(accounts.enterprise.orgId)).expect(404);
  });
});

describe('PUT /records/institutions/:orgId/disposals/:dealId/approval', () => {
  const approval = { approvedBy: '校长办公会', approvedOn: today, documentRef: '渝大科〔2026〕12号' };
  const path = (orgId: string, dealId: string): string => `/records/institutions/${orgId}/disposals/${dealId}/approval`;

  it("records the institution's approval of a disposal, shown in the register with who recorded it", async () => {
    const { body } = await call.put(accounts.tto, path(accounts.tto.orgId, licenceId), approval).expect(200);
    expect(body).toMatchObject({ ...approval, recordedBy: '测试用户' });
    const register = await call.get(accounts.tto, registerPath(accounts.tto.orgId)).expect(200);
    const licence = register.body.inventions
      .flatMap((i: { disposals: { dealId: string }[] }) => i.disposals)
      .find((d: { dealId: string }) => d.dealId === licenceId);
    expect(licence.approval).toMatchObject(approval);
    expect(register.body.totals.approved).toBe(1);
    const [audit] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'register.approval_recorded' AND subject_id = $1`,
      [licenceId],
    );
    expect(audit.n).toBe(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { body } = await call
      .put(accounts.tto, path(accounts.tto.orgId, equityId), { ...approval, approvedOn: '2026-02-30', documentRef: '' })
      .expect(400);
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['approvedOn', 'documentRef']);
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM register_approval WHERE deal_id = $1`, [
      equityId,
    ]);
    expect(row.n).toBe(0);
  });

  it("refuses another institution's deal, another institution, a company, a manager, the operator and a pending TTO", async () => {
    await call.put(accounts.tto, path(accounts.tto.orgId, otherDealId), approval).expect(404);
    await call.put(accounts.otherTto, path(accounts.tto.orgId, licenceId), approval).expect(404);
    await call.put(accounts.enterprise, path(accounts.tto.orgId, licenceId), approval).expect(403);
    await call.put(accounts.manager, path(accounts.tto.orgId, licenceId), approval).expect(403);
    await call.put(accounts.admin, path(accounts.tto.orgId, licenceId), approval).expect(403);
    await call.put(pendingTto, path(pendingTto.orgId, licenceId), approval).expect(403);
  });
});

describe('GET /records/institutions/:orgId/register.xlsx', () => {
  it('exports the register as a workbook that reads back with its rows, formula-leading text neutralised', async () => {
    await dataSource.query(
      `UPDATE achievement SET institution_name = '=HYPERLINK("http://x.example")' WHERE id =
      (SELECT achievement_id FROM deal WHERE id = $1)`,
      [equityId],
    );
    const response = await request(app.getHttpServer())
      .get(`/api${registerPath(accounts.tto.orgId)}.xlsx?year=${year}`)
      .set(as(accounts.tto))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = (await readSheet(response.body as Buffer, { parseNumber: (text: string) => text })) as unknown[][];
    expect(rows[0]).toEqual([...REGISTER_COLUMNS]);
    const byTitle = rows.slice(1);
    const kinds = byTitle.map((r) => r[7]).filter((k) => k !== null);
    expect(kinds.sort()).toEqual(['作价入股 equity', '许可 licence']);
    const licence = byTitle.find((r) => r[7] === '许可 licence')!;
    expect(licence[13]).toBe('50000');
    expect(licence.slice(17)).toEqual(['校长办公会', today, '渝大科〔2026〕12号']);
    const equity = byTitle.find((r) => r[7] === '作价入股 equity')!;
    expect(equity[2]).toBe(`'=HYPERLINK("http://x.example")`);
    expect(equity[10]).toBe('3000000');
    expect(equity[13]).toBe('12345.67');
  });
});
