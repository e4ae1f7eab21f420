import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, createAccounts, NEED, publishedAchievement, type Accounts } from '../../catalog/test/fixtures';
import { awaitRecommendations } from '../../matching/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { registerAccount, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
/** The TTO's researcher whose own account is the TTO's registrant: the commissioner. */
let researcherId: string;
let appointmentId: string;
let visitId: string;
let draftId: string;
let needId: string;

const day = (offset: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
const year = today.slice(0, 4);

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);
const put = (account: SignedIn, path: string, body: object): request.Test =>
  request(http).put(`/api${path}`).set(as(account)).send(body);
const fieldsOf = (body: { fields?: { field: string }[]; field?: string }): string[] =>
  body.fields ? [...new Set(body.fields.map((f) => f.field))] : [body.field ?? ''];

const MINED = { ...NEED, title: '压铸件气孔缺陷在线检测', keywords: ['压铸', '缺陷检测'] };

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  const researcher = await post(accounts.tto, '/researchers', {
    name: '王立群',
    title: '教授',
    email: accounts.tto.email.toUpperCase(),
    researchAreas: ['压铸', '机器视觉'],
  }).expect(201);
  researcherId = researcher.body.id;
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

describe('AppointmentsService', () => {
  describe('appoint', () => {
    it('appoints a researcher with an account to a verified company for a period', async () => {
      const { body } = await post(accounts.admin, '/admin/commissioners', {
        researcherId,
        companyId: accounts.enterprise.orgId,
        startsOn: day(-30),
        endsOn: day(90),
      }).expect(201);
      appointmentId = body.id;
      expect(body).toMatchObject({
        researcher: { id: researcherId, name: '王立群' },
        institution: { id: accounts.tto.orgId, name: '重庆大学' },
        company: { id: accounts.enterprise.orgId },
        startsOn: day(-30),
        endsOn: day(90),
        active: true,
        visits: 0,
        minedNeeds: 0,
      });
      const [row] = await dataSource.query(`SELECT user_id FROM commissioner_appointment WHERE id = $1`, [body.id]);
      expect(row.user_id).toBe(accounts.tto.userId);
      const candidates = await get(accounts.admin, '/admin/commissioners/candidates?q=王立').expect(200);
      expect(candidates.body.map((c: { researcherId: string }) => c.researcherId)).toEqual([researcherId]);
    });

    it('refuses bad input naming the field, and a researcher or company that may not take part', async () => {
      const malformed = await post(accounts.admin, '/admin/commissioners', {
        researcherId: 'nope',
        companyId: accounts.enterprise.orgId,
        startsOn: '2026-02-30',
        endsOn: day(1),
      }).expect(400);
      expect(fieldsOf(malformed.body).sort()).toEqual(['researcherId', 'startsOn']);
      const reversed = await post(accounts.admin, '/admin/commissioners', {
        researcherId,
        companyId: accounts.enterprise.orgId,
        startsOn: day(5),
        endsOn: day(1),
      }).expect(422);
      expect(reversed.body.field).toBe('startsOn');
      const noAccount = await post(accounts.tto, '/researchers', { name: '无账号', email: 'nobody@cqu.example' });
      const refused = await post(accounts.admin, '/admin/commissioners', {
        researcherId: noAccount.body.id,
        companyId: accounts.enterprise.orgId,
        startsOn: day(0),
        endsOn: day(1),
      }).expect(422);
      expect(refused.body.field).toBe('researcherId');
      const notCompany = await post(accounts.admin, '/admin/commissioners', {
        researcherId,
        companyId: accounts.otherTto.orgId,
        startsOn: day(0),
        endsOn: day(1),
      }).expect(404);
      expect(notCompany.body.field).toBe('companyId');
      const pendingCompany = await registerAccount(http);
      const unverified = await post(accounts.admin, '/admin/commissioners', {
        researcherId,
        companyId: pendingCompany.orgId,
        startsOn: day(0),
        endsOn: day(1),
      }).expect(422);
      expect(unverified.body.field).toBe('companyId');
    });

    it('refuses a researcher of a university not yet verified', async () => {
      const pendingTto = await registerAccount(http, { kind: 'university', name: '待审核大学' });
      const researcher = await post(pendingTto, '/researchers', { name: '李青', email: pendingTto.email }).expect(201);
      const response = await post(accounts.admin, '/admin/commissioners', {
        researcherId: researcher.body.id,
        companyId: accounts.enterprise.orgId,
        startsOn: day(0),
        endsOn: day(1),
      }).expect(422);
      expect(response.body.field).toBe('researcherId');
    });

    it('is the operator’s alone', async () => {
      const body = { researcherId, companyId: accounts.enterprise.orgId, startsOn: day(0), endsOn: day(1) };
      await post(accounts.tto, '/admin/commissioners', body).expect(403);
      await post(accounts.enterprise, '/admin/commissioners', body).expect(403);
      await post(accounts.manager, '/admin/commissioners', body).expect(403);
      await get(accounts.tto, '/admin/commissioners').expect(403);
    });
  });
});

