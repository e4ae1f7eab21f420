import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CatalogIndexer, CatalogReconciler } from '@kuaizhuan/catalog';
import { SearchIndex } from '@kuaizhuan/platform';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { CatalogSearch } from '../src/search/catalog-search';
import { catalogueDocuments } from '../src/search/catalogue-documents';
import { ACHIEVEMENT, as, createAccounts, NEED, publishedAchievement, publishedNeed, type Accounts } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
const ids: Record<string, string> = {};

interface Hit {
  id: string;
  title: string;
  highlights: { title: { text: string; marks: unknown[] } };
  display: Record<string, unknown>;
}

async function search(
  query: string,
  account = accounts.enterprise,
): Promise<{ total: number; hits: Hit[]; facets: Record<string, { value: string; count: number }[]> }> {
  const response = await request(http).get(`/api/search?${query}`).set(as(account)).expect(200);
  return response.body;
}

async function searchIds(query: string, account = accounts.enterprise): Promise<string[]> {
  return (await search(query, account)).hits.map((hit) => hit.id).sort();
}

beforeAll(async () => {
  // Indexing, portal search, reconciliation and rebuilds as a deployment runs them: on Meilisearch.
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' }, undefined, { search: 'meilisearch' });
  app = await startApi();
  worker = await startWorker();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  const { tto, otherTto, manager, enterprise } = accounts;
  ids.magnesium = await publishedAchievement(http, tto, manager, { externalRef: 'S-1' });
  ids.sensor = await publishedAchievement(http, tto, manager, {
    externalRef: 'S-2',
    title: '车规级毫米波雷达感知算法',
    summary: '面向智能网联汽车的毫米波雷达目标识别算法',
    keywords: ['毫米波雷达', '感知'],
    fieldCodes: ['intelligent-nev'],
    ipType: 'software_copyright',
    maturityStage: 'industrial',
    transferModes: ['transfer'],
    priceMin: '3000000.00',
    priceMax: '5000000.00',
    internalNotes: '保密备注：客户名单',
  });
  ids.herb = await publishedAchievement(http, otherTto, manager, {
    externalRef: 'S-3',
    title: '中药材有效成分超临界萃取工艺',
    summary: '提高黄连素提取率的超临界二氧化碳萃取工艺',
    keywords: ['中药', '萃取'],
    fieldCodes: ['modern-tcm'],
    ipType: 'invention_patent',
    maturityStage: 'bench',
    transferModes: ['use_first_pay_later'],
    priceMin: null,
    priceMax: null,
    institutionName: '西南大学药学院',
  });
  const draft = await request(http)
    .post('/api/achievements')
    .set(as(tto))
    .send({ ...ACHIEVEMENT, externalRef: 'S-DRAFT', title: '尚未发布的镁合金草稿成果' })
    .expect(201);
  ids.draft = draft.body.id;
  ids.need = await publishedNeed(http, enterprise, manager);
  const researcher = await request(http)
    .post('/api/researchers')
    .set(as(tto))
    .send({
      name: '陈刚',
      researchAreas: ['镁合金腐蚀防护'],
      commissionerAvailable: true,
      email: 'chengang@cqu.example',
      phone: '13900000000',
    })
    .expect(201);
  ids.researcher = researcher.body.id;
  await eventually(
    async () => (await searchIds('type=achievement')).length === 3 || undefined,
    30_000,
    'the published achievements to be indexed',
  );
  await eventually(
    async () => (await searchIds('q=草稿&scope=mine', tto)).length === 1 || undefined,
    30_000,
    'the draft to be indexed',
  );
  await eventually(
    async () => (await searchIds('type=need', tto)).length === 1 || undefined,
    30_000,
    'the published need to be indexed',
  );
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

describe(CatalogSearch.name, () => {
  describe('search', () => {
    it('finds published achievements by text, with highlights, and never a draft of another organisation', async () => {
      const result = await search('q=镁合金');
      expect(result.hits.map((hit) => hit.id)).toEqual([ids.magnesium]);
      expect(result.hits[0].highlights.title.marks.length).toBeGreaterThan(0);
      await expect(searchIds('q=草稿')).resolves.toEqual([]);
      await expect(searchIds('q=草稿&scope=mine', accounts.tto)).resolves.toEqual([ids.draft]);
    });

    it('filters by field, maturity, IP type, transfer mode, institution and price', async () => {
      await expect(searchIds('field=intelligent-nev')).resolves.toEqual([ids.sensor]);
      await expect(searchIds('maturity=pilot,bench')).resolves.toEqual([ids.magnesium, ids.herb].sort());
      await expect(searchIds('ipType=software_copyright')).resolves.toEqual([ids.sensor]);
      await expect(searchIds('mode=use_first_pay_later')).resolves.toEqual([ids.magnesium, ids.herb].sort());
      await expect(searchIds(`institution=${encodeURIComponent('西南大学')}`)).resolves.toEqual([ids.herb]);
      await expect(searchIds('amountMax=1000000')).resolves.toEqual([ids.magnesium]);
      await expect(searchIds('amountMin=2500000&amountMax=9000000')).resolves.toEqual([ids.sensor]);
    });

    it('counts facets over every match', async () => {
      const result = await search('pageSize=1');
      expect(result.total).toBe(3);
      expect(result.hits).toHaveLength(1);
      expect(result.facets.institution).toEqual(
        expect.arrayContaining([
          { value: '重庆大学', count: 2 },
          { value: '西南大学', count: 1 },
        ]),
      );
      expect(result.facets.fieldCodes).toEqual(expect.arrayContaining([{ value: 'light-alloy', count: 1 }]));
      expect(result.facets.transferModes).toEqual(expect.arrayContaining([{ value: 'use_first_pay_later', count: 2 }]));
    });

    it('keeps private fields out of the index: internal notes, confidential need details, contacts', async () => {
      await expect(searchIds('q=客户名单')).resolves.toEqual([]);
      await expect(searchIds('q=客户名单&scope=mine', accounts.tto)).resolves.toEqual([]);
      const needs = await search('type=need', accounts.tto);
      expect(needs.hits.map((hit) => hit.id)).toEqual([ids.need]);
      expect(JSON.stringify(needs)).not.toContain(NEED.problem);
      expect(JSON.stringify(needs)).not.toContain('500000');
      await expect(searchIds(`type=need&q=${encodeURIComponent('碰撞安全')}`, accounts.tto)).resolves.toEqual([]);
    });

    it('drops a withdrawn achievement from public search once re-indexed', async () => {
      const id = await publishedAchievement(http, accounts.tto, accounts.manager, {
        externalRef: 'S-WD',
        title: '钛合金增材制造工艺',
      });
      // Generous waits: on a busy machine an engine's indexing task can take many seconds.
      await eventually(async () => (await searchIds('q=钛合金')).includes(id) || undefined, 60_000, 'indexed');
      await request(http).post(`/api/achievements/${id}/withdraw`).set(as(accounts.tto)).expect(200);
      await eventually(async () => !(await searchIds('q=钛合金')).includes(id) || undefined, 60_000, 'hidden');
    }, 150_000);

    it('finds researchers by research area without their contact details', async () => {
      const result = await search(`type=researcher&q=${encodeURIComponent('腐蚀防护')}`);
      expect(result.hits.map((hit) => hit.id)).toEqual([ids.researcher]);
      expect(result.hits[0].display).toMatchObject({ commissionerAvailable: true });
      expect(JSON.stringify(result)).not.toContain('chengang@');
      expect(JSON.stringify(result)).not.toContain('13900000000');
    });

    it('validates its query, naming the field', async () => {
      const response = await request(http).get('/api/search?mode=barter').set(as(accounts.enterprise)).expect(400);
      expect(response.body.fields[0].field).toBe('mode');
      await request(http).get('/api/search?amountMin=9&amountMax=1').set(as(accounts.enterprise)).expect(400);
      await request(http).get('/api/search?colour=red').set(as(accounts.enterprise)).expect(400);
    });
  });
});

describe('health', () => {
  it('names the search engine in readiness and checks it', async () => {
    const ready = await request(http).get('/api/health/ready').expect(200);
    expect(ready.body.info.search).toMatchObject({ status: 'up', engine: 'meilisearch' });
    expect(ready.body.info.search.documents).toBeGreaterThanOrEqual(5);
  });
});

describe(CatalogReconciler.name, () => {
  describe('reconcile', () => {
    it('re-indexes rows missing from the index and removes documents whose row is gone', async () => {
      const index = worker.get(SearchIndex);
      await index.remove([ids.herb]);
      await expect(searchIds('q=萃取')).resolves.toEqual([]);
      const ghost = '00000000-0000-4000-8000-000000000001';
      await index.upsert([
        {
          id: ghost,
          kind: 'achievement',
          ownerOrgId: accounts.tto.orgId,
          title: '幽灵成果',
          status: 'published',
          visibility: 'public',
          updatedAt: new Date(),
        },
      ]);

      const reports = await worker.get(CatalogReconciler).reconcile();
      expect(reports.find((report) => report.kind === 'achievement')).toMatchObject({ stale: 1, orphaned: 1 });
      await expect(searchIds('q=萃取')).resolves.toEqual([ids.herb]);
      await expect(searchIds('q=幽灵')).resolves.toEqual([]);
      const again = await worker.get(CatalogReconciler).reconcile();
      expect(again.every((report) => report.stale === 0 && report.orphaned === 0)).toBe(true);
    });
  });
});

describe('reindex', () => {
  describe('catalogueDocuments', () => {
    it('rebuilds the whole index from PostgreSQL through the port and swaps it in', async () => {
      const index = worker.get(SearchIndex);
      await index.clear();
      await expect(searchIds('type=achievement')).resolves.toEqual([]);
      let reported = 0;
      const result = await index.rebuild(catalogueDocuments(worker.get(CatalogIndexer), (n) => (reported += n)));
      const [{ n }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM need) + (SELECT count(*) FROM achievement) + (SELECT count(*) FROM researcher) AS n`,
      );
      expect(result.documents).toBe(Number(n));
      expect(reported).toBe(Number(n));
      await expect(searchIds('type=achievement')).resolves.toEqual([ids.magnesium, ids.sensor, ids.herb].sort());
      await expect(searchIds('type=need', accounts.tto)).resolves.toEqual([ids.need]);
    });

    it('keeps what is published through the api while it runs, across the swap', async () => {
      const publishing = (async () => {
        const published: string[] = [];
        for (let i = 0; i < 3; i += 1) {
          published.push(
            await publishedAchievement(http, accounts.tto, accounts.manager, {
              externalRef: `S-RB-${i}`,
              title: `重建期间发布的钨合金成果 ${i}`,
            }),
          );
        }
        return published;
      })();
      const index = worker.get(SearchIndex);
      await index.rebuild(catalogueDocuments(worker.get(CatalogIndexer)));
      const published = await publishing;
      await eventually(
        async () => (await searchIds(`q=${encodeURIComponent('钨合金')}`)).length === 3 || undefined,
        60_000,
        'everything published during the rebuild found',
      );
      await expect(searchIds(`q=${encodeURIComponent('钨合金')}`)).resolves.toEqual(published.sort());
    }, 150_000);
  });
});
