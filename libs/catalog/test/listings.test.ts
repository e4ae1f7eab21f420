import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AchievementsService, NeedsService, ResearchersService, TaxonomyService } from '@kuaizhuan/catalog';
import { startApi } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { ACHIEVEMENT, as, createAccounts, NEED, publishedAchievement, publishedNeed, type Accounts } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await createAccounts(http, dataSource);
});

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

async function outboxEvents(id: string): Promise<string[]> {
  const rows: { event: string }[] = await dataSource.query(
    // One row per job an event starts: each event once, in the order the events happened.
    `SELECT event FROM outbox WHERE payload->'ids' ? $1 GROUP BY event ORDER BY min(created_at), event`,
    [id],
  );
  return rows.map((row) => row.event);
}

describe(NeedsService.name, () => {
  describe('create', () => {
    it('drafts a need for the caller company, with money as decimal strings and an index event', async () => {
      const response = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      expect(response.body).toMatchObject({
        orgId: accounts.enterprise.orgId,
        status: 'draft',
        title: NEED.title,
        details: { budgetMin: '500000.00', budgetMax: '2000000.00', problem: NEED.problem },
        cooperationModes: ['licence', 'joint_development'],
      });
      await expect(outboxEvents(response.body.id)).resolves.toEqual(['need.drafted']);
    });

    it('refuses an unknown field with 400 naming it', async () => {
      const response = await request(http)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, salary: '1' })
        .expect(400);
      expect(response.body.fields).toEqual([
        { field: 'salary', message: 'salary should not exist', constraint: 'whitelistValidation' },
      ]);
    });

    it('refuses a budget minimum above the maximum, naming budgetMin, and stores nothing', async () => {
      const before = await dataSource.query(`SELECT count(*)::int AS n FROM need`);
      const response = await request(http)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, budgetMin: '3000000', budgetMax: '2000000' })
        .expect(400);
      expect(response.body.fields).toEqual([
        { field: 'budgetMin', message: 'budgetMin must not be greater than budgetMax', constraint: 'notAbove' },
      ]);
      await expect(dataSource.query(`SELECT count(*)::int AS n FROM need`)).resolves.toEqual(before);
    });

    it('refuses money sent as a JSON number or with three decimals', async () => {
      const response = await request(http)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, budgetMin: 100, budgetMax: '1.005' })
        .expect(400);
      expect([...new Set(response.body.fields.map((f: { field: string }) => f.field))].sort()).toEqual([
        'budgetMax',
        'budgetMin',
      ]);
    });

    it('refuses a field code that is not in the taxonomy with 422 naming the field', async () => {
      const response = await request(http)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, fieldCodes: ['mars-farming'] })
        .expect(422);
      expect(response.body).toMatchObject({ field: 'fieldCodes', error: 'invalid' });
    });

    it('is for enterprise accounts only (403 for a TTO)', async () => {
      await request(http).post('/api/needs').set(as(accounts.tto)).send(NEED).expect(403);
    });

    it('needs a signed-in caller (401)', async () => {
      await request(http).post('/api/needs').send(NEED).expect(401);
    });
  });

  describe('update', () => {
    it('edits a draft, re-checking the budget range against the stored bound', async () => {
      const created = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      const id = created.body.id as string;
      const edited = await request(http)
        .patch(`/api/needs/${id}`)
        .set(as(accounts.enterprise))
        .send({ title: '电池包轻量化（修订）', budgetMax: '900000.5' })
        .expect(200);
      expect(edited.body).toMatchObject({ title: '电池包轻量化（修订）', details: { budgetMax: '900000.50' } });
      const refused = await request(http)
        .patch(`/api/needs/${id}`)
        .set(as(accounts.enterprise))
        .send({ budgetMax: '100' })
        .expect(422);
      expect(refused.body).toMatchObject({
        field: 'budgetMin',
        message: 'budgetMin must not be greater than budgetMax',
      });
      const [row] = await dataSource.query(`SELECT budget_max FROM need WHERE id = $1`, [id]);
      expect(row.budget_max).toBe('900000.50');
    });

    it('clears an optional field sent as null and refuses null for a required one (422 naming it)', async () => {
      const created = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      const id = created.body.id as string;
      const cleared = await request(http)
        .patch(`/api/needs/${id}`)
        .set(as(accounts.enterprise))
        .send({ budgetMin: null, regionCode: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ regionCode: null, details: { budgetMin: null, budgetMax: '2000000.00' } });
      const refused = await request(http)
        .patch(`/api/needs/${id}`)
        .set(as(accounts.enterprise))
        .send({ keywords: null })
        .expect(422);
      expect(refused.body).toMatchObject({ field: 'keywords', message: 'keywords cannot be null' });
      await request(http)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, summary: null })
        .expect(422);
    });

    it('refuses to edit a need that is not a draft (409)', async () => {
      const id = await publishedNeed(http, accounts.enterprise, accounts.manager);
      const response = await request(http)
        .patch(`/api/needs/${id}`)
        .set(as(accounts.enterprise))
        .send({ title: '改名' })
        .expect(409);
      expect(response.body.field).toBe('status');
    });
  });

  describe('act', () => {
    it('takes a need from draft through moderation to published, matched and closed', async () => {
      const created = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      const id = created.body.id as string;
      const submitted = await request(http).post(`/api/needs/${id}/submit`).set(as(accounts.enterprise)).expect(200);
      expect(submitted.body.status).toBe('submitted');

      const queue = await request(http).get('/api/moderation/needs').set(as(accounts.manager)).expect(200);
      expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(id);

      const rejected = await request(http)
        .post(`/api/needs/${id}/reject`)
        .set(as(accounts.manager))
        .send({ reason: '请补充技术指标' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'draft', moderationNote: '请补充技术指标' });

      await request(http).post(`/api/needs/${id}/submit`).set(as(accounts.enterprise)).expect(200);
      const approved = await request(http)
        .post(`/api/needs/${id}/approve`)
        .set(as(accounts.admin))
        .send({})
        .expect(200);
      expect(approved.body.status).toBe('published');
      expect(approved.body.publishedAt).toEqual(expect.any(String));

      await request(http).post(`/api/needs/${id}/match`).set(as(accounts.enterprise)).expect(200);
      const closed = await request(http).post(`/api/needs/${id}/close`).set(as(accounts.enterprise)).expect(200);
      expect(closed.body.status).toBe('closed');
      // Draft and submission are indexed only; publication and what follows it are matched as well.
      await expect(outboxEvents(id)).resolves.toEqual(['need.drafted', 'need.published', 'need.changed']);
      const audit: { action: string; actor_user_id: string | null }[] = await dataSource.query(
        `SELECT action, actor_user_id FROM audit_log WHERE subject_id = $1 ORDER BY occurred_at, id`,
        [id],
      );
      expect(audit.map((entry) => entry.action)).toEqual([
        'need.submitted',
        'need.rejected',
        'need.submitted',
        'need.approved',
        'need.matched',
        'need.closed',
      ]);
      expect(audit[1].actor_user_id).toBe(accounts.manager.userId);
    });

    it('refuses a step the status does not allow (409) and a step the role does not allow (403)', async () => {
      const created = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      const id = created.body.id as string;
      const early = await request(http).post(`/api/needs/${id}/match`).set(as(accounts.enterprise)).expect(409);
      expect(early.body.message).toBe('cannot match a listing that is draft (only from published)');
      await request(http).post(`/api/needs/${id}/approve`).set(as(accounts.enterprise)).send({}).expect(403);
      await request(http).post(`/api/needs/${id}/reject`).set(as(accounts.manager)).send({}).expect(400);
    });

    it('expires a published need past its deadline', async () => {
      const id = await publishedNeed(http, accounts.enterprise, accounts.manager);
      await dataSource.query(`UPDATE need SET deadline = current_date - 1 WHERE id = $1`, [id]);
      await expect(app.get(NeedsService).expireOverdue()).resolves.toBeGreaterThanOrEqual(1);
      const response = await request(http).get(`/api/needs/${id}`).set(as(accounts.enterprise)).expect(200);
      expect(response.body.status).toBe('expired');
      const audit = await dataSource.query(
        `SELECT action, actor_user_id FROM audit_log WHERE subject_id = $1 AND action = 'need.expired'`,
        [id],
      );
      expect(audit).toEqual([{ action: 'need.expired', actor_user_id: null }]);
    });
  });

  describe('tenancy', () => {
    it('hides another company draft (404) and a confidential need details, on every endpoint', async () => {
      const draft = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      const id = draft.body.id as string;
      const other = as(accounts.otherEnterprise);
      await request(http).get(`/api/needs/${id}`).set(other).expect(404);
      await request(http).patch(`/api/needs/${id}`).set(other).send({ title: '篡改' }).expect(404);
      for (const step of ['submit', 'withdraw', 'match', 'close']) {
        await request(http).post(`/api/needs/${id}/${step}`).set(other).expect(404);
      }
      const own = await request(http).get('/api/needs').set(other).expect(200);
      expect(own.body.items.map((item: { id: string }) => item.id)).not.toContain(id);

      const publishedId = await publishedNeed(http, accounts.enterprise, accounts.manager);
      const seen = await request(http).get(`/api/needs/${publishedId}`).set(as(accounts.tto)).expect(200);
      expect(seen.body).toMatchObject({ title: NEED.title, summary: NEED.summary, confidentiality: 'summary_only' });
      expect(seen.body.details).toBeUndefined();
      expect(JSON.stringify(seen.body)).not.toContain(NEED.problem);
      expect(JSON.stringify(seen.body)).not.toContain('500000');
      await request(http).patch(`/api/needs/${publishedId}`).set(other).send({ title: '篡改' }).expect(404);
      await request(http).post(`/api/needs/${publishedId}/close`).set(other).expect(404);

      const [row] = await dataSource.query(`SELECT title, status FROM need WHERE id = $1`, [publishedId]);
      expect(row).toEqual({ title: NEED.title, status: 'published' });
    });

    it('shows moderators a need once submitted, not while it is a draft', async () => {
      const draft = await request(http).post('/api/needs').set(as(accounts.enterprise)).send(NEED).expect(201);
      const id = draft.body.id as string;
      await request(http).get(`/api/needs/${id}`).set(as(accounts.manager)).expect(404);
      await request(http).post(`/api/needs/${id}/close`).set(as(accounts.manager)).expect(404);
      await request(http).post(`/api/needs/${id}/submit`).set(as(accounts.enterprise)).expect(200);
      const seen = await request(http).get(`/api/needs/${id}`).set(as(accounts.manager)).expect(200);
      expect(seen.body.details).toMatchObject({ problem: NEED.problem });
    });

    it('shows the details of a public need to others once published', async () => {
      const id = await publishedNeed(http, accounts.enterprise, accounts.manager, { confidentiality: 'public' });
      const seen = await request(http).get(`/api/needs/${id}`).set(as(accounts.otherEnterprise)).expect(200);
      expect(seen.body.details).toMatchObject({ problem: NEED.problem, budgetMax: '2000000.00' });
      expect(seen.body.moderationNote).toBeUndefined();
    });

    it('answers 400 naming the id when it is not a UUID', async () => {
      const response = await request(http).get('/api/needs/not-a-uuid').set(as(accounts.enterprise)).expect(400);
      expect(response.body.fields).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });
  });
});

