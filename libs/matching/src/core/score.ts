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

/**
 * The combined score is a probability: how likely a person finds the listing worth a look.
 * It is a logistic model over the feature values,
 *
 *     score = 1 / (1 + e^−z),   z = intercept + Σ weight[f] × (value[f] − 0.5)
 *
 * so a feature at its neutral 0.5 (not stated) moves nothing, and each weight is the change in
 * log-odds from the worst to the best value of its feature. Text and field were fitted by
 * logistic regression (`evaluation/fit-calibration.ts`) on the pairs the matcher ranks for the
 * topical and absent development sets — "worth a look" is grade ≥ 1, a grade-2 pair counting
 * three times as nDCG's gain does. The other features are not in those sets: their weights are
 * set by hand. Most are small; they order close calls and explain, they do not decide. Keywords
 * are the exception: a company's own keywords, all found in a listing, are as strong a sign as
 * the text (and none found a strong sign against), so they weigh 6. The development sets' needs
 * carry no keywords, where the feature sits at its neutral 0.5 and the fit is unchanged.
 */

export const DEFAULT_WEIGHTS: Weights = {
  text: 2.35,
  field: 8.83,
  keywords: 6,
  maturity: 0.5,
  price: 0.5,
  mode: 0.5,
  locality: 0.3,
  freshness: 0.2,
  quality: 0.3,
  feedback: 0.5,
};

/** Log-odds of a pair whose every feature sits at 0.5 (fitted with text and field). */
export const DEFAULT_INTERCEPT = -1.08;

