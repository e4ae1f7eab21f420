import { DataSource } from 'typeorm';
import { dataSourceOptions, TermStatistics, type SearchDocument } from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

/**
 * The platform's own term statistics (what the matcher weighs words by, on any engine): kept
 * per kind, following every recorded and forgotten document, never counting one twice.
 */
let env: TestEnvironment;
let dataSource: DataSource;
let statistics: TermStatistics;

beforeAll(async () => {
  env = await setUpTestEnvironment();
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-term-stats' }));
  await dataSource.initialize();
  statistics = new TermStatistics(dataSource);
});
afterAll(async () => {
  await dataSource.destroy();
  await env.teardown();
});
beforeEach(async () => {
  await dataSource.query(`TRUNCATE term_stat_document, term_stat_term, term_stat_corpus`);
});

function doc(
  id: string,
  title: string,
  kind: SearchDocument['kind'] = 'achievement',
  updatedAt = '2026-01-01',
): SearchDocument {
  return { id, kind, ownerOrgId: 'o', title, status: 'published', visibility: 'public', updatedAt };
}

describe(TermStatistics.name, () => {
  describe('record', () => {
    it('counts the documents of each kind holding a term, and the corpus size', async () => {
      await statistics.record([doc('a1', '锂电池 正极'), doc('a2', '锂电池 回收'), doc('n1', '锂电池', 'need')]);
      const achievements = await statistics.lookup('achievement', ['锂电池', '回收', '石墨烯']);
      expect(achievements.documents).toBe(2);
      expect(Object.fromEntries(achievements.df)).toEqual({ 锂电池: 2, 回收: 1 });
      expect(achievements.averageLength).toBeGreaterThan(0);
      expect((await statistics.lookup('need', ['锂电池'])).df.get('锂电池')).toBe(1);
    });

    it('replaces what a newer version held, ignores an older one, and never counts a document twice', async () => {
      await statistics.record([doc('a1', '锂电池 正极', 'achievement', '2026-01-02')]);
      await statistics.record([doc('a1', '石墨烯', 'achievement', '2026-01-01')]);
      expect(Object.fromEntries((await statistics.lookup('achievement', ['锂电池', '石墨烯'])).df)).toEqual({
        锂电池: 1,
      });
      await statistics.record([doc('a1', '石墨烯', 'achievement', '2026-01-03')]);
      const after = await statistics.lookup('achievement', ['锂电池', '石墨烯']);
      expect(Object.fromEntries(after.df)).toEqual({ 石墨烯: 1 });
      expect(after.documents).toBe(1);
    });

    it('counts a new document once when two writers record it at the same time', async () => {
      await Promise.all([statistics.record([doc('a1', '锂电池')]), statistics.record([doc('a1', '锂电池')])]);
      const stats = await statistics.lookup('achievement', ['锂电池']);
      expect([stats.documents, stats.df.get('锂电池')]).toEqual([1, 1]);
    });
  });

  describe('forget', () => {
    it('takes documents out of the counts, ignoring unknown ids', async () => {
      await statistics.record([doc('a1', '锂电池'), doc('a2', '锂电池 回收')]);
      await statistics.forget(['a2', 'nope']);
      const stats = await statistics.lookup('achievement', ['锂电池', '回收']);
      expect([stats.documents, Object.fromEntries(stats.df)]).toEqual([1, { 锂电池: 1 }]);
      expect([...(await statistics.versions('achievement')).keys()]).toEqual(['a1']);
    });
  });
});
