/**
 * Ranking metrics over the top 10, as the evaluation sets define them: nDCG with gain
 * 2^grade − 1, reciprocal rank and recall of the first grade-2 result.
 */
export type Grades = Map<string, number>;

export interface NeedScores {
  ndcg: number;
  reciprocalRank: number;
  found: boolean;
}

const CUTOFF = 10;

function dcg(grades: number[]): number {
  return grades.slice(0, CUTOFF).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

export function scoreRanking(ranked: readonly string[], grades: Grades): NeedScores {
  const top = ranked.slice(0, CUTOFF);
  const ideal = dcg([...grades.values()].sort((a, b) => b - a));
  const ndcg = ideal > 0 ? dcg(top.map((id) => grades.get(id) ?? 0)) / ideal : 0;
  const first = top.findIndex((id) => grades.get(id) === 2);
  return { ndcg, reciprocalRank: first >= 0 ? 1 / (first + 1) : 0, found: first >= 0 };
}

export interface Summary {
  'ndcg@10': number;
  'mrr@10': number;
  'recall@10': number;
}

export function summarise(scores: readonly NeedScores[]): Summary {
  const n = scores.length || 1;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    'ndcg@10': round(scores.reduce((s, x) => s + x.ndcg, 0) / n),
    'mrr@10': round(scores.reduce((s, x) => s + x.reciprocalRank, 0) / n),
    'recall@10': round(scores.filter((x) => x.found).length / n),
  };
}
