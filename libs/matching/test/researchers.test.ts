import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueProducers } from '@kuaizhuan/platform';
import { Need } from '@kuaizhuan/catalog';
import { ResearcherMatcher } from '../src/pipeline/researcher-matcher';
import { as, createAccounts, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import type { SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
let batteryExpert: string;
let riceExpert: string;
let compositesExpert: string;
let needId: string;

interface MatchRow {
  researcher_id: string;
  current: boolean;
  score: number;
}

const matches = (need: string): Promise<MatchRow[]> =>
  dataSource.query(`SELECT researcher_id, current, score FROM researcher_match WHERE need_id = $1`, [need]);

async function researcher(owner: SignedIn, body: Record<string, unknown>): Promise<string> {
  const created = await request(http).post('/api/researchers').set(as(owner)).send(body).expect(201);
  return (created.body as { id: string }).id;
}

async function indexedAs(id: string, status: string): Promise<void> {
  await eventually(
    async () => {
      const rows: { status: string }[] = await dataSource.query(`SELECT status FROM search_document WHERE id = $1`, [
        id,
      ]);
      return rows[0]?.status === status;
    },
    20_000,
    `researcher ${id} indexed as ${status}`,
  );
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  batteryExpert = await researcher(accounts.tto, {
    name: '张伟',
    title: '教授',
    profile: '长期从事新能源汽车电池包轻量化结构与轻合金成形研究。',
    researchAreas: ['电池包', '轻量化', '镁合金'],
    fieldCodes: ['light-alloy'],
    email: 'zhang.wei@cqu.example',
    phone: '13800000001',
  });
  riceExpert = await researcher(accounts.tto, {
    name: '王芳',
    title: '研究员',
    profile: '再生稻高产栽培。',
    researchAreas: ['水稻育种'],
    fieldCodes: ['food-agri'],
  });
  compositesExpert = await researcher(accounts.otherTto, {
    name: '李强',
    title: '副教授',
    profile: '碳纤维复合材料电池包上盖轻量化设计。',
    researchAreas: ['复合材料', '轻量化'],
    fieldCodes: ['advanced-materials'],
  });
  for (const id of [batteryExpert, riceExpert, compositesExpert]) await indexedAs(id, 'published');
  needId = await publishedNeed(http, accounts.enterprise, accounts.admin);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await env?.teardown();
});

describe(ResearcherMatcher.name, () => {
  describe('match', () => {
    it('matches researchers of other organisations to a published need by research area', async () => {
      const rows = await eventually(async () => {
        const found = await matches(needId);
        return found.length >= 2 ? found : undefined;
      }, 20_000);
      const ids = rows.map((r) => r.researcher_id);
      expect(ids).toEqual(expect.arrayContaining([batteryExpert, compositesExpert]));
      expect(ids).not.toContain(riceExpert);
      expect(rows.every((r) => r.current)).toBe(true);
      const score = (id: string): number => rows.find((r) => r.researcher_id === id)!.score;
      expect(score(batteryExpert)).toBeGreaterThan(score(compositesExpert));
    });

    it('shows them to the company with the reasons, never their contacts', async () => {
      const { body } = await request(http)
        .get(`/api/needs/${needId}/recommendations`)
        .set(as(accounts.enterprise))
        .expect(200);
      expect(body.items).toEqual([]);
      const [first] = body.researcherMatches;
      expect(first.researcher).toMatchObject({
        id: batteryExpert,
        name: '张伟',
        title: '教授',
        researchAreas: ['电池包', '轻量化', '镁合金'],
        organisation: { id: accounts.tto.orgId, name: '重庆大学' },
      });
      expect(first.features.map((f: { feature: string }) => f.feature)).toEqual(['text', 'keywords', 'field']);
      expect(first.features[1].zh).toContain('研究方向命中');
      expect(JSON.stringify(body)).not.toMatch(/cqu\.example|13800000001/);
    });

    it('keeps a researcher the next match no longer ranks, as not current', async () => {
      await request(http)
        .patch(`/api/researchers/${compositesExpert}`)
        .set(as(accounts.otherTto))
        .send({ active: false })
        .expect(200);
      await indexedAs(compositesExpert, 'archived');
      await api
        .get(QueueProducers)
        .add([{ name: 'match.need', data: { kind: 'need', ids: [needId] }, jobId: `again-${needId}` }]);
      await eventually(
        async () => (await matches(needId)).find((r) => r.researcher_id === compositesExpert)?.current === false,
        20_000,
        'no longer current',
      );
      const rows = await matches(needId);
      expect(rows.find((r) => r.researcher_id === batteryExpert)?.current).toBe(true);
      const { body } = await request(http)
        .get(`/api/needs/${needId}/recommendations`)
        .set(as(accounts.enterprise))
        .expect(200);
      expect(body.researcherMatches.map((m: { researcher: { id: string } }) => m.researcher.id)).toEqual([
        batteryExpert,
      ]);
    });

    it('gives the same rows when run twice', async () => {
      const before = await matches(needId);
      const matcher = worker.get(ResearcherMatcher);
      const row = await dataSource.getRepository(Need).findOneByOrFail({ id: needId });
      const first = await matcher.match(row);
      const second = await matcher.match(row);
      expect(second).toEqual({ current: first.current, retired: 0 });
      const after = await matches(needId);
      expect(after.map((r) => [r.researcher_id, r.current]).sort()).toEqual(
        before.map((r) => [r.researcher_id, r.current]).sort(),
      );
    });
  });

  describe('retire', () => {
    it('leaves no match current once the need is closed', async () => {
      await request(http).post(`/api/needs/${needId}/close`).set(as(accounts.enterprise)).send({}).expect(200);
      await eventually(async () => (await matches(needId)).every((r) => !r.current), 20_000, 'retired');
    });
  });
});
