import { scoreRanking, summarise } from './metrics';

describe('scoreRanking', () => {
  it('gives 1 to the ideal ordering', () => {
    const grades = new Map([
      ['a', 2],
      ['b', 1],
    ]);
    expect(scoreRanking(['a', 'b', 'x'], grades)).toEqual({ ndcg: 1, reciprocalRank: 1, found: true });
  });

  it('discounts by log2(rank + 1) and finds the first grade-2 result', () => {
    const grades = new Map([['a', 2]]);
    const scores = scoreRanking(['x', 'a'], grades);
    expect(scores.ndcg).toBeCloseTo(1 / Math.log2(3));
    expect(scores.reciprocalRank).toBe(0.5);
  });

  it('scores 0 for a need without relevant results, and ignores ranks past 10', () => {
    expect(scoreRanking(['a'], new Map()).ndcg).toBe(0);
    const late = scoreRanking([...'abcdefghij'].concat('z'), new Map([['z', 2]]));
    expect(late).toEqual({ ndcg: 0, reciprocalRank: 0, found: false });
  });
});

describe('summarise', () => {
  it('averages over needs', () => {
    expect(
      summarise([
        { ndcg: 1, reciprocalRank: 1, found: true },
        { ndcg: 0, reciprocalRank: 0, found: false },
      ]),
    ).toEqual({ 'ndcg@10': 0.5, 'mrr@10': 0.5, 'recall@10': 0.5 });
  });
});