describe(AchievementsService.name, () => {
  let researcherId: string;

  beforeAll(async () => {
    const response = await request(http)
      .post('/api/researchers')
      .set(as(accounts.tto))
      .send({ name: '张伟', title: '教授', email: 'zhangwei@cqu.example', phone: '023-65100000', externalRef: 'R-001' })
      .expect(201);
    researcherId = response.body.id;
  });

  describe('create', () => {
    it('drafts an achievement with its researchers, IP and maturity', async () => {
      const response = await request(http)
        .post('/api/achievements')
        .set(as(accounts.tto))
        .send({ ...ACHIEVEMENT, externalRef: 'CQU-CREATE-1', researcherIds: [researcherId] })
        .expect(201);
      expect(response.body).toMatchObject({
        status: 'draft',
        ipType: 'invention_patent',
        legalStatus: 'granted',
        trl: 6,
        maturityStage: 'pilot',
        priceMin: '800000.00',
        separateLedger: true,
        internalNotes: ACHIEVEMENT.internalNotes,
        researchers: [{ id: researcherId, name: '张伟', title: '教授' }],
      });
    });

    it('refuses a price minimum above the maximum and a TRL outside 1–9, naming the fields', async () => {
      const response = await request(http)
        .post('/api/achievements')
        .set(as(accounts.tto))
        .send({ ...ACHIEVEMENT, externalRef: 'CQU-BAD', priceMin: '2', priceMax: '1', trl: 10 })
        .expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['priceMin', 'trl']);
    });

    it('refuses another institution researcher (422) and a repeated reference (409)', async () => {
      const stranger = await request(http)
        .post('/api/researchers')
        .set(as(accounts.otherTto))
        .send({ name: '王芳' })
        .expect(201);
      const refused = await request(http)
        .post('/api/achievements')
        .set(as(accounts.tto))
        .send({ ...ACHIEVEMENT, externalRef: 'CQU-X', researcherIds: [stranger.body.id] })
        .expect(422);
      expect(refused.body.field).toBe('researcherIds');
      await request(http)
        .post('/api/achievements')
        .set(as(accounts.tto))
        .send({ ...ACHIEVEMENT, externalRef: 'DUP' })
        .expect(201);
      await request(http)
        .post('/api/achievements')
        .set(as(accounts.tto))
        .send({ ...ACHIEVEMENT, externalRef: 'DUP' })
        .expect(409);
    });

    it('is for TTO accounts only (403 for a company)', async () => {
      await request(http).post('/api/achievements').set(as(accounts.enterprise)).send(ACHIEVEMENT).expect(403);
    });
  });

  describe('listOwn', () => {
    it('narrows the institution own list by status and by title, taking % and _ as plain text', async () => {
      const body = { ...ACHIEVEMENT, researcherIds: [researcherId] };
      const post = (title: string, externalRef: string) =>
        request(http)
          .post('/api/achievements')
          .set(as(accounts.tto))
          .send({ ...body, title, externalRef })
          .expect(201);
      await post('钛合金_100%回收工艺', 'CQU-LIST-1');
      await post('钛合金激光焊接', 'CQU-LIST-2');
      await request(http)
        .post('/api/achievements')
        .set(as(accounts.otherTto))
        .send({ ...ACHIEVEMENT, title: '钛合金冷喷涂', externalRef: 'SWU-LIST-1' })
        .expect(201);
      const titles = async (query: Record<string, string>): Promise<string[]> => {
        const { body: page } = await request(http)
          .get('/api/achievements')
          .query(query)
          .set(as(accounts.tto))
          .expect(200);
        return page.items.map((a: { title: string }) => a.title).sort();
      };
      expect(await titles({ q: '钛合金' })).toEqual(['钛合金_100%回收工艺', '钛合金激光焊接']);
      expect(await titles({ q: ' 100% ' })).toEqual(['钛合金_100%回收工艺']);
      expect(await titles({ q: '_' })).toEqual(['钛合金_100%回收工艺']);
      expect(await titles({ q: '钛合金', status: 'published' })).toEqual([]);
      const refused = await request(http)
        .get('/api/achievements')
        .query({ q: '钛'.repeat(101) })
        .set(as(accounts.tto))
        .expect(400);
      expect(JSON.stringify(refused.body)).toContain('q');
    });
  });

  describe('tenancy', () => {
    it('keeps drafts and internal notes inside the institution, on every endpoint', async () => {
      const draft = await request(http)
        .post('/api/achievements')
        .set(as(accounts.tto))
        .send({ ...ACHIEVEMENT, externalRef: 'CQU-TEN-1', researcherIds: [researcherId] })
        .expect(201);
      const id = draft.body.id as string;
      const other = as(accounts.otherTto);
      await request(http).get(`/api/achievements/${id}`).set(other).expect(404);
      await request(http).get(`/api/achievements/${id}`).set(as(accounts.enterprise)).expect(404);
      await request(http).patch(`/api/achievements/${id}`).set(other).send({ title: '篡改' }).expect(404);
      for (const step of ['submit', 'withdraw', 'match', 'close']) {
        await request(http).post(`/api/achievements/${id}/${step}`).set(other).expect(404);
      }

      await request(http).post(`/api/achievements/${id}/submit`).set(as(accounts.tto)).expect(200);
      await request(http).post(`/api/achievements/${id}/approve`).set(as(accounts.manager)).send({}).expect(200);
      const seen = await request(http).get(`/api/achievements/${id}`).set(as(accounts.enterprise)).expect(200);
      expect(seen.body).toMatchObject({
        status: 'published',
        title: ACHIEVEMENT.title,
        researchers: [{ name: '张伟' }],
      });
      expect(seen.body.internalNotes).toBeUndefined();
      expect(JSON.stringify(seen.body)).not.toContain('zhangwei@');
      expect(JSON.stringify(seen.body)).not.toContain(ACHIEVEMENT.internalNotes);
      await request(http).post(`/api/achievements/${id}/withdraw`).set(other).expect(404);
      const [row] = await dataSource.query(`SELECT status FROM achievement WHERE id = $1`, [id]);
      expect(row.status).toBe('published');
    });

    it('lets the owner withdraw a published achievement to edit it', async () => {
      const id = await publishedAchievement(http, accounts.tto, accounts.manager, { externalRef: 'CQU-WD' });
      await request(http).patch(`/api/achievements/${id}`).set(as(accounts.tto)).send({ title: '新名称' }).expect(409);
      await request(http).post(`/api/achievements/${id}/withdraw`).set(as(accounts.tto)).expect(200);
      const edited = await request(http)
        .patch(`/api/achievements/${id}`)
        .set(as(accounts.tto))
        .send({ title: '新名称' })
        .expect(200);
      expect(edited.body).toMatchObject({ status: 'draft', title: '新名称' });
    });
  });
});