describe('CommissionerWorkService', () => {
  beforeAll(async () => {
    // An appointment to the other company that ended yesterday.
    await post(accounts.admin, '/admin/commissioners', {
      researcherId,
      companyId: accounts.otherEnterprise.orgId,
      startsOn: day(-60),
      endsOn: day(-1),
    }).expect(201);
  });

  describe('recordVisit', () => {
    it('records a visit to the company of an appointment valid today', async () => {
      const { body } = await post(accounts.tto, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(-2),
        findings: '压铸车间气孔缺陷靠人工抽检，漏检率高，希望引入在线检测。',
      }).expect(201);
      visitId = body.id;
      expect(body).toMatchObject({ appointmentId, companyId: accounts.enterprise.orgId, visitedOn: day(-2) });
      const mine = await get(accounts.tto, '/commissioner/visits').expect(200);
      expect(mine.body.map((v: { id: string }) => v.id)).toEqual([visitId]);
    });

    it('refuses an expired appointment, a company of no appointment, and a non-commissioner', async () => {
      const expired = await post(accounts.tto, '/commissioner/visits', {
        companyId: accounts.otherEnterprise.orgId,
        visitedOn: day(-3),
        findings: '到期后的走访',
      }).expect(403);
      expect(expired.body).toMatchObject({ field: 'companyId', message: expect.stringMatching(/ended on/) });
      const stranger = await registerAccount(http, { verifiedBy: accounts.admin, name: '无关企业' });
      const other = await post(accounts.tto, '/commissioner/visits', {
        companyId: stranger.orgId,
        visitedOn: day(0),
        findings: '未受委派的企业',
      }).expect(403);
      expect(other.body.field).toBe('companyId');
      const notCommissioner = await post(accounts.otherTto, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(0),
        findings: '并非特派员',
      }).expect(403);
      expect(notCommissioner.body.field).toBe('companyId');
      await post(accounts.enterprise, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(0),
        findings: '企业账号',
      }).expect(403);
      await post(accounts.manager, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(0),
        findings: '经理人账号',
      }).expect(403);
      expect(await countOf('commissioner_visit')).toBe(1);
    });

    it('refuses an unverified organisation', async () => {
      const pendingTto = await registerAccount(http, { kind: 'university', name: '另一所待审核大学' });
      const response = await post(pendingTto, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(0),
        findings: '待审核机构',
      }).expect(403);
      expect(response.body.message).toMatch(/verification/);
    });

    it('refuses a visit dated in the future or outside the appointment, and bad input, naming the field', async () => {
      const future = await post(accounts.tto, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(1),
        findings: '明天的走访',
      }).expect(422);
      expect(future.body.field).toBe('visitedOn');
      const before = await post(accounts.tto, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(-31),
        findings: '委派之前',
      }).expect(422);
      expect(before.body.field).toBe('visitedOn');
      const bad = await post(accounts.tto, '/commissioner/visits', {
        companyId: accounts.enterprise.orgId,
        visitedOn: day(0),
        extra: 1,
      }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['extra', 'findings']);
    });
  });

  describe('draft', () => {
    it('drafts a need on the company’s behalf, from a visit', async () => {
      const { body } = await post(accounts.tto, '/commissioner/drafts', {
        companyId: accounts.enterprise.orgId,
        visitId,
        need: MINED,
      }).expect(201);
      draftId = body.id;
      expect(body).toMatchObject({ status: 'awaiting_company', visitId, need: { title: MINED.title }, needId: null });
      const mine = await get(accounts.tto, '/commissioner/drafts').expect(200);
      expect(mine.body.map((d: { id: string }) => d.id)).toEqual([draftId]);
    });

    it('refuses a bad need naming the nested field, an unknown code, and another company', async () => {
      const missing = await post(accounts.tto, '/commissioner/drafts', {
        companyId: accounts.enterprise.orgId,
        need: { ...MINED, title: undefined },
      }).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['need.title']);
      const unknownCode = await post(accounts.tto, '/commissioner/drafts', {
        companyId: accounts.enterprise.orgId,
        need: { ...MINED, fieldCodes: ['no-such-field'] },
      }).expect(422);
      expect(unknownCode.body.field).toBe('need.fieldCodes');
      const expired = await post(accounts.tto, '/commissioner/drafts', {
        companyId: accounts.otherEnterprise.orgId,
        need: MINED,
      }).expect(403);
      expect(expired.body.field).toBe('companyId');
      const notMine = await post(accounts.otherTto, '/commissioner/drafts', {
        companyId: accounts.enterprise.orgId,
        need: MINED,
      }).expect(403);
      expect(notMine.body.field).toBe('companyId');
      expect(await countOf('mined_need_draft')).toBe(1);
    });
  });
});

