import type { NestExpressApplication } from '@nestjs/platform-express';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { createAccounts, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { api, signedDeal } from '../../deals/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { grantedManager, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
let otherManager: SignedIn;
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** A match waiting for the manager's review, due in `dueHours` (negative: already overdue). */
async function pendingMatch(needId: string, achievementId: string, dueHours: number): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO recommendation (need_id, achievement_id, need_org_id, achievement_org_id, trigger, score, features,
       matcher_version, status, reviewer_id, review_due_at)
     VALUES ($1, $2, $3, $4, 'need', 0.5, '[]', 'test', 'pending_review', $5, now() + make_interval(hours => $6))
     RETURNING id`,
    [needId, achievementId, accounts.enterprise.orgId, accounts.tto.orgId, accounts.manager.userId, dueHours],
  );
  return row.id;
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  const http = app.getHttpServer();
  accounts = await createAccounts(http, dataSource);
  otherManager = await grantedManager(http, dataSource, '另一家技术转移机构');

  const needId = await publishedNeed(http, accounts.enterprise, accounts.admin);
  const achievements: string[] = [];
  for (const n of [1, 2, 3]) {
    achievements.push(
      await publishedAchievement(http, accounts.tto, accounts.admin, {
        externalRef: `REC-${n}`,
        title: `记录成果${n}`,
      }),
    );
  }
  // Approved in time, then connected and signed; approved late; rejected in time.
  const onTime = await pendingMatch(needId, achievements[0], 24);
  const late = await pendingMatch(needId, achievements[1], -2);
  const rejected = await pendingMatch(needId, achievements[2], 24);
  await call.post(accounts.manager, `/reviews/${onTime}/approve`, {}).expect(200);
  await call.post(accounts.manager, `/reviews/${late}/approve`, {}).expect(200);
  await call.post(accounts.manager, `/reviews/${rejected}/reject`, { reason: 'not_ready' }).expect(200);

  // Both sides said interested on the first: the connection the answers make.
  const [connection] = await dataSource.query(
    `WITH c AS (INSERT INTO connection (recommendation_id, need_id, achievement_id, company_org_id, institution_org_id)
                VALUES ($1, $2, $3, $4, $5) RETURNING id)
     SELECT id FROM c`,
    [onTime, needId, achievements[0], accounts.enterprise.orgId, accounts.tto.orgId],
  );
  await dataSource.query(`UPDATE recommendation SET status = 'connected', connected_at = now() WHERE id = $1`, [
    onTime,
  ]);
  const opened = await call
    .post(accounts.tto, '/deals', { type: 'transfer', title: '记录成果1 转让', connectionId: connection.id })
    .expect(201);
  const dealId = opened.body.id as string;
  await call.post(accounts.tto, `/deals/${dealId}/manager`, { userId: accounts.manager.userId }).expect(200);
  const sheet = await call
    .post(accounts.enterprise, `/deals/${dealId}/term-sheets`, { summary: '专利权转让', price: '200000.00' })
    .expect(201);
  await call.post(accounts.enterprise, `/deals/${dealId}/term-sheets/${sheet.body.id}/accept`).expect(200);
  await call.post(accounts.tto, `/deals/${dealId}/term-sheets/${sheet.body.id}/accept`).expect(200);
  await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'sign' }).expect(200);

  // A deal the TTO opened directly, brokered by the manager too.
  const direct = await signedDeal(http, accounts, 'licence', { summary: '普通许可', price: '100000.50' });
  await call.post(accounts.tto, `/deals/${direct.dealId}/manager`, { userId: accounts.manager.userId }).expect(200);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

const figures = {
  reviews: 3,
  onTime: 2,
  onTimePercent: '66.67',
  approved: 2,
  connected: 1,
  signed: 1,
  deals: 2,
  turnover: '300000.50',
};

describe('GET /insights/managers/:userId/record', () => {
  it("gives the manager their own record by year, counted from the database's reviews and deals", async () => {
    const { body } = await call
      .get(accounts.manager, `/insights/managers/${accounts.manager.userId}/record`)
      .expect(200);
    expect(body).toMatchObject({ userId: accounts.manager.userId, organisation: expect.any(String) });
    expect(body.years[0]).toEqual({ year, period: { from: `${year}-01-01`, to: `${year}-12-31` }, ...figures });

    // The same facts read straight from the tables.
    const [db] = await dataSource.query(
      `SELECT count(*)::int AS reviews,
              count(*) FILTER (WHERE reviewed_at <= review_due_at)::int AS on_time,
              count(*) FILTER (WHERE status IN ('approved', 'delivered', 'viewed', 'interested', 'declined', 'connected'))::int
                AS approved
         FROM recommendation WHERE reviewed_by = $1`,
      [accounts.manager.userId],
    );
    expect(db).toEqual({ reviews: figures.reviews, on_time: figures.onTime, approved: figures.approved });
    const [deals] = await dataSource.query(
      `SELECT count(*)::int AS n FROM deal WHERE manager_user_id = $1 AND signed_on IS NOT NULL`,
      [accounts.manager.userId],
    );
    expect(deals.n).toBe(figures.deals);
  });

  it("agrees with the dashboard's figures for the same year", async () => {
    const [kpis, ranking] = await Promise.all([
      call.get(accounts.admin, `/insights/kpis?period=${year}`).expect(200),
      call.get(accounts.admin, `/insights/managers?year=${year}`).expect(200),
    ]);
    const rows = ranking.body as { reviews: number; turnover: string }[];
    expect(rows.reduce((n, r) => n + r.reviews, 0)).toBe(kpis.body.reviewHours.reviewed);
    // Every deal signed this year was brokered by a manager, so the dashboard's turnover is theirs.
    const total = rows.reduce((sum, r) => sum.plus(r.turnover), new Decimal(0));
    expect(total.eq(kpis.body.turnover.value)).toBe(true);
    expect(kpis.body.activeManagers.value).toBe('1');
  });

  it('lets only the manager and the operator read it', async () => {
    const path = `/insights/managers/${accounts.manager.userId}/record`;
    await call.get(accounts.admin, path).expect(200);
    await call.get(otherManager, path).expect(404);
    await call.get(accounts.tto, path).expect(403);
    await call.get(accounts.enterprise, path).expect(403);
    await call.get(accounts.admin, `/insights/managers/${accounts.tto.userId}/record`).expect(404);
  });

  it('refuses a manager whose agency is no longer verified, even their own record', async () => {
    await dataSource.query(`UPDATE organisation SET verification_status = 'pending' WHERE id = $1`, [
      otherManager.orgId,
    ]);
    try {
      await call.get(otherManager, `/insights/managers/${otherManager.userId}/record`).expect(403);
    } finally {
      await dataSource.query(`UPDATE organisation SET verification_status = 'verified' WHERE id = $1`, [
        otherManager.orgId,
      ]);
    }
    await call.get(otherManager, `/insights/managers/${otherManager.userId}/record`).expect(200);
  });
});

describe('GET /insights/managers', () => {
  it('ranks every manager for the year, the best first', async () => {
    const { body } = await call.get(accounts.admin, `/insights/managers?year=${year}`).expect(200);
    expect(body.map((r: { userId: string }) => r.userId)).toEqual([accounts.manager.userId, otherManager.userId]);
    expect(body[0]).toMatchObject(figures);
    expect(body[1]).toMatchObject({ reviews: 0, onTimePercent: '0.00', deals: 0, turnover: '0.00' });
    const before = await call.get(accounts.admin, '/insights/managers?year=2020').expect(200);
    expect(before.body[0]).toMatchObject({ reviews: 0, turnover: '0.00' });
  });

  it('is for the operator only, and names a malformed year', async () => {
    await call.get(accounts.manager, '/insights/managers').expect(403);
    await call.get(accounts.tto, '/insights/managers').expect(403);
    for (const year of ['20x6', '0000', '9999']) {
      const { body } = await call.get(accounts.admin, `/insights/managers?year=${year}`).expect(400);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['year']);
    }
  });
});