describe(ResearchersService.name, () => {
  describe('get', () => {
    it('shows contact details to the institution only', async () => {
      const created = await request(http)
        .post('/api/researchers')
        .set(as(accounts.tto))
        .send({
          name: '刘洋',
          title: '研究员',
          researchAreas: ['镁合金'],
          commissionerAvailable: true,
          email: 'liuyang@cqu.example',
          phone: '13800000000',
        })
        .expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({
        email: 'liuyang@cqu.example',
        phone: '13800000000',
        commissionerAvailable: true,
      });
      const seen = await request(http).get(`/api/researchers/${id}`).set(as(accounts.enterprise)).expect(200);
      expect(seen.body).toMatchObject({ name: '刘洋', commissionerAvailable: true });
      expect(seen.body.email).toBeUndefined();
      expect(seen.body.phone).toBeUndefined();
      await request(http).patch(`/api/researchers/${id}`).set(as(accounts.otherTto)).send({ name: '改' }).expect(404);
      await request(http).patch(`/api/researchers/${id}`).set(as(accounts.enterprise)).send({ name: '改' }).expect(403);
      const edited = await request(http)
        .patch(`/api/researchers/${id}`)
        .set(as(accounts.tto))
        .send({ active: false })
        .expect(200);
      expect(edited.body.active).toBe(false);
      await request(http).get(`/api/researchers/${id}`).set(as(accounts.enterprise)).expect(404);
    });

    it('refuses a malformed e-mail naming the field', async () => {
      const response = await request(http)
        .post('/api/researchers')
        .set(as(accounts.tto))
        .send({ name: '赵六', email: 'not-an-address' })
        .expect(400);
      expect(response.body.fields[0].field).toBe('email');
    });
  });
});