describe('MinedNeedsService', () => {
  it('shows the company its drafts with the commissioner and the visit, and no one else', async () => {
    const { body } = await get(accounts.enterprise, '/mined-needs').expect(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      id: draftId,
      status: 'awaiting_company',
      commissioner: { name: '王立群', title: '教授', institution: '重庆大学' },
      visit: { visitedOn: day(-2), findings: expect.stringContaining('气孔') },
    });
    expect((await get(accounts.otherEnterprise, '/mined-needs').expect(200)).body).toEqual([]);
    await get(accounts.otherEnterprise, `/mined-needs/${draftId}`).expect(404);
    await put(accounts.otherEnterprise, `/mined-needs/${draftId}`, { need: MINED }).expect(404);
    await post(accounts.otherEnterprise, `/mined-needs/${draftId}/confirm`).expect(404);
    await get(accounts.tto, `/mined-needs/${draftId}`).expect(403);
    await post(accounts.tto, `/mined-needs/${draftId}/confirm`).expect(403);
    await post(accounts.manager, `/mined-needs/${draftId}/confirm`).expect(403);
  });

  it('lets the company edit the draft, refusing bad input by its field', async () => {
    const bad = await put(accounts.enterprise, `/mined-needs/${draftId}`, { need: { ...MINED, minTrl: 12 } }).expect(
      400,
    );
    expect(fieldsOf(bad.body)).toEqual(['need.minTrl']);
    const empty = await put(accounts.enterprise, `/mined-needs/${draftId}`, {}).expect(400);
    expect(fieldsOf(empty.body)).toEqual(['need']);
    const notObject = await post(accounts.tto, '/commissioner/drafts', {
      companyId: accounts.enterprise.orgId,
      need: 'text',
    }).expect(400);
    expect(fieldsOf(notObject.body)).toEqual(['need']);
    const { body } = await put(accounts.enterprise, `/mined-needs/${draftId}`, {
      need: { ...MINED, summary: '企业改写：压铸件气孔在线检测与分选' },
    }).expect(200);
    expect(body.need.summary).toBe('企业改写：压铸件气孔在线检测与分选');
    expect(body.editedBy).toBe(accounts.enterprise.userId);
  });

  it('confirms the draft into the company’s own need, sent to review and marked as mined', async () => {
    const { body } = await post(accounts.enterprise, `/mined-needs/${draftId}/confirm`).expect(200);
    expect(body).toMatchObject({ status: 'confirmed', needId: expect.any(String) });
    needId = body.needId;
    const need = await get(accounts.enterprise, `/needs/${needId}`).expect(200);
    expect(need.body).toMatchObject({
      status: 'submitted',
      orgId: accounts.enterprise.orgId,
      summary: '企业改写：压铸件气孔在线检测与分选',
      minedByCommissioner: true,
    });
    const [row] = await dataSource.query(`SELECT mined_by_appointment_id, created_by FROM need WHERE id = $1`, [
      needId,
    ]);
    expect(row).toEqual({ mined_by_appointment_id: appointmentId, created_by: accounts.enterprise.userId });
    await post(accounts.enterprise, `/mined-needs/${draftId}/confirm`).expect(409);
    await put(accounts.enterprise, `/mined-needs/${draftId}`, { need: MINED }).expect(409);
  });

  it('refuses a pending company', async () => {
    const pending = await registerAccount(http);
    const response = await post(pending, `/mined-needs/${draftId}/confirm`).expect(403);
    expect(response.body.message).toMatch(/verification/);
  });
});

