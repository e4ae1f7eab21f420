import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  markSnippet,
  MeilisearchIndex,
  PostgresSearchIndex,
  type SearchDocument,
  type SearchIndex,
  type SearchQuery,
} from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { dropTestIndex, testIndexUid, testMeilisearch } from '../../../test/support/meilisearch';
import { fixtures, PUBLISHED_PUBLIC } from './search-fixtures';

interface Adapter {
  index: SearchIndex;
  close(): Promise<void>;
}

type AdapterFactory = (env: TestEnvironment) => Promise<Adapter>;

async function postgres(env: TestEnvironment): Promise<Adapter> {
  const dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-search' }));
  await dataSource.initialize();
  return { index: new PostgresSearchIndex(dataSource), close: () => dataSource.destroy() };
}

/** An index of this file's own on the run's Meilisearch (started by the global setup). */
async function meilisearch(): Promise<Adapter> {
  const { host, masterKey } = testMeilisearch();
  const indexUid = testIndexUid();
  return {
    index: new MeilisearchIndex({ host, apiKey: masterKey, indexUid }),
    close: () => dropTestIndex(host, masterKey, indexUid),
  };
}

/** Both engines, always: the contract holds for each. */
const adapters: Array<[string, AdapterFactory]> = [
  ['postgres', postgres],
  ['meilisearch', meilisearch],
];

let env: TestEnvironment;
beforeAll(async () => {
  env = await setUpTestEnvironment();
});
afterAll(async () => {
  await env.teardown();
});

