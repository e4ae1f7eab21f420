import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import { seedServices, type SeededServices } from '../../seeds/services/seed-services';
import { startApi } from '../support/apps';
import { bearer, signIn } from '../support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: DemoAccounts;
let first: SeededServices;
let second: SeededServices;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  accounts = await seedIdentity(dataSource);
  await seedCatalog(dataSource, accounts);
  first = await seedServices(dataSource, accounts);
  second = await seedServices(dataSource, accounts);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe(seedServices.name, () => {
  it('lists two verified platforms with their services, once however often it runs', async () => {
    expect(first).toEqual({ platforms: 2, services: 3, completedSteps: 1 });
    expect(second).toEqual({ platforms: 0, services: 0, completedSteps: 0 });
    const tto = await signIn(app.getHttpServer(), accounts.tto.email, DEMO_PASSWORD);
    const { body } = await request(app.getHttpServer())
      .get('/api/service-platforms')
      .set(bearer(tto.accessToken))
      .expect(200);
    expect(body.items.map((p: { name: string; services: unknown[] }) => [p.name, p.services.length])).toEqual([
      ['重庆大学概念验证中心', 1],
      ['铝晟轻合金中试验证平台', 2],
    ]);
  });

  it("tells one completed pilot step, confirmed by the demo TTO, whose achievement's maturity it raised", async () => {
    const [step]: { status: string; trl_reached: number; trl: number; confirmed: boolean; org_id: string }[] =
      await dataSource.query(
        `SELECT q.status, q.trl_reached, a.trl, q.maturity_confirmed_at IS NOT NULL AS confirmed, q.requester_org_id AS org_id
           FROM service_quote q JOIN achievement a ON a.id = q.achievement_id`,
      );
    expect(step).toMatchObject({ status: 'completed', confirmed: true, org_id: accounts.tto.organisationId });
    expect(step.trl).toBe(step.trl_reached);
    const audit: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_log WHERE action LIKE 'service_quote.%' ORDER BY occurred_at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'service_quote.requested',
      'service_quote.quoted',
      'service_quote.accepted',
      'service_quote.completed',
      'service_quote.maturity_confirmed',
    ]);
  });
});
