import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, createAccounts, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { registerAccount, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
let researcherId: string;
/** The TTO's published achievement, with a researcher; the company's published (summary_only) need. */
let achievementId: string;
let needId: string;
/** The other company's need, and the TTO's achievement still in draft. */
let otherNeedId: string;
let draftId: string;
/** A second published achievement of the TTO, first matched without anyone asking. */
let second: string;

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  const researcher = await post(accounts.tto, '/researchers', {
    name: '何建国',
    title: '教授',
    email: 'he.jianguo@cqu.example',
    phone: '13800000009',
  }).expect(201);
  researcherId = researcher.body.id;
  achievementId = await publishedAchievement(http, accounts.tto, accounts.admin, { researcherIds: [researcherId] });
  needId = await publishedNeed(http, accounts.enterprise, accounts.admin);
  otherNeedId = await publishedNeed(http, accounts.otherEnterprise, accounts.admin, { title: '另一家企业的需求' });
  const draft = await post(accounts.tto, '/achievements', { title: '仍是草稿的成果' }).expect(201);
  draftId = draft.body.id;
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await env?.teardown();
});

describe('InterestService', () => {
  describe('express', () => {
    it('refuses a TTO account on the company route', async () => {
      const response = await post(accounts.tto, `/achievements/${achievementId}/interest`, { needId }).expect(403);
      expect(response.body.error).toBe('forbidden');
    });

    it('refuses an organisation not yet verified', async () => {
      // A company still waiting for verification has no published need; it is refused before any is looked at.
      const pending = await registerAccount(http);
      const response = await post(pending, `/achievements/${achievementId}/interest`, {
        needId: otherNeedId,
      }).expect(403);
      expect(response.body.message).toMatch(/waiting for verification/);
    });

    it('refuses a missing or malformed need with 400 naming needId', async () => {
      const missing = await post(accounts.enterprise, `/achievements/${achievementId}/interest`, {}).expect(400);
      expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['needId']);
      const malformed = await post(accounts.enterprise, `/achievements/${achievementId}/interest`, {
        needId: 'not-a-uuid',
      }).expect(400);
      expect(malformed.body.fields[0].field).toBe('needId');
    });

    it("refuses another organisation's need, naming needId", async () => {
      const response = await post(accounts.enterprise, `/achievements/${achievementId}/interest`, {
        needId: otherNeedId,
      }).expect(422);
      expect(response.body.field).toBe('needId');
    });

    it('does not reveal an achievement that is not published', async () => {
      await post(accounts.enterprise, `/achievements/${draftId}/interest`, { needId }).expect(404);
      await get(accounts.enterprise, `/achievements/${draftId}/interest`).expect(404);
    });

    it('puts the pair before a manager with the company already interested', async () => {
      const response = await post(accounts.enterprise, `/achievements/${achievementId}/interest`, { needId }).expect(
        200,
      );
      expect(response.body).toMatchObject({
        needId,
        achievementId,
        status: 'pending_review',
        companyAnswer: 'interested',
        institutionAnswer: null,
        connectionId: null,
      });
      const [row]: { reviewer_id: string | null; score: number; features: unknown[] }[] = await dataSource.query(
        `SELECT reviewer_id, score, features FROM recommendation WHERE id = $1`,
        [response.body.recommendationId],
      );
      expect(row.reviewer_id).toBe(accounts.manager.userId);
      expect(row.features.length).toBeGreaterThan(0);
      const listed = await get(accounts.enterprise, `/achievements/${achievementId}/interest`).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ recommendationId: response.body.recommendationId })]);
      const review = await get(accounts.manager, `/reviews/${response.body.recommendationId}`).expect(200);
      expect(review.body.companyAnswer).toBe('interested');
    });

    it('keeps a match still waiting for its first review unknown to the sides', async () => {
      second = await publishedAchievement(http, accounts.tto, accounts.admin, {
        externalRef: 'CQU-2026-002',
        title: '第二项镁合金成果',
      });
      await dataSource.query(
        `INSERT INTO recommendation (need_id, achievement_id, need_org_id, achievement_org_id, trigger, score, features,
           matcher_version, status)
         VALUES ($1, $2, $3, $4, 'need', 0.5, '[]', 'test', 'pending_review')
         ON CONFLICT ON CONSTRAINT recommendation_pair DO UPDATE
            SET status = 'pending_review', company_answer = NULL, institution_answer = NULL`,
        [needId, second, accounts.enterprise.orgId, accounts.tto.orgId],
      );
      const { body } = await get(accounts.tto, `/needs/${needId}/interest`).expect(200);
      expect(body.map((pair: { achievementId: string }) => pair.achievementId)).not.toContain(second);
      const mine = await get(accounts.enterprise, `/achievements/${second}/interest`).expect(200);
      expect(mine.body).toEqual([]);
    });

    it('puts a match waiting for review before its manager with the company interested, and shows it the company', async () => {
      const response = await post(accounts.enterprise, `/achievements/${second}/interest`, { needId }).expect(200);
      expect(response.body).toMatchObject({ status: 'pending_review', companyAnswer: 'interested' });
      const mine = await get(accounts.enterprise, `/achievements/${second}/interest`).expect(200);
      expect(mine.body.map((pair: { achievementId: string }) => pair.achievementId)).toEqual([second]);
      const [row]: { reviewer_id: string | null }[] = await dataSource.query(
        `SELECT reviewer_id FROM recommendation WHERE id = $1`,
        [response.body.recommendationId],
      );
      expect(row.reviewer_id).toBe(accounts.manager.userId);
    });

    it('refuses interest once the company declined the match, naming the answer', async () => {
      await dataSource.query(
        `UPDATE recommendation SET status = 'declined', company_answer = 'declined'
          WHERE need_id = $1 AND achievement_id = $2`,
        [needId, second],
      );
      const response = await post(accounts.enterprise, `/achievements/${second}/interest`, { needId }).expect(409);
      expect(response.body.field).toBe('answer');
    });

    it('connects the two once a manager approves and the TTO is interested too', async () => {
      const [pair] = (await get(accounts.enterprise, `/achievements/${achievementId}/interest`).expect(200)).body;
      await post(accounts.manager, `/reviews/${pair.recommendationId}/approve`, { note: '企业主动对接' }).expect(200);
      const review = await get(accounts.manager, `/reviews/${pair.recommendationId}`).expect(200);
      expect(review.body.decidedBy).toEqual({ id: accounts.manager.userId, name: expect.any(String) });
      expect(review.body.reviewNote).toBe('企业主动对接');
      await eventually(
        async () => {
          const [row]: { status: string }[] = await dataSource.query(
            `SELECT status FROM recommendation WHERE id = $1`,
            [pair.recommendationId],
          );
          return row.status === 'delivered';
        },
        30_000,
        'the approved recommendation delivered',
      );
      const answered = await post(accounts.tto, `/needs/${needId}/interest`, { achievementId }).expect(200);
      expect(answered.body).toMatchObject({ status: 'connected', institutionAnswer: 'interested' });
      expect(answered.body.connectionId).toEqual(expect.any(String));
      const again = await post(accounts.enterprise, `/achievements/${achievementId}/interest`, { needId }).expect(200);
      expect(again.body.connectionId).toBe(answered.body.connectionId);
    });
  });
});