describe.each(adapters)('SearchIndex contract (%s)', (_name, factory) => {
  let adapter: Adapter;
  let index: SearchIndex;

  beforeAll(async () => {
    adapter = await factory(env);
    index = adapter.index;
  });
  afterAll(async () => {
    await adapter.close();
  });
  beforeEach(async () => {
    await index.clear();
    await index.upsert(fixtures());
  });

  const ids = async (query: SearchQuery) => (await index.search(query)).hits.map((hit) => hit.id);
  const publicSearch = (text: string, extra: SearchQuery = {}) =>
    ids({ text, ...extra, filters: { ...PUBLISHED_PUBLIC, ...extra.filters } });

  describe('search — Chinese text', () => {
    it('finds 安装简单 for the query 简单', async () => {
      expect(await publicSearch('简单')).toEqual(['a1']);
    });

    it('finds 待处理 for the query 处理', async () => {
      expect(await publicSearch('处理')).toContain('a1');
    });

    it('finds 在建工程 for the query 工程', async () => {
      expect(await publicSearch('工程')).toEqual(['a2']);
    });

    it('finds a text with both words of 招商 公司 apart, first', async () => {
      expect((await publicSearch('招商 公司'))[0]).toBe('n1');
    });

    it('folds full-width input', async () => {
      expect(await publicSearch('ＧＲＡＰＨＥＮＥ ｆｉｌｍ')).toContain('a6');
    });
  });

  describe('search — synonyms, typos and partial words', () => {
    it('finds 人工智能 for AI', async () => {
      expect(await publicSearch('AI')).toEqual(['a2']);
    });

    it('finds 石墨烯 for graphene and Graphene for 石墨烯', async () => {
      expect(await publicSearch('石墨烯')).toEqual(expect.arrayContaining(['r1', 'a6']));
      expect(await publicSearch('graphene')).toEqual(expect.arrayContaining(['r1', 'a6']));
    });

    it('tolerates one typo', async () => {
      expect(await publicSearch('graphne')).toContain('a6');
      expect(await publicSearch('石墨稀')).toContain('r1');
    });

    it('finds a word from its beginning', async () => {
      expect(await publicSearch('smartph')).toContain('a6');
    });
  });

  describe('search — filters', () => {
    const browse = (filters: SearchQuery['filters']) => ids({ filters, limit: 50 });
    const sorted = async (promise: Promise<string[]>) => (await promise).sort();

    it('filters by kind', async () => {
      expect(await sorted(browse({ kinds: ['need', 'researcher'] }))).toEqual(['n1', 'r1']);
    });

    it('excludes or keeps owner organisations', async () => {
      expect(await sorted(browse({ excludeOwnerOrgIds: ['org-uni-a', 'org-uni-c'] }))).toEqual(['a2', 'n1']);
      expect(await sorted(browse({ ownerOrgIds: ['org-uni-b'] }))).toEqual(['a2']);
    });

    it('filters by field, region, maturity, IP type, transfer mode and institution', async () => {
      expect(await sorted(browse({ fieldCodes: ['0814', '0830'] }))).toEqual(['a1', 'a2']);
      expect(await sorted(browse({ regionCodes: ['510000'] }))).toEqual(['a3', 'a6']);
      expect(await sorted(browse({ maturity: ['pilot'] }))).toEqual(['a1', 'a6']);
      expect(await sorted(browse({ ipTypes: ['invention_patent'] }))).toEqual(['a1', 'a3']);
      expect(await sorted(browse({ transferModes: ['equity', 'joint_development'] }))).toEqual(['a3', 'n1']);
      expect(await sorted(browse({ institutions: ['重庆交通大学'] }))).toEqual(['a2']);
    });

    it('keeps documents whose amount range overlaps, leaving out those without one', async () => {
      expect(await sorted(browse({ amount: { min: 400_000, max: 900_000 } }))).toEqual(['a1', 'a2', 'a6']);
      expect(await sorted(browse({ amount: { max: 250_000 } }))).toEqual(['a1', 'n1']);
      expect(await sorted(browse({ amount: { min: 2_000_000 } }))).toEqual(['a6']);
    });

    it('filters by status and visibility', async () => {
      expect(await sorted(browse({ status: ['draft'] }))).toEqual(['a5']);
      expect(await sorted(browse({ visibility: ['private'] }))).toEqual(['a4']);
      expect(await publicSearch('石墨烯导热膜')).not.toContain('a4');
    });

    it('combines text and filters', async () => {
      expect(await publicSearch('石墨烯', { filters: { kinds: ['researcher'] } })).toEqual(['r1']);
    });

    it("leaves out another organisation's documents from a text search", async () => {
      const all = await ids({ text: '石墨烯导热膜', filters: { status: ['published'] } });
      expect(all).toEqual(expect.arrayContaining(['a4', 'r1']));
      const others = await ids({
        text: '石墨烯导热膜',
        filters: { status: ['published'], excludeOwnerOrgIds: ['org-uni-a'] },
      });
      expect(others).toContain('r1');
      expect(others).not.toContain('a4');
    });
  });

  describe('search — facets, pages and highlights', () => {
    it('counts facet values over every match, not only the page', async () => {
      const result = await index.search({
        filters: PUBLISHED_PUBLIC,
        facets: ['kind', 'regionCodes', 'institution', 'transferModes'],
        limit: 1,
      });
      expect(result.total).toBe(6);
      expect(result.facets.kind).toEqual([
        { value: 'achievement', count: 4 },
        { value: 'need', count: 1 },
        { value: 'researcher', count: 1 },
      ]);
      expect(result.facets.regionCodes).toEqual([
        { value: '500000', count: 3 },
        { value: '510000', count: 2 },
      ]);
      expect(result.facets.institution).toEqual([
        { value: '四川大学', count: 3 },
        { value: '重庆交通大学', count: 1 },
        { value: '重庆大学', count: 1 },
      ]);
      expect(result.facets.transferModes).toEqual([
        { value: 'licence', count: 3 },
        { value: 'equity', count: 1 },
        { value: 'joint_development', count: 1 },
        { value: 'transfer', count: 1 },
      ]);
    });

    it('pages through every match with a stable total, newest first without text', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4]) pages.push(await index.search({ filters: PUBLISHED_PUBLIC, page, limit: 2 }));
      expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
      expect(pages.map((p) => p.hits.map((h) => h.id))).toEqual([['a1', 'a2'], ['a3', 'a6'], ['n1', 'r1'], []]);
      expect(pages[1]).toMatchObject({ page: 2, limit: 2 });
    });

    it('ranks and pages text results with the total of all matches', async () => {
      const first = await index.search({ text: '材料', filters: PUBLISHED_PUBLIC, limit: 1 });
      const second = await index.search({ text: '材料', filters: PUBLISHED_PUBLIC, limit: 1, page: 2 });
      expect(first.total).toBe(2);
      expect(second.total).toBe(2);
      expect([first.hits[0].id, second.hits[0].id].sort()).toEqual(['a3', 'r1']);
      expect(first.hits[0].score).toBeGreaterThanOrEqual(second.hits[0].score);
    });

    it('marks the matched words in the title and the summary snippet', async () => {
      const [hit] = (await index.search({ text: '锂离子电池 电动汽车', filters: PUBLISHED_PUBLIC })).hits;
      expect(hit.id).toBe('a3');
      expect(markSnippet(hit.highlights.title)).toBe('高能量密度[锂离子电池]正极材料');
      expect(markSnippet(hit.highlights.summary!)).toContain('[电动汽车]');
      expect(hit.document.title).toBe('高能量密度锂离子电池正极材料');
    });
  });

  describe('searchMany', () => {
    it('answers several queries in order, each as search would', async () => {
      const queries: SearchQuery[] = [
        { text: '材料', filters: PUBLISHED_PUBLIC },
        { text: '简单', filters: PUBLISHED_PUBLIC, limit: 1 },
        { filters: { ...PUBLISHED_PUBLIC, kinds: ['need'] }, facets: ['kind'] },
      ];
      const many = await index.searchMany(queries);
      const one = await Promise.all(queries.map((query) => index.search(query)));
      expect(many.map((r) => r.hits.map((h) => h.id))).toEqual(one.map((r) => r.hits.map((h) => h.id)));
      expect(many.map((r) => [r.total, r.limit, r.facets])).toEqual(one.map((r) => [r.total, r.limit, r.facets]));
      expect(many[0].hits.map((h) => h.id).sort()).toEqual(['a3', 'r1']);
    });

    it('answers no queries with no results', async () => {
      expect(await index.searchMany([])).toEqual([]);
    });
  });

  describe('upsert, remove, count', () => {
    it('counts the documents', async () => {
      expect(await index.count()).toBe(8);
      expect(await index.health()).toMatchObject({ ok: true, documents: 8 });
    });

    it('replaces a document with a newer version and ignores an older one', async () => {
      const a1 = fixtures()[0];
      await index.upsert([
        { ...a1, title: '农田灌溉控制器', summary: '节水灌溉。', updatedAt: '2025-02-01T00:00:00Z' },
      ]);
      expect(await publicSearch('简单')).toEqual([]);
      expect(await publicSearch('灌溉')).toEqual(['a1']);
      await index.upsert([{ ...a1, updatedAt: '2025-01-20T00:00:00Z' }]);
      expect(await publicSearch('灌溉')).toEqual(['a1']);
      expect(await index.count()).toBe(8);
    });

    it('removes documents by id, ignoring unknown ids', async () => {
      await index.remove(['a1', 'no-such-id']);
      expect(await publicSearch('简单')).toEqual([]);
      expect(await index.count()).toBe(7);
    });

    it('lists every document of a kind with its version, for reconciliation', async () => {
      const listed = [];
      for await (const batch of index.versions('achievement')) listed.push(...batch);
      const expected = fixtures()
        .filter((doc) => doc.kind === 'achievement')
        .map((doc) => ({ id: doc.id, updatedAtMs: new Date(doc.updatedAt).getTime() }));
      expect(listed.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        expected.sort((a, b) => a.id.localeCompare(b.id)),
      );
    });

    it('rejects a malformed id without writing anything', async () => {
      const bad: SearchDocument = { ...fixtures()[0], id: 'has space' };
      await expect(index.upsert([{ ...fixtures()[1], id: 'ok-new' }, bad])).rejects.toThrow(/id/);
      expect(await index.count()).toBe(8);
    });
  });

  describe('rebuild', () => {
    const renamed = (doc: SearchDocument): SearchDocument => ({
      ...doc,
      id: `${doc.id}x`,
      updatedAt: '2025-03-01T00:00:00Z',
    });

    it('keeps answering from the old index until the new one is swapped in', async () => {
      const seenDuringBuild: string[][] = [];
      const docs = fixtures().map(renamed);
      async function* source() {
        yield docs.slice(0, 4);
        seenDuringBuild.push(await publicSearch('简单'));
        yield docs.slice(4);
        seenDuringBuild.push(await publicSearch('简单'));
      }
      expect(await index.rebuild(source())).toEqual({ documents: 8 });
      expect(seenDuringBuild).toEqual([['a1'], ['a1']]);
      expect(await publicSearch('简单')).toEqual(['a1x']);
      expect(await index.count()).toBe(8);
    });

    it('leaves the old index in place when the rebuild fails', async () => {
      async function* failing() {
        yield fixtures().map(renamed).slice(0, 2);
        throw new Error('catalogue went away');
      }
      await expect(index.rebuild(failing())).rejects.toThrow('catalogue went away');
      expect(await publicSearch('简单')).toEqual(['a1']);
      expect(await index.count()).toBe(8);
    });

    it('keeps every write made while it runs, before, during and after the swap', async () => {
      // The catalogue the source reads from: fixtures, and each write as soon as it is committed.
      const catalogue = new Map(fixtures().map((doc) => [doc.id, doc]));
      const written: string[] = [];
      let building = true;
      async function* source() {
        const rows = [...catalogue.values()];
        yield rows.slice(0, 4);
        await new Promise((resolve) => setTimeout(resolve, 50));
        // Read later, as a catalogue query for the next page would: it sees the writes made meanwhile.
        yield [...catalogue.values()].filter((doc) => !rows.slice(0, 4).includes(doc));
      }
      const write = async () => {
        const id = `w${written.length}`;
        const doc: SearchDocument = { ...fixtures()[0], id, title: `写入${written.length}`, updatedAt: new Date() };
        catalogue.set(id, doc);
        await index.upsert([doc]);
        written.push(id);
      };
      // A writer that keeps going while the rebuild runs, then writes once more after it returned.
      const writer = (async () => {
        do await write();
        while (building);
        await write();
      })();
      const rebuilt = index.rebuild(source()).finally(() => (building = false));
      await Promise.all([rebuilt, writer]);
      expect(written.length).toBeGreaterThan(1);
      const listed = [];
      for await (const batch of index.versions('achievement')) listed.push(...batch.map((v) => v.id));
      expect(listed).toEqual(expect.arrayContaining(written));
      expect(await index.count()).toBe(catalogue.size);
    });

    it('keeps a change made while it runs', async () => {
      const docs = fixtures();
      async function* source() {
        yield docs.slice(0, 4);
        await index.upsert([{ ...docs[5], title: '李华', updatedAt: '2025-03-01T00:00:00Z' }]);
        yield docs.slice(4);
      }
      await index.rebuild(source());
      expect(await publicSearch('李华')).toEqual(['r1']);
    });
  });
});
