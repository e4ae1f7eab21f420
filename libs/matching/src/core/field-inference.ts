import type { Candidate } from './types';

/** Share of the evidence for each field code, summing to 1 (or empty when there is no evidence). */
export type FieldDistribution = Map<string, number>;

function compatible(categories: string[], wanted: string[]): boolean {
  return wanted.length === 0 || categories.some((code) => wanted.includes(code));
}

/**
 * Infers which technology fields a need belongs to from what its text found: the `k`
 * best text hits vote for their fields, each with its BM25 relative to the best hit's (the
 * share is a classifier's confidence in a field, not a text score shown as relevance).
 * Hits outside the need's broad categories do not vote. This is a nearest-neighbour
 * classifier whose training data is the catalogue itself.
 */
export function inferFieldDistribution(
  candidates: readonly Pick<Candidate, 'achievement' | 'textScore'>[],
  categoryCodes: string[],
  k = 20,
): FieldDistribution {
  const ranked = [...candidates].filter((c) => c.textScore > 0).sort((a, b) => b.textScore - a.textScore);
  const best = ranked[0]?.textScore ?? 0;
  const votes = new Map<string, number>();
  if (best <= 0) return votes;
  let total = 0;
  for (const candidate of ranked.slice(0, k)) {
    const { fieldCodes, categoryCodes: categories } = candidate.achievement;
    if (fieldCodes.length === 0 || !compatible(categories, categoryCodes)) continue;
    const weight = candidate.textScore / best / fieldCodes.length;
    for (const field of fieldCodes) {
      votes.set(field, (votes.get(field) ?? 0) + weight);
      total += weight;
    }
  }
  for (const [field, weight] of votes) votes.set(field, weight / total);
  return votes;
}

/** The fields that together hold at least `mass` of the distribution, most likely first. */
export function likelyFields(distribution: FieldDistribution, mass = 0.8, atMost = 3): string[] {
  const sorted = [...distribution.entries()].sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  let sum = 0;
  for (const [field, share] of sorted) {
    if (sum >= mass || out.length >= atMost) break;
    out.push(field);
    sum += share;
  }
  return out;
}
