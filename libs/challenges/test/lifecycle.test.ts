import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccounts, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { registerAccount } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import {
  api,
  auditActions,
  challengeBody,
  proposalBody,
  publishedChallenge,
  revisionBody,
  team,
  type Team,
} from './fixtures';

/** A challenge's life: published, proposed to, revised, withdrawn, judged, awarded into a deal room. */

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
let cqu: Team;
let swu: Team;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  cqu = await team(app.getHttpServer(), accounts.tto);
  swu = await team(app.getHttpServer(), accounts.otherTto);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

function fieldsOf(body: { fields?: { field: string }[]; field?: string }): string[] {
  return body.fields ? body.fields.map((f) => f.field) : [body.field ?? ''];
}

describe('publishing', () => {
  it('publishes a company’s published need as a challenge on the public board', async () => {
    const needId = await publishedNeed(app.getHttpServer(), accounts.enterprise, accounts.admin);
    const { body } = await call.post(accounts.enterprise, '/challenges', challengeBody(needId)).expect(201);
    expect(body).toMatchObject({
      needId,
      title: '新能源汽车电池包轻量化技术',
      companyName: '重庆长安轻量化科技有限公司',
      status: 'open',
      phase: 'accepting',
      forms: ['licence', 'joint_development'],
      rewardMax: '2000000.00',
      proposalCount: 0,
    });
    const board = await request(app.getHttpServer()).get('/api/challenges?q=电池包&form=licence').expect(200);
    expect(board.body.items.map((c: { id: string }) => c.id)).toContain(body.id);
    const judging = await request(app.getHttpServer()).get('/api/challenges?phase=judging').expect(200);
    expect(judging.body.items.map((c: { id: string }) => c.id)).not.toContain(body.id);
    await request(app.getHttpServer()).get(`/api/challenges/${body.id}`).expect(200);
    expect(await auditActions(dataSource, body.id)).toEqual(['challenge.published']);

    await call.post(accounts.enterprise, '/challenges', challengeBody(needId)).expect(409);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const needId = await publishedNeed(app.getHttpServer(), accounts.enterprise, accounts.admin);
    const cases: [Record<string, unknown>, string][] = [
      [{ criteria: [{ name: '技术', weight: 50 }] }, 'criteria'],
      [{ deadline: '2020-01-01T00:00:00Z' }, 'deadline'],
      [{ deadline: 'tomorrow' }, 'deadline'],
      [{ forms: ['equity'] }, 'forms'],
      [{ rewardMin: '3000000.00' }, 'rewardMax'],
      [{ rewardMin: '-1' }, 'rewardMin'],
      [{ milestones: [] }, 'milestones'],
      [{ needId: undefined }, 'needId'],
      [{ companyOrgId: accounts.otherEnterprise.orgId }, 'companyOrgId'],
    ];
    for (const [change, field] of cases) {
      const { body } = await call
        .post(accounts.enterprise, '/challenges', { ...challengeBody(needId), ...change })
        .expect(400);
      expect(fieldsOf(body)).toContain(field);
    }
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM challenge WHERE need_id = $1`, [needId]);
    expect(n).toBe(0);
  });

  it('refuses another company’s need, an unpublished need, a wrong role and an unverified company', async () => {
    const otherNeed = await publishedNeed(app.getHttpServer(), accounts.otherEnterprise, accounts.admin);
    await call.post(accounts.enterprise, '/challenges', challengeBody(otherNeed)).expect(404);
    const draft = await call
      .post(accounts.enterprise, '/needs', { title: '草稿需求：复合材料', summary: '草稿' })
      .expect(201);
    await call.post(accounts.enterprise, '/challenges', challengeBody(draft.body.id)).expect(409);
    await call.post(accounts.tto, '/challenges', challengeBody(otherNeed)).expect(403);
    await call.post(accounts.manager, '/challenges', challengeBody(otherNeed)).expect(403);
    const pending = await registerAccount(app.getHttpServer(), { kind: 'enterprise' });
    await call.post(pending, '/challenges', challengeBody(otherNeed)).expect(403);
  });

  it('lets the operator publish a sponsored list for a verified company, which then judges it', async () => {
    const { needId: _none, ...rest } = challengeBody('unused');
    const body = {
      ...rest,
      companyOrgId: accounts.otherEnterprise.orgId,
      sponsor: '重庆市科学技术局',
      title: '高端数控机床主轴热变形补偿',
      description: '面向重庆装备制造企业的揭榜挂帅项目，解决主轴热变形导致的精度漂移。',
    };
    const published = await call.post(accounts.admin, '/challenges', body).expect(201);
    expect(published.body).toMatchObject({ sponsor: '重庆市科学技术局', companyOrgId: accounts.otherEnterprise.orgId });
    const missing = await call.post(accounts.admin, '/challenges', { ...body, sponsor: undefined }).expect(400);
    expect(fieldsOf(missing.body)).toContain('sponsor');
    await call.post(accounts.admin, '/challenges', { ...body, companyOrgId: accounts.tto.orgId }).expect(400);
  });
});

describe('proposals', () => {
  let challengeId: string;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    mine = (await call.post(cqu.account, `/challenges/${challengeId}/proposals`, proposalBody(cqu)).expect(201)).body
      .id;
    theirs = (
      await call.post(swu.account, `/challenges/${challengeId}/proposals`, proposalBody(swu, '900000.00')).expect(201)
    ).body.id;
  });

  it('keeps every version of a revised proposal', async () => {
    const { body } = await call.put(cqu.account, `/proposals/${mine}`, revisionBody(cqu, '1000000.00')).expect(200);
    expect(body.currentVersion).toBe(2);
    expect(body.versions.map((v: { version: number; price: string }) => [v.version, v.price])).toEqual([
      [2, '1000000.00'],
      [1, '1200000.00'],
    ]);
    expect(body.versions[0].researchers.map((r: { name: string }) => r.name)).toEqual(['张伟', '刘洋']);
  });

  it('shows a proposal to its authors, the company and an assigned manager only', async () => {
    await call.get(cqu.account, `/proposals/${mine}`).expect(200);
    await call.get(accounts.enterprise, `/proposals/${mine}`).expect(200);
    await call.get(swu.account, `/proposals/${mine}`).expect(404);
    await call.get(accounts.otherEnterprise, `/proposals/${mine}`).expect(404);
    await call.get(accounts.manager, `/proposals/${mine}`).expect(404);

    const own = await call.get(swu.account, `/challenges/${challengeId}/proposals`).expect(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([theirs]);
    const none = await call.get(accounts.otherEnterprise, `/challenges/${challengeId}/proposals`).expect(200);
    expect(none.body).toEqual({ capacity: null, items: [] });

    await call
      .post(accounts.manager, `/challenges/${challengeId}/managers`, { userId: accounts.manager.userId })
      .expect(403);
    await call
      .post(accounts.otherEnterprise, `/challenges/${challengeId}/managers`, { userId: accounts.manager.userId })
      .expect(403);
    await call
      .post(accounts.enterprise, `/challenges/${challengeId}/managers`, { userId: accounts.tto.userId })
      .expect(400);
    await call
      .post(accounts.enterprise, `/challenges/${challengeId}/managers`, { userId: accounts.manager.userId })
      .expect(200);
    const asManager = await call.get(accounts.manager, `/challenges/${challengeId}/proposals`).expect(200);
    expect(asManager.body.capacity).toBe('manager');
    expect(asManager.body.items.map((p: { id: string }) => p.id).sort()).toEqual([mine, theirs].sort());
  });

  it('refuses someone else’s proposal, a wrong role and an unverified TTO', async () => {
    await call.put(swu.account, `/proposals/${mine}`, revisionBody(swu, '1.00')).expect(404);
    await call.post(swu.account, `/proposals/${mine}/withdraw`).expect(404);
    await call.put(accounts.enterprise, `/proposals/${mine}`, revisionBody(cqu, '1.00')).expect(403);
    await call.post(accounts.enterprise, `/challenges/${challengeId}/proposals`, proposalBody(cqu)).expect(403);
    const pending = await registerAccount(app.getHttpServer(), { kind: 'university' });
    await call.post(pending, `/challenges/${challengeId}/proposals`, proposalBody(cqu)).expect(403);
  });

  it('refuses bad proposals with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ price: '1.00' }, 'milestones'],
      [{ form: 'transfer' }, 'form'],
      [{ researcherIds: swu.researcherIds }, 'researcherIds'],
      [{ achievementId: swu.achievementId }, 'achievementId'],
      [{ maturity: 'moon' }, 'maturity'],
      [{ approach: '' }, 'approach'],
      [{ milestones: [{ title: 'x', dueOn: '2027-02-30', amount: '1200000.00' }] }, 'milestones[0].dueOn'],
      [{ price: 'a lot' }, 'price'],
    ];
    for (const [change, field] of cases) {
      const { body } = await call
        .post(cqu.account, `/challenges/${challengeId}/proposals`, { ...proposalBody(cqu), ...change })
        .expect(400);
      expect(fieldsOf(body)).toContain(field);
    }
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM proposal WHERE challenge_id = $1`, [
      challengeId,
    ]);
    expect(n).toBe(2);
  });

  it('checks attachments by their content', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 0x20)]);
    const ok = await request(app.getHttpServer())
      .post(`/api/proposals/${mine}/attachments`)
      .set({ Authorization: `Bearer ${cqu.account.accessToken}` })
      .attach('file', pdf, '技术方案.pdf')
      .expect(201);
    expect(ok.body).toMatchObject({ fileName: '技术方案.pdf', contentType: 'application/pdf' });
    const bad = await request(app.getHttpServer())
      .post(`/api/proposals/${mine}/attachments`)
      .set({ Authorization: `Bearer ${cqu.account.accessToken}` })
      .attach('file', Buffer.from('MZ not a pdf'), 'tool.pdf')
      .expect(400);
    expect(fieldsOf(bad.body)).toContain('file');
    const file = await call.get(accounts.enterprise, `/proposals/${mine}/attachments/${ok.body.id}`).expect(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(Number(file.headers['content-length'])).toBe(pdf.length);
    await call.get(swu.account, `/proposals/${mine}/attachments/${ok.body.id}`).expect(404);
  });
});
