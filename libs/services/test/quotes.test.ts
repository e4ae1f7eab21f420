import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, createAccounts, publishedAchievement, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { registerAccount, signIn, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
/** The company that runs the verified pilot platform, its service (TRL 4–7), and a pending university. */
let pilot: SignedIn;
let platformId: string;
let serviceId: string;
let pending: SignedIn;
/** The TTO's published achievement at TRL 4. */
let achievementId: string;

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);

const REQUEST = { targetTrl: 6, message: '希望在中试线上验证轧制工艺的批量稳定性' };

async function requested(account: SignedIn, overrides: object = {}): Promise<string> {
  const response = await post(account, '/service-quotes', {
    serviceId,
    achievementId,
    ...REQUEST,
    ...overrides,
  }).expect(201);
  return response.body.id;
}

function step(account: SignedIn, id: string, body: object): request.Test {
  return post(account, `/service-quotes/${id}/transitions`, body);
}

async function inboxTypes(account: SignedIn, quoteId: string): Promise<string[]> {
  const rows: { subject_type: string }[] = await dataSource.query(
    `SELECT n.subject_type FROM notification n JOIN delivery d ON d.notification_id = n.id
      WHERE n.type = 'service.quote' AND n.subject_id = $1 AND d.channel = 'inbox' AND d.user_id = $2
      ORDER BY n.created_at, n.subject_type`,
    [quoteId, account.userId],
  );
  return rows.map((row) => row.subject_type);
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  [pilot, pending] = await Promise.all([
    registerAccount(http, { kind: 'enterprise', name: '重庆两江中试科技有限公司', verifiedBy: accounts.admin }),
    registerAccount(http, { kind: 'university', name: '待审核大学' }),
  ]);
  const platform = await post(pilot, '/service-platforms', {
    name: '两江新区轻合金中试验证平台',
    kinds: ['pilot'],
    regionCode: '500112',
  }).expect(201);
  platformId = platform.body.id;
  await post(accounts.admin, `/service-platforms/${platformId}/verify`).expect(200);
  const service = await post(pilot, '/service-platforms/mine/services', {
    title: '轻合金板材中试验证',
    fieldCodes: ['light-alloy'],
    trlFrom: 4,
    trlTo: 7,
    priceMin: '200000.00',
    priceMax: '600000.00',
    leadTimeDays: 90,
  }).expect(201);
  serviceId = service.body.id;
  achievementId = await publishedAchievement(http, accounts.tto, accounts.admin, { trl: 4 });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('QuotesController', () => {
  it('runs requested → quoted → accepted → completed, and the TTO’s confirmation raises the achievement’s maturity', async () => {
    const id = await requested(accounts.tto);
    const asked = await get(accounts.tto, `/service-quotes/${id}`).expect(200);
    expect(asked.body).toMatchObject({
      status: 'requested',
      capacity: 'requester',
      actions: ['decline'],
      trlBefore: 4,
      targetTrl: 6,
      service: { id: serviceId, title: '轻合金板材中试验证' },
      platform: { id: platformId, organisationId: pilot.orgId },
      messages: [expect.objectContaining({ body: REQUEST.message, mine: true })],
    });
    expect(await inboxTypes(pilot, id)).toEqual(['service_quote.request']);

    const seen = await get(pilot, `/service-quotes/${id}`).expect(200);
    expect(seen.body).toMatchObject({ capacity: 'platform', actions: ['quote', 'decline'] });
    await post(pilot, `/service-quotes/${id}/messages`, { body: '请提供现有小试数据' }).expect(201);
    const quoted = await step(pilot, id, { action: 'quote', price: '350000.00', leadTimeDays: 75 }).expect(200);
    expect(quoted.body).toMatchObject({ status: 'quoted', price: '350000.00', leadTimeDays: 75 });
    expect(quoted.body.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([
      [REQUEST.message, false],
      ['请提供现有小试数据', true],
    ]);
    expect(await inboxTypes(accounts.tto, id)).toEqual(['service_quote.quote']);

    await step(accounts.tto, id, { action: 'accept' }).expect(200);
    const done = await step(pilot, id, { action: 'complete', trlReached: 6, note: '完成 3 批次中试，性能一致' }).expect(
      200,
    );
    expect(done.body).toMatchObject({ status: 'completed', trlReached: 6, report: '完成 3 批次中试，性能一致' });
    // Completed is not confirmed: the achievement keeps its TRL until its institution says so.
    expect((await get(accounts.tto, `/achievements/${achievementId}`).expect(200)).body.trl).toBe(4);
    const own = await get(accounts.tto, `/service-quotes/${id}`).expect(200);
    expect(own.body.canConfirmMaturity).toBe(true);

    const confirmed = await post(accounts.tto, `/service-quotes/${id}/confirm-maturity`).expect(200);
    expect(confirmed.body).toMatchObject({ canConfirmMaturity: false, achievement: { id: achievementId, trl: 6 } });
    expect(confirmed.body.maturityConfirmedAt).not.toBeNull();
    expect((await get(accounts.enterprise, `/achievements/${achievementId}`).expect(200)).body.trl).toBe(6);
    await post(accounts.tto, `/service-quotes/${id}/confirm-maturity`).expect(409);

    const audit: { action: string; details: Record<string, unknown> }[] = await dataSource.query(
      `SELECT action, details FROM audit_log WHERE subject_id IN ($1, $2) AND action LIKE ANY($3)
        ORDER BY occurred_at, action`,
      [id, achievementId, ['service_quote.%', 'achievement.maturity_raised']],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'service_quote.requested',
      'service_quote.quoted',
      'service_quote.accepted',
      'service_quote.completed',
      'achievement.maturity_raised',
      'service_quote.maturity_confirmed',
    ]);
    expect(audit[4].details).toMatchObject({ from: 4, to: 6, serviceQuoteId: id });
    expect(await inboxTypes(pilot, id)).toEqual([
      'service_quote.request',
      'service_quote.accept',
      'service_quote.confirm',
    ]);
  });

  it('lets a company ask for a published achievement; the institution sees the quote and alone confirms', async () => {
    const id = await requested(accounts.enterprise, { targetTrl: 7 });
    const forTto = await get(accounts.tto, `/service-quotes/${id}`).expect(200);
    expect(forTto.body).toMatchObject({ capacity: 'institution', actions: [], canConfirmMaturity: false });
    await step(accounts.tto, id, { action: 'decline', note: '不是我们提出的' }).expect(403);
    await step(pilot, id, { action: 'quote', price: '500000.00', leadTimeDays: 120 }).expect(200);
    await step(accounts.enterprise, id, { action: 'accept' }).expect(200);
    await step(pilot, id, { action: 'complete', trlReached: 7, note: '中试完成并通过第三方检测' }).expect(200);
    expect(await inboxTypes(accounts.tto, id)).toEqual(['service_quote.complete']);
    // The company and the platform hold the wrong role to confirm; the TTO confirms.
    await post(accounts.enterprise, `/service-quotes/${id}/confirm-maturity`).expect(403);
    await post(pilot, `/service-quotes/${id}/confirm-maturity`).expect(403);
    await post(accounts.tto, `/service-quotes/${id}/confirm-maturity`).expect(200);
    expect((await get(accounts.tto, `/achievements/${achievementId}`).expect(200)).body.trl).toBe(7);
    const listed = await get(accounts.enterprise, '/service-quotes?status=completed').expect(200);
    expect(listed.body.items.map((q: { id: string }) => q.id)).toEqual([id]);
  });

  it('lets either side decline before acceptance, with the reason kept', async () => {
    await dataSource.query(`UPDATE achievement SET trl = 4 WHERE id = $1`, [achievementId]);
    const id = await requested(accounts.tto);
    const declined = await step(pilot, id, { action: 'decline', note: '排期已满' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '排期已满', actions: [] });
    await step(accounts.tto, id, { action: 'accept' }).expect(409);
    await post(accounts.tto, `/service-quotes/${id}/messages`, { body: '好的' }).expect(409);
    const other = await requested(accounts.tto);
    await step(accounts.tto, other, { action: 'decline', note: '改用其他平台' }).expect(200);
  });

  it('refuses steps out of turn, by the wrong side, and bad input naming the field', async () => {
    const id = await requested(accounts.tto);
    await step(accounts.tto, id, { action: 'quote', price: '1.00', leadTimeDays: 1 }).expect(403);
    await step(accounts.tto, id, { action: 'accept' }).expect(409);
    await step(pilot, id, { action: 'complete', trlReached: 6, note: '未报价先完成' }).expect(409);
    const missing = await step(pilot, id, { action: 'quote', leadTimeDays: 30 }).expect(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['price']);
    await step(pilot, id, { action: 'quote', price: 350000, leadTimeDays: 30 }).expect(400);
    await step(pilot, id, { action: 'quote', price: '350000.00', leadTimeDays: 30 }).expect(200);
    await step(accounts.tto, id, { action: 'accept' }).expect(200);
    const low = await step(pilot, id, { action: 'complete', trlReached: 4, note: '未提升' }).expect(422);
    expect(low.body.field).toBe('trlReached');
    const noTrl = await step(pilot, id, { action: 'complete', note: '缺少成熟度' }).expect(400);
    expect(new Set(noTrl.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set(['trlReached']));
    await step(pilot, id, { action: 'withdraw' }).expect(400);
  });

  it('refuses requests it cannot honour, naming the field, and writes nothing', async () => {
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM service_quote`);
    const field = async (account: SignedIn, body: object, status: number): Promise<string> => {
      const response = await post(account, '/service-quotes', { serviceId, achievementId, ...REQUEST, ...body }).expect(
        status,
      );
      return response.body.field ?? response.body.fields?.[0]?.field;
    };
    expect(await field(accounts.tto, { targetTrl: 4 }, 422)).toBe('targetTrl');
    expect(await field(accounts.tto, { targetTrl: 8 }, 422)).toBe('targetTrl');
    expect(await field(accounts.tto, { targetTrl: 10 }, 400)).toBe('targetTrl');
    expect(await field(accounts.tto, { message: '' }, 400)).toBe('message');
    expect(await field(accounts.tto, { serviceId: 'not-a-uuid' }, 400)).toBe('serviceId');
    // Another TTO's achievement is not the TTO's to ask for; a draft is no company's.
    expect(await field(accounts.otherTto, {}, 404)).toBe('achievementId');
    const draft = await post(accounts.tto, '/achievements', { title: '仍是草稿的成果', trl: 3 }).expect(201);
    expect(await field(accounts.enterprise, { achievementId: draft.body.id }, 404)).toBe('achievementId');
    // A service that takes results later than the achievement's level, and the platform asking itself.
    expect(await field(accounts.tto, { achievementId: draft.body.id }, 422)).toBe('serviceId');
    const recommendation = await field(accounts.tto, { recommendationId: '00000000-0000-4000-8000-000000000000' }, 404);
    expect(recommendation).toBe('recommendationId');
    expect(await field(pilot, {}, 422)).toBe('serviceId');
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM service_quote`)).toEqual(before);
  });

  it('shows a quote to its parties only, keeps managers out and a pending organisation from asking', async () => {
    const id = await requested(accounts.tto);
    await get(accounts.otherTto, `/service-quotes/${id}`).expect(404);
    await get(accounts.otherEnterprise, `/service-quotes/${id}`).expect(404);
    await step(accounts.otherEnterprise, id, { action: 'decline', note: '不相干的企业' }).expect(404);
    await post(accounts.otherEnterprise, `/service-quotes/${id}/messages`, { body: '你好' }).expect(404);
    expect((await get(accounts.otherTto, '/service-quotes').expect(200)).body.total).toBe(0);
    await get(accounts.manager, `/service-quotes/${id}`).expect(403);
    await post(accounts.manager, '/service-quotes', { serviceId, achievementId, ...REQUEST }).expect(403);
    await post(accounts.admin, '/service-quotes', { serviceId, achievementId, ...REQUEST }).expect(403);
    await post(pending, '/service-quotes', { serviceId, achievementId, ...REQUEST }).expect(403);
    // A company the operator suspends loses every step at once.
    const suspended = await registerAccount(http, { kind: 'enterprise', verifiedBy: accounts.admin });
    const asked = await requested(suspended);
    await post(accounts.admin, `/admin/organisations/${suspended.orgId}/reject`, { reason: '资质失效' }).expect(200);
    // Its sessions end at once; signed in again, every step is refused.
    await post(suspended, '/service-quotes', { serviceId, achievementId, ...REQUEST }).expect(401);
    const again = await signIn(http, suspended.email, suspended.password);
    await post(again, '/service-quotes', { serviceId, achievementId, ...REQUEST }).expect(403);
    await step(again, asked, { action: 'decline', note: '撤回申请' }).expect(403);
  });

  it('stops a platform the operator suspends from quoting or completing; its requester may only decline', async () => {
    const quoted = await requested(accounts.tto);
    const waiting = await requested(accounts.tto);
    await step(pilot, quoted, { action: 'quote', price: '300000.00', leadTimeDays: 60 }).expect(200);
    await post(accounts.admin, `/service-platforms/${platformId}/reject`, { reason: '中试线停产整改' }).expect(200);
    try {
      await step(pilot, waiting, { action: 'quote', price: '300000.00', leadTimeDays: 60 }).expect(403);
      const accept = await step(accounts.tto, quoted, { action: 'accept' }).expect(409);
      expect(accept.body.field).toBe('action');
      await step(accounts.tto, quoted, { action: 'decline', note: '平台已停产' }).expect(200);
      // Its services are no longer listed, so nobody can ask for them.
      const refused = await post(accounts.tto, '/service-quotes', { serviceId, achievementId, ...REQUEST }).expect(404);
      expect(refused.body.field).toBe('serviceId');
    } finally {
      await post(accounts.admin, `/service-platforms/${platformId}/verify`).expect(200);
    }
  });

  it('counts the service carriers and their completed steps on the dashboard, as the database holds them', async () => {
    const { body } = await get(accounts.admin, '/insights/kpis').expect(200);
    const [expected] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM service_platform WHERE status = 'verified') AS platforms,
              (SELECT count(*)::int FROM organisation WHERE kind = 'service_agency' AND verification_status = 'verified') AS agencies,
              (SELECT count(*)::int FROM service_quote WHERE status = 'completed') AS completed`,
    );
    expect(expected).toMatchObject({ platforms: 1, completed: 2 });
    expect(body.serviceCarriers).toEqual({
      value: String(expected.platforms + expected.agencies),
      target: '150',
      progressPercent: (((expected.platforms + expected.agencies) / 150) * 100).toFixed(2),
      met: false,
      platforms: 1,
      byKind: { proof_of_concept: 0, pilot: 1, incubator: 0 },
      agencies: expected.agencies,
      completedSteps: 2,
    });
    const past = await get(accounts.admin, '/insights/kpis?period=2020').expect(200);
    expect(past.body.serviceCarriers.completedSteps).toBe(0);
  });
});