export interface RankOptions {
  weights?: Weights;
  intercept?: number;
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

/**
 * The second way a listing is worth a look: it says most of what the need says. The field model
 * above learns "same discipline" and weighs text little, so on its own a need written in a
 * company's words that a listing covers closely would read low. This is a logistic model of
 * "the very result the need describes" (grade 2 in the title → abstract and problem → solution
 * development sets) on text coverage alone, fitted by `evaluation/fit-calibration.ts --near-copy`:
 * about 3% at 30% coverage, 38% at 50%, 72% at 60%, 94% at 72% and 98% at 80%.
 */
export const NEAR_COPY = { intercept: -7.78, coverage: 14.54 };

/** How likely a listing covering this share of the need's wording is the result the need describes. */
export function nearCopyProbability(coverage: number): number {
  return 1 / (1 + Math.exp(-(NEAR_COPY.intercept + NEAR_COPY.coverage * coverage)));
}

/**
 * The score a person sees: the larger of the two ways a listing is worth a look — by the
 * features (field first), or as a near-copy of the need's text. Each is a probability; the larger
 * is the better-founded reason. `byText` says whether the near-copy model decided it, and did so
 * as a near-copy (at even odds or better), which the text feature's explanation then says.
 */
export function worthALook(
  features: readonly FeatureValue[],
  weights: Weights,
  intercept = DEFAULT_INTERCEPT,
): { score: number; byText: boolean } {
  const byFeatures = combine(features, weights, intercept);
  const text = features.find((f) => f.feature === 'text');
  const nearCopy = text ? nearCopyProbability(text.value) : 0;
  return nearCopy > byFeatures ? { score: nearCopy, byText: nearCopy >= 0.5 } : { score: byFeatures, byText: false };
}

/** The calibrated probability the features give (see Calibration). */
export function combine(features: readonly FeatureValue[], weights: Weights, intercept = DEFAULT_INTERCEPT): number {
  let z = intercept;
  for (const f of features) z += weights[f.feature] * (f.value - 0.5);
  return 1 / (1 + Math.exp(-z));
}

function featuresOf(
  need: NeedProfile,
  achievement: AchievementProfile,
  text: { coverage: number; sharedWords: string[] },
  inferred: FieldDistribution,
  now: Date,
  fieldName: FieldNamer,
): FeatureValue[] {
  return [
    textFeature(text.coverage, text.sharedWords),
    keywordFeature(need, achievement),
    fieldFeature(need, achievement, inferred, fieldName, text.coverage),
    maturityFeature(need, achievement),
    priceFeature(need, achievement),
    modeFeature(need, achievement),
    localityFeature(need, achievement),
    freshnessFeature(achievement, now),
    qualityFeature(achievement),
    feedbackFeature(achievement),
  ];
}

/**
 * How candidates of one need are ordered: the weighted mean of the feature values with text
 * taken as BM25 relative to the best candidate's. Within one need, "the closest text there
 * is" is what orders a list best; across needs it means nothing, so it never enters the score.
 */
export const ORDER_WEIGHTS: Weights = {
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

export function orderValue(features: readonly FeatureValue[], relativeText: number): number {
  let sum = 0;
  let total = 0;
  for (const f of features) {
    sum += ORDER_WEIGHTS[f.feature] * (f.feature === 'text' ? relativeText : f.value);
    total += ORDER_WEIGHTS[f.feature];
  }
  return total > 0 ? sum / total : 0;
}

interface Scored<T> {
  item: T;
  id: string;
  score: number;
  order: number;
  features: FeatureValue[];
  textScore: number;
}

function scoredCandidate<T>(
  item: T,
  id: string,
  features: FeatureValue[],
  textScore: number,
  best: number,
  options: RankOptions,
): Scored<T> {
  const order = orderValue(features, best > 0 ? textScore / best : 0);
  const { score, byText } = worthALook(features, options.weights ?? DEFAULT_WEIGHTS, options.intercept);
  return { item, id, score, order, features: byText ? features.map(asNearCopy) : features, textScore };
}

/** The text feature, saying that it decided the score (the listing covers most of the need's wording). */
function asNearCopy(feature: FeatureValue): FeatureValue {
  if (feature.feature !== 'text') return feature;
  return {
    ...feature,
    zh: `${feature.zh}；几乎覆盖需求全部所述，按文本计分`,
    en: `${feature.en}; it says nearly all the need says, so the text decides the score`,
  };
}

/** The list kept: candidates whose score clears the floor, in the need's order, at most top-k. */
function keepBest<T>(scored: Scored<T>[], options: RankOptions): Scored<T>[] {
  scored.sort((x, y) => y.order - x.order || y.score - x.score || y.textScore - x.textScore || (x.id < y.id ? -1 : 1));
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
  const now = options.now ?? new Date();
  const fieldName = options.fieldName ?? ((code: string): string => code);
  const eligible = candidates.filter((c) => c.achievement.orgId !== need.orgId);
  const best = Math.max(0, ...eligible.map((c) => c.textScore));
  const inferred: FieldDistribution =
    need.fieldCodes.length > 0
      ? new Map<string, number>()
      : inferFieldDistribution(eligible, need.categoryCodes, options.votingHits ?? 20);
  const scored = eligible.map((candidate) => {
    const features = featuresOf(need, candidate.achievement, candidate, inferred, now, fieldName);
    return scoredCandidate(candidate, candidate.achievement.id, features, candidate.textScore, best, options);
  });
  return keepBest(scored, options).map((s) => ({
    achievementId: s.id,
    score: s.score,
    order: s.order,
    features: s.features,
  }));
}

export interface NeedCandidate {
  need: NeedProfile;
  /** BM25 of the need's text in the achievement's terms. */
  textScore: number;
  /** Share of the need's wording the achievement holds (the same measure as for need → achievements). */
  coverage: number;
  sharedWords: string[];
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
  const now = options.now ?? new Date();
  const fieldName = options.fieldName ?? ((code: string): string => code);
  const eligible = candidates.filter((c) => c.need.orgId !== achievement.orgId);
  const best = Math.max(0, ...eligible.map((c) => c.textScore));
  const none = new Map<string, number>();
  const scored = eligible.map((candidate) => {
    const features = featuresOf(candidate.need, achievement, candidate, none, now, fieldName);
    return scoredCandidate(candidate, candidate.need.id, features, candidate.textScore, best, options);
  });
  return keepBest(scored, options).map((s) => ({ needId: s.id, score: s.score, features: s.features }));
}