describe('dashboard figures', () => {
  it('counts commissioners, visits and mined needs, and how far the needs got, as the database holds them', async () => {
    const achievementId = await publishedAchievement(http, accounts.tto, accounts.admin, {
      externalRef: 'CQU-DIE-1',
      title: '压铸件气孔缺陷在线检测技术',
      summary: '基于X射线与机器视觉的压铸件气孔缺陷在线检测与自动分选。',
      keywords: ['压铸', '缺陷检测', '机器视觉'],
    });
    // Each side's matching finished (its run recorded) before the pair is reviewed, so no later run replaces it.
    await matchRun('achievement', achievementId);
    await post(accounts.admin, `/needs/${needId}/approve`, {}).expect(200);
    await awaitRecommendations(dataSource, needId, 1);
    await matchRun('need', needId);
    const recommendations = await dataSource.query(
      `SELECT id, status FROM recommendation WHERE need_id = $1 AND achievement_id = $2 AND status <> 'superseded'`,
      [needId, achievementId],
    );
    expect(recommendations).toHaveLength(1);
    const [pair] = recommendations;
    await post(accounts.manager, `/reviews/${pair.id}/approve`, { note: '特派员挖掘的需求' }).expect(200);
    // The worker delivers an approved pair; until then the sides do not know it exists.
    await eventually(
      async () => {
        const [row] = await dataSource.query(`SELECT status FROM recommendation WHERE id = $1`, [pair.id]);
        return row.status === 'delivered';
      },
      20_000,
      'the approved recommendation delivered',
    );
    await post(accounts.enterprise, `/recommendations/${pair.id}/answer`, { answer: 'interested' }).expect(200);
    await post(accounts.tto, `/recommendations/${pair.id}/answer`, { answer: 'interested' }).expect(200);

    const { body } = await get(accounts.admin, `/insights/kpis?period=${year}`).expect(200);
    const [truth] = await dataSource.query(
      `SELECT (SELECT count(DISTINCT researcher_id)::int FROM commissioner_appointment) AS appointed,
              (SELECT count(*)::int FROM commissioner_visit) AS visits,
              (SELECT count(*)::int FROM need WHERE mined_by_appointment_id IS NOT NULL) AS "minedNeeds",
              (SELECT count(DISTINCT r.need_id)::int FROM recommendation r JOIN need n ON n.id = r.need_id
                WHERE n.mined_by_appointment_id IS NOT NULL AND r.status <> 'superseded') AS recommended,
              (SELECT count(DISTINCT c.need_id)::int FROM connection c JOIN need n ON n.id = c.need_id
                WHERE n.mined_by_appointment_id IS NOT NULL) AS connected,
              (SELECT count(*)::int FROM deal WHERE signed_on IS NOT NULL) AS signed`,
    );
    expect(truth).toEqual({ appointed: 1, visits: 1, minedNeeds: 1, recommended: 1, connected: 1, signed: 0 });
    expect(body.commissioners).toEqual(truth);
    // A period the appointments do not reach counts none of it.
    const before = await get(accounts.admin, '/insights/kpis?period=2020').expect(200);
    expect(before.body.commissioners).toEqual({
      appointed: 0,
      visits: 0,
      minedNeeds: 0,
      recommended: 0,
      connected: 0,
      signed: 0,
    });
  }, 90_000);
});

async function matchRun(kind: 'need' | 'achievement', id: string): Promise<void> {
  await eventually(
    async () => {
      const rows = await dataSource.query(`SELECT 1 FROM match_run WHERE subject_kind = $1 AND subject_id = $2`, [
        kind,
        id,
      ]);
      return rows.length > 0;
    },
    30_000,
    `the ${kind}'s match run`,
  );
}

async function countOf(table: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}
