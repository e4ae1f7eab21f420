import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReviewsService } from '../src/review/reviews.service';
import { as, createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { grantedManager, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture } from '../../../test/support/smtp';
import { needWithRecommendations, publishCatalogue, type RecommendationRow } from './fixtures';

let smtp: SmtpCapture;
let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
let secondManager: SignedIn;
/** Six pending reviews, two per need, all assigned to the seeded manager. */
let A1: RecommendationRow, A2: RecommendationRow, B1: RecommendationRow;
let B2: RecommendationRow, C1: RecommendationRow, C2: RecommendationRow;

const reviews = (account: SignedIn, query: Record<string, string> = {}): request.Test =>
  request(http).get('/api/reviews').query(query).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);
const ids = (body: { items: { id: string }[] }): string[] => body.items.map((item) => item.id).sort();

async function auditOf(
  subjectId: string,
): Promise<{ action: string; actor_user_id: string; details: Record<string, unknown> }[]> {
  return dataSource.query(
    `SELECT action, actor_user_id, details FROM audit_log WHERE subject_id = $1 ORDER BY occurred_at, id`,
    [subjectId],
  );
}

async function statusOf(id: string): Promise<string> {
  const [row]: { status: string }[] = await dataSource.query(`SELECT status FROM recommendation WHERE id = $1`, [id]);
  return row.status;
}

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  env = await setUpTestEnvironment({ SMTP_URL: smtp.url, AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  await publishCatalogue(http, dataSource, accounts);
  const a = await needWithRecommendations(http, dataSource, accounts, accounts.enterprise);
  const b = await needWithRecommendations(http, dataSource, accounts, accounts.otherEnterprise, {
    title: '电动客车电池箱轻量化方案',
    confidentiality: 'public',
  });
  const c = await needWithRecommendations(http, dataSource, accounts, accounts.enterprise, {
    title: '储能电池柜箱体减重技术',
  });
  [A1, A2] = a.recommendations;
  [B1, B2] = b.recommendations;
  [C1, C2] = c.recommendations;
  // Registered once the six are assigned, so all of them went to the seeded manager.
  secondManager = await grantedManager(http, dataSource, '重庆另一技术经理人事务所');
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await smtp?.stop();
  await env?.teardown();
});

