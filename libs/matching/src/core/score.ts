import {
  feedbackFeature,
  fieldFeature,
  freshnessFeature,
  keywordFeature,
  localityFeature,
  maturityFeature,
  modeFeature,
  priceFeature,
  qualityFeature,
  textFeature,
} from './features';
import { inferFieldDistribution, type FieldDistribution } from './field-inference';
import {
  FEATURE_NAMES,
  type Candidate,
  type FeatureValue,
  type NeedProfile,
  type ScoredCandidate,
  type Weights,
} from './types';

/** Default weights: text and field carry the ranking; the rest order close calls and explain. */
export const DEFAULT_WEIGHTS: Weights = {
  text: 0.4,
  field: 0.4,
  keywords: 0.05,
  maturity: 0.03,
  price: 0.03,
  mode: 0.03,
  locality: 0.02,
  freshness: 0.01,
  quality: 0.02,
  feedback: 0.01,
};

export interface RankOptions {
  weights?: Weights;
  now?: Date;
  /** How many results to keep. */
  topK?: number;
  /** Results scoring below this are dropped. */
  floor?: number;
  /** How many text hits vote when the field is inferred. */
  votingHits?: number;
  fieldName?: (code: string) => string;
}

export function validateWeights(weights: Weights): void {
  for (const name of FEATURE_NAMES) {
    const w = weights[name];
    if (!Number.isFinite(w) || w < 0) throw new Error(`Matcher weight ${name} must be a number ≥ 0 (got ${w})`);
  }
  if (FEATURE_NAMES.every((name) => weights[name] === 0))
    throw new Error('At least one matcher weight must be positive');
}

/** The weighted mean of the feature values. */
export function combine(features: FeatureValue[], weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (const f of features) {
    sum += weights[f.feature] * f.value;
    total += weights[f.feature];
  }
  return total > 0 ? sum / total : 0;
}

/**
 * Scores every candidate for a need and returns the best first, each with the
 * features that produced its score. Pure: no I/O, same input → same output.
 */
export function rankForNeed(need: NeedProfile, candidates: Candidate[], options: RankOptions = {}): ScoredCandidate[] {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const now = options.now ?? new Date();
  const fieldName = options.fieldName ?? ((code: string) => code);
  const eligible = candidates.filter((c) => c.achievement.orgId !== need.orgId);
  const best = Math.max(0, ...eligible.map((c) => c.textScore));
  const inferred: FieldDistribution =
    need.fieldCodes.length > 0
      ? new Map<string, number>()
      : inferFieldDistribution(eligible, need.categoryCodes, options.votingHits ?? 20);

  const scored = eligible.map((candidate) => {
    const a = candidate.achievement;
    const features = [
      textFeature(candidate.textScore, best),
      keywordFeature(need, a),
      fieldFeature(need, a, inferred, fieldName),
      maturityFeature(need, a),
      priceFeature(need, a),
      modeFeature(need, a),
      localityFeature(need, a),
      freshnessFeature(a, now),
      qualityFeature(a),
      feedbackFeature(a),
    ];
    return { achievementId: a.id, score: combine(features, weights), features, textScore: candidate.textScore };
  });

  scored.sort((x, y) => y.score - x.score || y.textScore - x.textScore || (x.achievementId < y.achievementId ? -1 : 1));
  const floor = options.floor ?? 0;
  return scored
    .filter((s) => s.score >= floor)
    .slice(0, options.topK ?? 10)
    .map(({ achievementId, score, features }) => ({ achievementId, score: Math.round(score * 1e6) / 1e6, features }));
}
