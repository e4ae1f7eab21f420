import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { api, signedDeal } from './fixtures';

/** What a party's deal-room screen reads: its next steps, the brokers to pick from, the team's shares. */

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

describe('deal view', () => {
  it('lists the steps each party may take now, and they change with the status', async () => {
    const { dealId } = await signedDeal(app.getHttpServer(), accounts, 'transfer');
    const asTto = await call.get(accounts.tto, `/deals/${dealId}`).expect(200);
    expect(asTto.body).toMatchObject({ status: 'signed', capacity: 'institution', actions: ['register'] });
    const asCompany = await call.get(accounts.enterprise, `/deals/${dealId}`).expect(200);
    expect(asCompany.body).toMatchObject({ capacity: 'company', actions: [] });

    const registered = await call
      .post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'register' })
      .expect(200);
    expect(registered.body).toMatchObject({ status: 'transferred', actions: ['complete'] });
  });

  it('leaves the steps out of lists, which are read by many deals at once', async () => {
    const { body } = await call.get(accounts.tto, '/deals').expect(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).not.toHaveProperty('actions');
  });
});

describe('brokers', () => {
  it('lists the active technology managers, with their organisation, to the institution only', async () => {
    const { body } = await call.get(accounts.tto, '/deals/brokers').expect(200);
    expect(body).toContainEqual({
      id: accounts.manager.userId,
      name: expect.any(String),
      organisation: expect.any(String),
    });
    await call.get(accounts.enterprise, '/deals/brokers').expect(403);
    await call.get(accounts.manager, '/deals/brokers').expect(403);

    await dataSource.query(`UPDATE user_account SET status = 'disabled' WHERE id = $1`, [accounts.manager.userId]);
    try {
      const after = await call.get(accounts.tto, '/deals/brokers').expect(200);
      expect(after.body.map((b: { id: string }) => b.id)).not.toContain(accounts.manager.userId);
    } finally {
      await dataSource.query(`UPDATE user_account SET status = 'active' WHERE id = $1`, [accounts.manager.userId]);
    }
  });
});

describe('companies', () => {
  it('lists verified companies by part of their name, to the institution only', async () => {
    const { enterprise, otherEnterprise } = accounts;
    await dataSource.query(
      `UPDATE organisation SET verification_status = CASE WHEN id = $1 THEN 'verified' ELSE 'pending' END::verification_status
        WHERE id IN ($1, $2)`,
      [enterprise.orgId, otherEnterprise.orgId],
    );
    const { body } = await call.get(accounts.tto, '/deals/companies?q=长安').expect(200);
    expect(body.map(({ id, name }: { id: string; name: string }) => ({ id, name }))).toEqual([
      { id: enterprise.orgId, name: '重庆长安轻量化科技有限公司' },
    ]);
    const all = await call.get(accounts.tto, '/deals/companies').expect(200);
    const ids = all.body.map((c: { id: string }) => c.id);
    expect(ids).toContain(enterprise.orgId);
    expect(ids).not.toContain(otherEnterprise.orgId);
    expect(ids).not.toContain(accounts.tto.orgId);

    const refused = await call.get(accounts.tto, `/deals/companies?q=${'长'.repeat(101)}`).expect(400);
    expect(JSON.stringify(refused.body)).toContain('q');
    await call.get(accounts.enterprise, '/deals/companies').expect(403);
    await call.get(accounts.manager, '/deals/companies').expect(403);
  });
});

describe('distribution', () => {
  it('shows the institution and the assigned manager the costs and the research team’s shares', async () => {
    const { dealId, researcherIds } = await signedDeal(app.getHttpServer(), accounts, 'licence', {
      summary: '普通许可',
      price: '200000.00',
    });
    const { body } = await call.get(accounts.tto, `/deals/${dealId}/distribution`).expect(200);
    expect(body).toEqual({
      recoverableCosts: '10000.00',
      contributions: [
        { researcherId: researcherIds[0], name: '张伟', sharePercent: '60' },
        { researcherId: researcherIds[1], name: '刘洋', sharePercent: '40' },
      ],
    });

    // The manager sees it once assigned; the company never does.
    await call.get(accounts.manager, `/deals/${dealId}/distribution`).expect(404);
    await call.post(accounts.tto, `/deals/${dealId}/manager`, { userId: accounts.manager.userId }).expect(200);
    await call.get(accounts.manager, `/deals/${dealId}/distribution`).expect(200);
    await call.get(accounts.enterprise, `/deals/${dealId}/distribution`).expect(403);
  });

  it('is a 404 to another organisation', async () => {
    const { dealId } = await signedDeal(app.getHttpServer(), accounts, 'licence');
    await call.get(accounts.otherTto, `/deals/${dealId}/distribution`).expect(404);
    await call.get(accounts.otherEnterprise, `/deals/${dealId}/distribution`).expect(403);
  });
});
