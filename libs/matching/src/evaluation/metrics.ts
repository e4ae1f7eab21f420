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

/** One need's kept recommendations (score and grade of each), and whether anything relevant exists for it. */
export interface KeptForNeed {
  kept: { score: number; grade: number }[];
  hasRelevant: boolean;
}

export interface ScoreBand {
  band: string;
  pairs: number;
  /** Share of the band's pairs with grade ≥ 1 (null when the band is empty). */
  relevant: number | null;
}

export interface PushSummary {
  keptPerNeed: number;
  /** Share of kept pairs with grade ≥ 1 (null when nothing is kept). */
  precisionKept: number | null;
  /** Among needs with something relevant: share keeping at least one relevant pair (null: no such need). */
  presentHit: number | null;
  /** Among needs with nothing relevant: share keeping nothing (null: no such need). */
  emptyAbsent: number | null;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const share = (part: number, whole: number) => (whole > 0 ? round3(part / whole) : null);

/** What the platform would push: the metrics of the shared data README, over kept pairs only. */
export function summarisePush(needs: readonly KeptForNeed[]): PushSummary {
  const kept = needs.flatMap((n) => n.kept);
  const present = needs.filter((n) => n.hasRelevant);
  const absent = needs.filter((n) => !n.hasRelevant);
  return {
    keptPerNeed: round3(kept.length / (needs.length || 1)),
    precisionKept: share(kept.filter((k) => k.grade >= 1).length, kept.length),
    presentHit: share(present.filter((n) => n.kept.some((k) => k.grade >= 1)).length, present.length),
    emptyAbsent: share(absent.filter((n) => n.kept.length === 0).length, absent.length),
  };
}

/** Kept pairs in five score bands (0–20%, …, 80–100%), with the share of each that is relevant. */
export function scoreBands(needs: readonly KeptForNeed[]): ScoreBand[] {
  const kept = needs.flatMap((n) => n.kept);
  return [0, 1, 2, 3, 4].map((i) => {
    const inBand = kept.filter((k) => Math.min(4, Math.floor(k.score * 5)) === i);
    return {
      band: `${i * 20}-${(i + 1) * 20}%`,
      pairs: inBand.length,
      relevant: share(inBand.filter((k) => k.grade >= 1).length, inBand.length),
    };
  });
}

/** Keeps, for each need, the pairs at or above `floor`, at most `topK` (the lists are best first). */
export function atFloor(needs: readonly KeptForNeed[], floor: number, topK: number): KeptForNeed[] {
  return needs.map((n) => ({ ...n, kept: n.kept.filter((k) => k.score >= floor).slice(0, topK) }));
}
