import { DEFAULT_PLAN_OPTIONS, idf, planText, type PlanOptions } from './query-plan';

const options: PlanOptions = { ...DEFAULT_PLAN_OPTIONS, scanShare: 0.05, scanFloor: 10, postingBudget: 300 };
const stats = { documents: 1_000, totalLength: 50_000 };
const word = (term: string) => ({ term, selects: true });
const character = (term: string) => ({ term, selects: false });

describe('planText', () => {
  it('scans rare selecting terms and looks up common ones for the best matches only', () => {
    const plan = planText(
      [word('石墨烯'), word('研究'), character('墨')],
      new Map([
        ['石墨烯', 12],
        ['研究', 250],
        ['墨', 40],
      ]),
      stats,
      options,
    );
    expect(plan.scan.map((t) => t.term)).toEqual(['石墨烯']);
    expect(plan.rescore.map((t) => t.term)).toEqual(['墨', '研究']);
    expect(plan.averageLength).toBe(50);
  });

  it('scans the rarest selecting term even when every one is common, and looks up none held by most documents', () => {
    const plan = planText(
      [word('方法'), word('研究'), word('技术')],
      new Map([
        ['方法', 400],
        ['研究', 600],
        ['技术', 280],
      ]),
      stats,
      options,
    );
    expect(plan.scan.map((t) => t.term)).toEqual(['技术']);
    expect(plan.rescore.map((t) => t.term)).toEqual([]);
  });

  it('stops scanning when the posting budget is spent, rarest first', () => {
    const frequencies = new Map([
      ['a', 40],
      ['b', 50],
      ['c', 45],
      ['d', 200],
    ]);
    const plan = planText(['d', 'a', 'b', 'c'].map(word), frequencies, stats, { ...options, scanFloor: 50 });
    expect(plan.scan.map((t) => t.term)).toEqual(['a', 'c', 'b']);
    expect(plan.rescore.map((t) => t.term)).toEqual(['d']);
  });

  it('scans every selecting term of a small index', () => {
    const small = { documents: 100, totalLength: 5_000 };
    const plan = planText(
      ['a', 'b'].map(word),
      new Map([
        ['a', 90],
        ['b', 5],
      ]),
      small,
      { ...options, scanFloor: 100, postingBudget: 1_000 },
    );
    expect(plan.scan.map((t) => t.term).sort()).toEqual(['a', 'b']);
  });

  it('drops terms no document holds, and very common ones from long queries', () => {
    const terms = Array.from({ length: 40 }, (_, i) => word(`t${i}`));
    const frequencies = new Map(terms.map((t, i) => [t.term, i === 0 ? 900 : 3]));
    frequencies.delete('t39');
    const plan = planText(terms, frequencies, stats, { ...options, postingBudget: 10_000 });
    const planned = [...plan.scan, ...plan.rescore].map((t) => t.term);
    expect(planned).not.toContain('t0');
    expect(planned).not.toContain('t39');
    expect(planned).toHaveLength(38);
  });

  it('keeps the rescore terms with the highest IDF when there are too many', () => {
    const chars = Array.from({ length: 10 }, (_, i) => character(`c${i}`));
    const frequencies = new Map(chars.map((c, i) => [c.term, 10 + i * 10]));
    const plan = planText([word('x'), ...chars], new Map([...frequencies, ['x', 1]]), stats, {
      ...options,
      rescoreTerms: 3,
    });
    expect(plan.rescore.map((t) => t.term)).toEqual(['c0', 'c1', 'c2']);
  });

  it('weights terms by BM25 IDF, rarer higher and never negative', () => {
    expect(idf(1, 1_000)).toBeGreaterThan(idf(10, 1_000));
    expect(idf(1_000, 1_000)).toBeGreaterThan(0);
    const plan = planText([word('a')], new Map([['a', 10]]), stats, options);
    expect(plan.scan[0].idf).toBeCloseTo(Math.log(1 + 990.5 / 10.5), 10);
  });
});
