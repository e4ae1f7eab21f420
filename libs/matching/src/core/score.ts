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
  type FieldNamer,
} from './features';
import { inferFieldDistribution, type FieldDistribution } from './field-inference';
import {
  FEATURE_NAMES,
  type AchievementProfile,
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
  fieldName?: FieldNamer;
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

function featuresOf(
  need: NeedProfile,
  achievement: AchievementProfile,
  textScore: number,
  bestTextScore: number,
  inferred: FieldDistribution,
  now: Date,
  fieldName: FieldNamer,
): FeatureValue[] {
  return [
    textFeature(textScore, bestTextScore),
    keywordFeature(need, achievement),
    fieldFeature(need, achievement, inferred, fieldName),
    maturityFeature(need, achievement),
    priceFeature(need, achievement),
    modeFeature(need, achievement),
    localityFeature(need, achievement),
    freshnessFeature(achievement, now),
    qualityFeature(achievement),
    feedbackFeature(achievement),
  ];
}

interface Scored<T> {
  item: T;
  id: string;
  score: number;
  features: FeatureValue[];
  textScore: number;
}

function keepBest<T>(scored: Scored<T>[], options: RankOptions): Scored<T>[] {
  scored.sort((x, y) => y.score - x.score || y.textScore - x.textScore || (x.id < y.id ? -1 : 1));
  const floor = options.floor ?? 0;
  return scored
    .filter((s) => s.score >= floor)
    .slice(0, options.topK ?? 10)
    .map((s) => ({ ...s, score: Math.round(s.score * 1e6) / 1e6 }));
}

/**
 * Scores every candidate for a need and returns the best first, each with the
 * features that produced its score. Pure: no I/O, same input → same output.
 */
export function rankForNeed(need: NeedProfile, candidates: Candidate[], options: RankOptions = {}): ScoredCandidate[] {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const now = options.now ?? new Date();
  const fieldName = options.fieldName ?? ((code: string): string => code);
  const eligible = candidates.filter((c) => c.achievement.orgId !== need.orgId);
  const best = Math.max(0, ...eligible.map((c) => c.textScore));
  const inferred: FieldDistribution =
    need.fieldCodes.length > 0
      ? new Map<string, number>()
      : inferFieldDistribution(eligible, need.categoryCodes, options.votingHits ?? 20);
  const scored = eligible.map((candidate): Scored<Candidate> => {
    const features = featuresOf(need, candidate.achievement, candidate.textScore, best, inferred, now, fieldName);
    return {
      item: candidate,
      id: candidate.achievement.id,
      score: combine(features, weights),
      features,
      textScore: candidate.textScore,
    };
  });
  return keepBest(scored, options).map((s) => ({ achievementId: s.id, score: s.score, features: s.features }));
}

export interface NeedCandidate {
  need: NeedProfile;
  textScore: number;
}

export interface ScoredNeed {
  needId: string;
  score: number;
  features: FeatureValue[];
}

/**
 * The reverse direction: the open needs a newly published achievement fits, best first.
 * Each need is scored with the same features as in rankForNeed; a need without a fine
 * field is judged by its category only (there is no pool of hits to infer from).
 */
export function rankForAchievement(
  achievement: AchievementProfile,
  candidates: NeedCandidate[],
  options: RankOptions = {},
): ScoredNeed[] {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const now = options.now ?? new Date();
  const fieldName = options.fieldName ?? ((code: string): string => code);
  const eligible = candidates.filter((c) => c.need.orgId !== achievement.orgId);
  const best = Math.max(0, ...eligible.map((c) => c.textScore));
  const none = new Map<string, number>();
  const scored = eligible.map((candidate): Scored<NeedCandidate> => {
    const features = featuresOf(candidate.need, achievement, candidate.textScore, best, none, now, fieldName);
    return {
      item: candidate,
      id: candidate.need.id,
      score: combine(features, weights),
      features,
      textScore: candidate.textScore,
    };
  });
  return keepBest(scored, options).map((s) => ({ needId: s.id, score: s.score, features: s.features }));
}