describe('detail pages', () => {
  it('shows another company an achievement with its team and institution, never private fields or contacts', async () => {
    const { body } = await get(accounts.otherEnterprise, `/achievements/${achievementId}`).expect(200);
    expect(body.organisation).toEqual({ id: accounts.tto.orgId, name: '重庆大学' });
    expect(body.researchers).toEqual([{ id: researcherId, name: '何建国', title: '教授' }]);
    for (const hidden of ['internalNotes', 'moderationNote', 'reviewer', 'importId'])
      expect(body).not.toHaveProperty(hidden);
    const researcher = await get(accounts.otherEnterprise, `/researchers/${researcherId}`).expect(200);
    expect(researcher.body.achievements).toEqual([{ id: achievementId, title: expect.any(String) }]);
    expect(researcher.body).not.toHaveProperty('email');
    expect(researcher.body).not.toHaveProperty('phone');
  });

  it('keeps a summary_only need to its summary, without the company, for other organisations', async () => {
    const { body } = await get(accounts.otherTto, `/needs/${needId}`).expect(200);
    expect(body).not.toHaveProperty('details');
    expect(body).not.toHaveProperty('organisation');
    expect(body).not.toHaveProperty('moderationNote');
  });

  it("names a public need's company and shows its details to others", async () => {
    const publicNeedId = await publishedNeed(http, accounts.otherEnterprise, accounts.admin, {
      title: '公开的轻量化需求',
      confidentiality: 'public',
    });
    const { body } = await get(accounts.tto, `/needs/${publicNeedId}`).expect(200);
    expect(body.organisation).toEqual({ id: accounts.otherEnterprise.orgId, name: '重庆另一家企业有限公司' });
    expect(body.details.budgetMax).toBe('2000000.00');
    expect(body).not.toHaveProperty('reviewer');
  });
});