describe(TaxonomyService.name, () => {
  describe('list', () => {
    it('serves the 33618 clusters and the 38 Chongqing districts and counties without signing in', async () => {
      const fields = await request(http).get('/api/taxonomies/field').expect(200);
      const clusters = fields.body.filter((term: { parentCode: string | null }) =>
        ['cq-trillion', 'cq-500b', 'cq-100b'].includes(term.parentCode ?? ''),
      );
      expect(clusters).toHaveLength(12);
      expect(fields.body.map((term: { nameZh: string }) => term.nameZh)).toEqual(
        expect.arrayContaining(['智能网联新能源汽车', '软件信息服务', '新能源及新型储能']),
      );
      const regions = await request(http).get('/api/taxonomies/region').expect(200);
      const chongqing = regions.body.filter((term: { parentCode: string | null }) => term.parentCode === '50');
      expect(chongqing).toHaveLength(38);
      expect(chongqing.every((term: { code: string }) => /^500[12]\d\d$/.test(term.code))).toBe(true);
      await request(http).get('/api/taxonomies/colours').expect(400);
    });
  });

  describe('put', () => {
    it('lets an admin add and retire a term, and nobody else', async () => {
      const term = { nameZh: '低空经济', nameEn: 'Low-altitude economy', parentCode: 'cq-rising' };
      await request(http).put('/api/taxonomies/field/low-altitude').set(as(accounts.tto)).send(term).expect(403);
      const created = await request(http)
        .put('/api/taxonomies/field/low-altitude')
        .set(as(accounts.admin))
        .send(term)
        .expect(200);
      expect(created.body).toMatchObject({ kind: 'field', code: 'low-altitude', active: true });
      await request(http)
        .put('/api/taxonomies/field/x')
        .set(as(accounts.admin))
        .send({ ...term, parentCode: 'nope' })
        .expect(422);
      await request(http).delete('/api/taxonomies/field/low-altitude').set(as(accounts.admin)).expect(204);
      const refused = await request(http)
        .post('/api/needs')
        .set(as(accounts.enterprise))
        .send({ ...NEED, fieldCodes: ['low-altitude'] })
        .expect(422);
      expect(refused.body.field).toBe('fieldCodes');
    });
  });
});