describe(ReviewsService.name, () => {
  describe('list', () => {
    it('shows a manager their pending reviews, soonest due first, need and achievement side by side', async () => {
      const { body } = await reviews(accounts.manager).expect(200);
      expect(body.total).toBe(6);
      expect(ids(body)).toEqual([A1, A2, B1, B2, C1, C2].map((r) => r.id).sort());
      const due = body.items.map((item: { reviewDueAt: string }) => Date.parse(item.reviewDueAt));
      expect([...due].sort((x, y) => x - y)).toEqual(due);
      const item = body.items.find((i: { id: string }) => i.id === B1.id);
      expect(item).toMatchObject({
        status: 'pending_review',
        trigger: 'need',
        overdue: false,
        reviewer: { id: accounts.manager.userId, name: '陈静' },
        need: {
          title: '电动客车电池箱轻量化方案',
          organisation: { id: accounts.otherEnterprise.orgId, name: '重庆另一家企业有限公司' },
        },
        achievement: { id: B1.achievement_id },
      });
      expect(item.score).toBeCloseTo(B1.score, 10);
      expect(item.features).toHaveLength(10);
      expect(item.features.every((f: { zh: string; en: string }) => f.zh !== '' && f.en !== '')).toBe(true);
      // Public fields only: no need details, no internal notes of the TTO.
      expect(item.need.details).toBeUndefined();
      expect(JSON.stringify(item)).not.toContain('内部：最低可接受');
    });

    it('shows an admin every review by default; a manager asks for scope=all', async () => {
      expect((await reviews(accounts.admin).expect(200)).body.total).toBe(6);
      expect((await reviews(secondManager).expect(200)).body.total).toBe(0);
      expect((await reviews(secondManager, { scope: 'all' }).expect(200)).body.total).toBe(6);
    });

    it('filters by technology field, minimum score and status, and pages', async () => {
      expect((await reviews(accounts.manager, { field: 'light-alloy' }).expect(200)).body.total).toBe(6);
      expect((await reviews(accounts.manager, { field: 'food-agri' }).expect(200)).body.total).toBe(0);
      const best = Math.max(...[A1, A2, B1, B2, C1, C2].map((r) => r.score));
      const top = await reviews(accounts.manager, { minScore: String(best - 1e-9) }).expect(200);
      expect(top.body.items.every((i: { score: number }) => i.score >= best - 1e-9)).toBe(true);
      expect(top.body.total).toBeGreaterThanOrEqual(1);
      expect((await reviews(accounts.manager, { status: 'approved' }).expect(200)).body.total).toBe(0);
      const byTitle = await reviews(accounts.manager, { q: ' 电池箱轻量化 ' }).expect(200);
      expect(byTitle.body.total).toBeGreaterThanOrEqual(1);
      expect(
        byTitle.body.items.every((i: { need: { title: string } }) => i.need.title === '电动客车电池箱轻量化方案'),
      ).toBe(true);
      expect((await reviews(accounts.manager, { q: '不存在的标题' }).expect(200)).body.total).toBe(0);
      const page = await reviews(accounts.manager, { page: '2', pageSize: '4' }).expect(200);
      expect(page.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
      expect(page.body.items).toHaveLength(2);
    });

    it('flags a review past its due date as overdue and filters on it', async () => {
      await dataSource.query(`UPDATE recommendation SET review_due_at = now() - interval '1 hour' WHERE id = $1`, [
        A1.id,
      ]);
      const overdue = await reviews(accounts.manager, { overdue: 'true' }).expect(200);
      expect(ids(overdue.body)).toEqual([A1.id]);
      expect(overdue.body.items[0].overdue).toBe(true);
      const onTime = await reviews(accounts.manager, { overdue: 'false' }).expect(200);
      expect(onTime.body.total).toBe(5);
      // Soonest due first: the overdue one leads the queue.
      expect((await reviews(accounts.manager).expect(200)).body.items[0].id).toBe(A1.id);
    });

    it('lists unassigned reviews', async () => {
      await dataSource.query(`UPDATE recommendation SET reviewer_id = NULL WHERE id = $1`, [C1.id]);
      const { body } = await reviews(secondManager, { scope: 'unassigned' }).expect(200);
      expect(ids(body)).toEqual([C1.id]);
      expect(body.items[0].reviewer).toBeNull();
    });

    it('refuses an unknown filter or a bad value with a 400 naming the field', async () => {
      const unknown = await reviews(accounts.manager, { colour: 'red' }).expect(400);
      expect(unknown.body.fields.map((f: { field: string }) => f.field)).toEqual(['colour']);
      for (const [field, value] of [
        ['minScore', '2'],
        ['scope', 'everyone'],
        ['overdue', 'maybe'],
        ['status', 'done'],
        ['field', 'DROP TABLE'],
        ['pageSize', '500'],
        ['q', 'x'.repeat(101)],
      ]) {
        const bad = await reviews(accounts.manager, { [field]: value }).expect(400);
        expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
    });

    it('is for managers and admins only', async () => {
      await reviews(accounts.enterprise).expect(403);
      await reviews(accounts.tto).expect(403);
      await post(accounts.tto, `/reviews/${A2.id}/approve`).expect(403);
      await request(http).get('/api/reviews').expect(401);
    });
  });

  describe('get', () => {
    it('reads one review; 404 for an unknown id, 400 naming a malformed one', async () => {
      const { body } = await request(http).get(`/api/reviews/${B2.id}`).set(as(accounts.manager)).expect(200);
      expect(body.id).toBe(B2.id);
      await request(http).get(`/api/reviews/${randomUUID()}`).set(as(accounts.manager)).expect(404);
      const bad = await request(http).get('/api/reviews/nope').set(as(accounts.manager)).expect(400);
      expect(bad.body.fields).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });
  });

  describe('workload', () => {
    it('counts open and overdue reviews per manager, and those nobody is assigned', async () => {
      const { body } = await request(http).get('/api/reviews/workload').set(as(accounts.admin)).expect(200);
      const mine = body.managers.find((m: { userId: string }) => m.userId === accounts.manager.userId);
      const theirs = body.managers.find((m: { userId: string }) => m.userId === secondManager.userId);
      expect(mine).toMatchObject({ name: '陈静', open: 5, overdue: 1, active: true });
      expect(theirs).toMatchObject({ open: 0, overdue: 0, active: true });
      expect(body.unassigned).toEqual({ open: 1, overdue: 0 });
      await request(http).get('/api/reviews/workload').set(as(accounts.enterprise)).expect(403);
    });
  });

  describe('reject', () => {
    it('needs a reason from the list, naming the field otherwise', async () => {
      const missing = await post(accounts.manager, `/reviews/${A2.id}/reject`, { note: 'x' }).expect(400);
      expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      const wrong = await post(accounts.manager, `/reviews/${A2.id}/reject`, { reason: 'boring' }).expect(400);
      expect(wrong.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      // `other` carries its own words (a note); the unknown field alone is refused.
      const extra = await post(accounts.manager, `/reviews/${A2.id}/reject`, {
        reason: 'other',
        note: '另有原因',
        x: 1,
      }).expect(400);
      expect(extra.body.fields.map((f: { field: string }) => f.field)).toEqual(['x']);
      expect(await statusOf(A2.id)).toBe('pending_review');
    });

    it('rejects with a reason, audited, and nothing is pushed; approving it afterwards is a 409', async () => {
      const { body } = await post(accounts.manager, `/reviews/${A2.id}/reject`, {
        reason: 'not_relevant',
        note: '材料体系不符',
      }).expect(200);
      expect(body).toMatchObject({
        status: 'rejected',
        rejectReason: 'not_relevant',
        reviewNote: '材料体系不符',
        reviewedBy: accounts.manager.userId,
      });
      expect(await auditOf(A2.id)).toEqual([
        {
          action: 'recommendation.rejected',
          actor_user_id: accounts.manager.userId,
          details: { reason: 'not_relevant', note: '材料体系不符', reviewerId: accounts.manager.userId },
        },
      ]);
      const outbox: unknown[] = await dataSource.query(`SELECT 1 FROM outbox WHERE payload->>'recommendationId' = $1`, [
        A2.id,
      ]);
      expect(outbox).toHaveLength(0);
      const again = await post(accounts.manager, `/reviews/${A2.id}/approve`).expect(409);
      expect(again.body).toMatchObject({ error: 'conflict', field: 'status' });
      expect(again.body.message).toContain('rejected');
    });
  });

  describe('approve', () => {
    it('approves, writes the recommendation.approved outbox row and the audit entry, then the push runs', async () => {
      const { body } = await post(accounts.admin, `/reviews/${C2.id}/approve`, { note: '匹配度高' }).expect(200);
      expect(['approved', 'delivered']).toContain(body.status);
      expect(body).toMatchObject({ reviewNote: '匹配度高', reviewedBy: accounts.admin.userId });
      const outbox: { event: string; job_name: string }[] = await dataSource.query(
        `SELECT event, job_name FROM outbox WHERE payload->>'recommendationId' = $1`,
        [C2.id],
      );
      expect(outbox).toEqual([{ event: 'recommendation.approved', job_name: 'recommendation.deliver' }]);
      expect((await auditOf(C2.id)).map((e) => [e.action, e.actor_user_id])).toEqual([
        ['recommendation.approved', accounts.admin.userId],
      ]);
      await eventually(async () => (await statusOf(C2.id)) === 'delivered', 20_000, 'delivered');
    });

    it('refuses to approve twice (409)', async () => {
      await post(accounts.admin, `/reviews/${C2.id}/approve`).expect(409);
      expect((await auditOf(C2.id)).filter((e) => e.action === 'recommendation.approved')).toHaveLength(1);
    });

    it("refuses a manager another manager's review (403), lets any manager decide an unassigned one", async () => {
      const refused = await post(secondManager, `/reviews/${B1.id}/approve`).expect(403);
      expect(refused.body.error).toBe('forbidden');
      expect(await statusOf(B1.id)).toBe('pending_review');
      const { body } = await post(secondManager, `/reviews/${C1.id}/approve`).expect(200);
      expect(body.reviewedBy).toBe(secondManager.userId);
    });

    it('answers 404 for an unknown recommendation', async () => {
      await post(accounts.manager, `/reviews/${randomUUID()}/approve`).expect(404);
    });
  });

  describe('reassign', () => {
    it('hands a review to another active manager, audited; only they (or an admin) decide it then', async () => {
      const { body } = await post(accounts.manager, `/reviews/${B1.id}/reassign`, {
        managerId: secondManager.userId,
      }).expect(200);
      expect(body.reviewer).toEqual({ id: secondManager.userId, name: '测试用户' });
      expect(await auditOf(B1.id)).toEqual([
        {
          action: 'recommendation.reassigned',
          actor_user_id: accounts.manager.userId,
          details: { from: accounts.manager.userId, to: secondManager.userId },
        },
      ]);
      await post(accounts.manager, `/reviews/${B1.id}/approve`).expect(403);
      expect((await reviews(secondManager).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([B1.id]);
      await post(secondManager, `/reviews/${B1.id}/approve`).expect(200);
    });

    it('refuses anyone but an active technology manager (422 naming managerId)', async () => {
      for (const managerId of [accounts.enterprise.userId, accounts.admin.userId, randomUUID()]) {
        const { body } = await post(accounts.manager, `/reviews/${B2.id}/reassign`, { managerId }).expect(422);
        expect(body).toMatchObject({ error: 'invalid', field: 'managerId' });
      }
      await dataSource.query(`INSERT INTO manager_profile (user_id, org_id, active) VALUES ($1, $2, false)`, [
        secondManager.userId,
        secondManager.orgId,
      ]);
      try {
        await post(accounts.manager, `/reviews/${B2.id}/reassign`, { managerId: secondManager.userId }).expect(422);
      } finally {
        await dataSource.query(`DELETE FROM manager_profile WHERE user_id = $1`, [secondManager.userId]);
      }
      const bad = await post(accounts.manager, `/reviews/${B2.id}/reassign`, { managerId: 'someone' }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['managerId']);
      // Decided reviews are not reassigned.
      await post(accounts.admin, `/reviews/${A2.id}/reassign`, { managerId: secondManager.userId }).expect(409);
    });
  });

  describe('annotate', () => {
    it('adds notes from any manager, in order, with their names, audited', async () => {
      await post(accounts.manager, `/reviews/${B2.id}/annotations`, { text: '  请核实专利法律状态  ' }).expect(201);
      const { body } = await post(secondManager, `/reviews/${B2.id}/annotations`, { text: '已电话确认' }).expect(201);
      expect(body.annotations).toEqual([
        { by: accounts.manager.userId, byName: '陈静', at: expect.any(String), text: '请核实专利法律状态' },
        { by: secondManager.userId, byName: '测试用户', at: expect.any(String), text: '已电话确认' },
      ]);
      expect((await auditOf(B2.id)).filter((e) => e.action === 'recommendation.annotated')).toHaveLength(2);
    });

    it('refuses an empty note naming the field, and 404s an unknown review', async () => {
      const empty = await post(accounts.manager, `/reviews/${B2.id}/annotations`, { text: '   ' }).expect(400);
      expect(empty.body.fields.map((f: { field: string }) => f.field)).toEqual(['text']);
      const unknown = randomUUID();
      await post(accounts.manager, `/reviews/${unknown}/annotations`, { text: 'x' }).expect(404);
      expect(await auditOf(unknown)).toEqual([]);
    });
  });

  describe('bulkApprove', () => {
    it('approves each id on its own and answers per id', async () => {
      await post(accounts.manager, `/reviews/${B2.id}/reassign`, { managerId: secondManager.userId }).expect(200);
      const unknown = randomUUID();
      const { body } = await post(accounts.manager, '/reviews/bulk-approve', {
        ids: [A1.id, A2.id, B2.id, unknown],
      }).expect(200);
      expect(body.approved).toBe(1);
      expect(body.results.map((r: { id: string; outcome: string }) => [r.id, r.outcome])).toEqual([
        [A1.id, 'approved'],
        [A2.id, 'conflict'],
        [B2.id, 'forbidden'],
        [unknown, 'not_found'],
      ]);
      expect(await statusOf(A2.id)).toBe('rejected');
      expect(await statusOf(B2.id)).toBe('pending_review');
      expect(['approved', 'delivered']).toContain(await statusOf(A1.id));
    });

    it('takes 1 to 100 distinct ids', async () => {
      const many = Array.from({ length: 101 }, () => randomUUID());
      for (const ids of [[], many, [A1.id, A1.id], ['x']]) {
        const { body } = await post(accounts.manager, '/reviews/bulk-approve', { ids }).expect(400);
        expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['ids']);
      }
    });
  });
});
