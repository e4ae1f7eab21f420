import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import { seedChallenges } from '../../seeds/challenges/seed-challenges';
import { startApi } from '../support/apps';
import { bearer, signIn, type SignedIn } from '../support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

/** The demo challenges: what a newcomer signing in as the demo company, TTO or manager finds. */

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: DemoAccounts;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  accounts = await seedIdentity(dataSource);
  await seedCatalog(dataSource, accounts);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

async function get(account: SignedIn, path: string): Promise<request.Response> {
  return request(app.getHttpServer()).get(`/api${path}`).set(bearer(account.accessToken)).expect(200);
}

describe(seedChallenges.name, () => {
  it('adds three challenges with proposals once, and nothing on a second run', async () => {
    expect(await seedChallenges(dataSource, accounts)).toEqual({ challenges: 3, proposals: 4 });
    expect(await seedChallenges(dataSource, accounts)).toEqual({ challenges: 0, proposals: 0 });
    const [counts]: { challenges: number; proposals: number; versions: number }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM challenge) AS challenges, (SELECT count(*)::int FROM proposal) AS proposals,
              (SELECT count(*)::int FROM proposal_version) AS versions`,
    );
    expect(counts).toEqual({ challenges: 3, proposals: 4, versions: 5 });
  }, 60_000);

  it('shows each demo account its part on first sign-in', async () => {
    const board = await request(app.getHttpServer()).get('/api/challenges').expect(200);
    expect(board.body.items.map((c: { phase: string }) => c.phase).sort()).toEqual([
      'accepting',
      'accepting',
      'judging',
    ]);
    const judged = board.body.items.find((c: { phase: string }) => c.phase === 'judging');

    const company = await signIn(app.getHttpServer(), accounts.enterprise.email, DEMO_PASSWORD);
    const asCompany = await get(company, `/challenges/${judged.id}/proposals`);
    expect(asCompany.body.capacity).toBe('company');
    expect(asCompany.body.items.map((p: { status: string }) => p.status).sort()).toEqual(['shortlisted', 'submitted']);
    expect(asCompany.body.items.every((p: { weightedScore: number | null }) => p.weightedScore !== null)).toBe(true);

    const manager = await signIn(app.getHttpServer(), accounts.manager.email, DEMO_PASSWORD);
    expect((await get(manager, `/challenges/${judged.id}/proposals`)).body.capacity).toBe('manager');

    const tto = await signIn(app.getHttpServer(), accounts.tto.email, DEMO_PASSWORD);
    const own = await get(tto, `/challenges/${judged.id}/proposals`);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0].versions).toHaveLength(2);
  }, 60_000);
});