describe('decisions shown to the people they concern', () => {
  it("shows the submitter a rejection's reason and who decided it", async () => {
    const draft = await post(accounts.enterprise, '/needs', { title: '被退回的需求', summary: '摘要' }).expect(201);
    await post(accounts.enterprise, `/needs/${draft.body.id}/submit`).expect(200);
    await post(accounts.manager, `/needs/${draft.body.id}/reject`, { reason: '请补充技术指标' }).expect(200);
    const { body } = await get(accounts.enterprise, `/needs/${draft.body.id}`).expect(200);
    expect(body).toMatchObject({ status: 'draft', moderationNote: '请补充技术指标' });
    expect(body.reviewer).toEqual({ id: accounts.manager.userId, name: expect.any(String) });
    const listed = await get(accounts.enterprise, '/needs?q=被退回').expect(200);
    expect(listed.body.items[0].moderationNote).toBe('请补充技术指标');
  });

  it('shows moderators the organisation and details of what they judge', async () => {
    const draft = await post(accounts.enterprise, '/needs', {
      title: '待审核的需求',
      summary: '摘要',
      budgetMin: '100000.00',
    }).expect(201);
    await post(accounts.enterprise, `/needs/${draft.body.id}/submit`).expect(200);
    const { body } = await get(accounts.manager, '/moderation/needs?pageSize=100').expect(200);
    const item = body.items.find((n: { id: string }) => n.id === draft.body.id);
    expect(item.organisation.name).toBe('重庆长安轻量化科技有限公司');
    expect(item.details.budgetMin).toBe('100000.00');
  });

  it('refuses a review rejected as other without a note, naming note', async () => {
    const anyId = '00000000-0000-4000-8000-000000000000';
    const response = await post(accounts.manager, `/reviews/${anyId}/reject`, { reason: 'other' }).expect(400);
    expect(response.body.fields).toEqual([
      { field: 'note', message: 'note must say why when the reason is other', constraint: 'noteForOther' },
    ]);
    await post(accounts.manager, `/reviews/${anyId}/reject`, { reason: 'other', note: '  ' }).expect(400);
  });
});

describe('the research-team picker', () => {
  it("finds the institution's own researchers by name or e-mail, and no one else's", async () => {
    const byName = await get(accounts.tto, `/researchers?q=${encodeURIComponent('建国')}`).expect(200);
    expect(byName.body.items.map((r: { id: string }) => r.id)).toEqual([researcherId]);
    const byEmail = await get(accounts.tto, '/researchers?q=HE.JIANGUO').expect(200);
    expect(byEmail.body.items.map((r: { id: string }) => r.id)).toEqual([researcherId]);
    const other = await get(accounts.otherTto, `/researchers?q=${encodeURIComponent('建国')}`).expect(200);
    expect(other.body.items).toEqual([]);
  });
});
