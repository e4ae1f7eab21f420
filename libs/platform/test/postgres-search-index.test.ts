import { DataSource } from 'typeorm';
import { dataSourceOptions, PostgresSearchIndex, type SearchDocument } from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { fixtures, PUBLISHED_PUBLIC } from './search-fixtures';

/**
 * What only the PostgreSQL adapter has: corpus statistics kept beside the postings, and
 * generations held in tables of their own. The contract suite covers behaviour common to
 * both adapters.
 */
let env: TestEnvironment;
let dataSource: DataSource;
let index: PostgresSearchIndex;

beforeAll(async () => {
  env = await setUpTestEnvironment();
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-pg-search' }));
  await dataSource.initialize();
  index = new PostgresSearchIndex(dataSource);
});
afterAll(async () => {
  await dataSource.destroy();
  await env.teardown();
});
beforeEach(async () => {
  await index.clear();
});

async function liveGeneration(): Promise<number> {
  const [row]: Array<{ live: number }> = await dataSource.query(`SELECT live_generation AS live FROM search_state`);
  return row.live;
}

/** The kept statistics and the same figures counted afresh from the live generation's rows. */
async function statistics() {
  const g = await liveGeneration();
  const [kept]: Array<{ documents: number; length: number }> = await dataSource.query(
    `SELECT coalesce((SELECT documents FROM search_stats WHERE generation = $1), 0) AS documents,
            round(coalesce((SELECT total_length FROM search_stats WHERE generation = $1), 0)::numeric, 2)::float8 AS length`,
    [g],
  );
  const [counted]: Array<{ documents: number; length: number }> = await dataSource.query(
    `SELECT count(*)::int AS documents, round(coalesce(sum(term_length), 0)::numeric, 2)::float8 AS length
     FROM search_document WHERE generation = $1`,
    [g],
  );
  const keptTerms: Array<{ term: string; df: number }> = await dataSource.query(
    `SELECT term, df FROM search_term WHERE generation = $1 AND df <> 0 ORDER BY term`,
    [g],
  );
  const countedTerms: Array<{ term: string; df: number }> = await dataSource.query(
    `SELECT term, count(*)::int AS df FROM search_posting WHERE generation = $1 GROUP BY term ORDER BY term`,
    [g],
  );
  return { kept: { ...kept, terms: keptTerms }, counted: { ...counted, terms: countedTerms } };
}

const later = (doc: SearchDocument, changes: Partial<SearchDocument>): SearchDocument => ({
  ...doc,
  ...changes,
  updatedAt: '2025-06-01T00:00:00Z',
});

describe('PostgreSQL search index', () => {
  it('keeps document frequencies, document count and total length equal to the postings through writes', async () => {
    const docs = fixtures();
    await index.upsert(docs);
    await index.upsert([later(docs[0], { title: '膜分离污水处理装置', summary: '全新的摘要，不再提到原来的词。' })]);
    await index.upsert([docs[1]]); // the same version again: nothing changes
    await index.remove([docs[2].id, 'no-such-document']);
    const { kept, counted } = await statistics();
    expect(counted.documents).toBe(docs.length - 1);
    expect(counted.terms.length).toBeGreaterThan(50);
    expect(kept).toEqual(counted);
  });

  it('rebuilds into a new generation, drops the old one and keeps writes made meanwhile', async () => {
    const docs = fixtures();
    await index.upsert(docs);
    const before = await liveGeneration();
    async function* source() {
      yield docs.slice(0, 4);
      await index.upsert([later(docs[4], { title: '新型钠离子电池正极材料' })]);
      await index.remove([docs[0].id]);
      yield docs.slice(4);
    }
    await index.rebuild(source());
    const after = await liveGeneration();
    expect(after).toBeGreaterThan(before);

    const tables: Array<{ relname: string }> = await dataSource.query(
      `SELECT relname FROM pg_class WHERE relname ~ '^search_(document|posting)_g[0-9]+$' ORDER BY relname`,
    );
    expect(tables.map((t) => t.relname)).toEqual([`search_document_g${after}`, `search_posting_g${after}`]);
    const [{ pending }]: Array<{ pending: number }> = await dataSource.query(
      `SELECT count(*)::int AS pending FROM search_pending`,
    );
    expect(pending).toBe(0);

    const found = await index.search({ text: '钠离子电池', filters: PUBLISHED_PUBLIC });
    expect(found.hits[0]?.id).toBe(docs[4].id);
    expect(await index.count()).toBe(docs.length - 1);
    const { kept, counted } = await statistics();
    expect(kept).toEqual(counted);
  });

  it('clears a rebuild left behind by a crash when the next one starts', async () => {
    await index.upsert(fixtures());
    await dataSource.query(`UPDATE search_state SET building_generation = 99`);
    await dataSource.query(`CREATE TABLE search_posting_g99 (LIKE search_posting)`);
    await index.rebuild([fixtures()]);
    const [{ stray }]: Array<{ stray: number }> = await dataSource.query(
      `SELECT count(*)::int AS stray FROM pg_class WHERE relname = 'search_posting_g99'`,
    );
    expect(stray).toBe(0);
    expect(await index.count()).toBe(fixtures().length);
  });
});
