import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { DEMO_COMMISSIONER, seedOutreach } from '../../../seeds/outreach/seed-outreach';
import { startApi } from '../../../test/support/apps';
import { bearer, signIn, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: DemoAccounts;

const get = (account: SignedIn, path: string): request.Test =>
  request(http).get(`/api${path}`).set(bearer(account.accessToken));

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await seedIdentity(dataSource);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('seedOutreach', () => {
  it('adds the demo commissioner once, with visits, a published mined need, a draft and saved searches', async () => {
    expect(await seedOutreach(dataSource, accounts)).toEqual({
      appointments: 1,
      visits: 3,
      minedNeeds: 1,
      drafts: 1,
      savedSearches: 2,
    });
    expect(await seedOutreach(dataSource, accounts)).toEqual({
      appointments: 0,
      visits: 0,
      minedNeeds: 0,
      drafts: 0,
      savedSearches: 0,
    });
  });

  it('shows a newcomer each side on first sign-in', async () => {
    const commissioner = await signIn(http, DEMO_COMMISSIONER.email, DEMO_PASSWORD);
    const appointments = await get(commissioner, '/commissioner/appointments').expect(200);
    expect(appointments.body).toHaveLength(1);
    expect(appointments.body[0]).toMatchObject({ active: true, visits: 3, minedNeeds: 1 });
    expect((await get(commissioner, '/commissioner/visits').expect(200)).body).toHaveLength(3);

    const company = await signIn(http, accounts.enterprise.email, DEMO_PASSWORD);
    const drafts = await get(company, '/mined-needs').expect(200);
    expect(drafts.body.map((d: { status: string }) => d.status).sort()).toEqual(['awaiting_company', 'confirmed']);
    const confirmed = drafts.body.find((d: { status: string }) => d.status === 'confirmed');
    const need = await get(company, `/needs/${confirmed.needId}`).expect(200);
    expect(need.body).toMatchObject({ status: 'published', minedByCommissioner: true });
    const saved = await get(company, '/saved-searches').expect(200);
    expect(saved.body.map((s: { name: string }) => s.name)).toEqual(['轻量化新成果']);

    const admin = await signIn(http, accounts.operator.email, DEMO_PASSWORD);
    // The year the mined need was confirmed in (60 days ago in the demo's story).
    const year = new Date(Date.now() + 8 * 3_600_000 - 60 * 86_400_000).getUTCFullYear();
    const kpis = await get(admin, `/insights/kpis?period=${year}`).expect(200);
    expect(kpis.body.commissioners).toMatchObject({ appointed: 1, visits: expect.any(Number), minedNeeds: 1 });
  });
});
