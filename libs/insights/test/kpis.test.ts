import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { api, signedDeal } from '../../deals/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  // The other company is in Chengdu: its deals are not local conversions.
  await dataSource.query(`UPDATE organisation SET region = '510100' WHERE id = $1`, [accounts.otherEnterprise.orgId]);

  await signedDeal(app.getHttpServer(), accounts, 'transfer', { summary: '专利权转让', price: '100000.00' });
  await signedDeal(
    app.getHttpServer(),
    accounts,
    'licence',
    { summary: '普通许可', price: '50000.50' },
    accounts.otherEnterprise,
  );
  const equity = await signedDeal(app.getHttpServer(), accounts, 'rights_for_equity', { summary: '作价入股' });
  await call.post(accounts.tto, `/deals/${equity.dealId}/manager`, { userId: accounts.manager.userId }).expect(200);
  await call
    .post(accounts.manager, `/deals/${equity.dealId}/valuation`, {
      value: '3000000.00',
      method: '收益法',
      appraiser: '某评估公司',
      valuedOn: today,
    })
    .expect(201);
  await call
    .post(accounts.tto, `/deals/${equity.dealId}/equity`, {
      companyName: '重庆镁轻科技有限公司',
      newCompany: true,
      equityPercent: '20',
      institutionPercent: '30',
      teamPercent: '70',
      takenOn: today,
    })
    .expect(201);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('GET /insights/kpis', () => {
  it('measures the year against the 2027 targets', async () => {
    const { body } = await call.get(accounts.admin, '/insights/kpis').expect(200);
    expect(body.period).toEqual({ from: `${year}-01-01`, to: `${year}-12-31` });
    expect(body.turnover).toEqual({
      value: '3150000.5',
      target: '130000000000',
      progressPercent: '0.00',
      met: false,
    });
    expect(body.dealsByType).toEqual({
      transfer: 1,
      licence: 1,
      use_first_pay_later: 0,
      rights_for_equity: 1,
      rights_grant: 0,
      joint_development: 0,
    });
    // Rounded half up since the rounding fix (was 66.66 / 222.20 rounded down).
    expect(body.localConversion).toEqual({
      value: '66.67',
      target: '30',
      progressPercent: '222.23',
      met: true,
      local: 2,
      signed: 3,
    });
    expect(body.patentsTransferred).toEqual([
      {
        orgId: accounts.tto.orgId,
        name: '重庆大学',
        transferred: 3,
        newlyGranted: 3,
        ratio: { value: '100', target: '10', progressPercent: '1000.00', met: true },
      },
    ]);
    expect(body.companiesFounded).toMatchObject({ value: '1', target: '1000', met: false });
    expect(body.activeManagers).toMatchObject({ value: '1', target: '3500' });
    // The funnel follows the needs published in the period; the three deals were opened by the
    // TTO without a platform match, so they are counted as direct, not as the funnel's last stage.
    expect(body.funnel).toEqual({
      needs: 0,
      recommendations: 0,
      approved: 0,
      interested: 0,
      connected: 0,
      signed: 0,
      direct: 3,
    });
    expect(body.reviewHours).toEqual({ reviewed: 0, median: null, p90: null });
    expect(body.commissioners).toEqual({
      appointed: 0,
      visits: 0,
      minedNeeds: 0,
      recommended: 0,
      connected: 0,
      signed: 0,
    });
  });

  it('counts only deals of Chongqing institutions in the local conversion rate', async () => {
    await dataSource.query(`UPDATE organisation SET region = '110108' WHERE id = $1`, [accounts.tto.orgId]);
    try {
      const { body } = await call.get(accounts.admin, '/insights/kpis').expect(200);
      expect(body.localConversion).toMatchObject({ value: '0', local: 0, signed: 0, met: false });
    } finally {
      await dataSource.query(`UPDATE organisation SET region = '500112' WHERE id = $1`, [accounts.tto.orgId]);
    }
  });

  it('counts nothing in a period before any deal', async () => {
    const { body } = await call.get(accounts.admin, '/insights/kpis?period=2020-Q2').expect(200);
    expect(body.period).toEqual({ from: '2020-04-01', to: '2020-06-30' });
    expect(body.turnover.value).toBe('0');
    expect(body.funnel.signed).toBe(0);
    expect(body.patentsTransferred).toEqual([]);
  });

  it('refuses a malformed period, naming it, and anyone but an admin', async () => {
    const bad = await call.get(accounts.admin, '/insights/kpis?period=2026-13').expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['period']);
    await call.get(accounts.tto, '/insights/kpis').expect(403);
    await call.get(accounts.manager, '/insights/kpis').expect(403);
  });
});
