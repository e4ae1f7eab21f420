import type Decimal from 'decimal.js';

export type CooperationMode =
  'transfer' | 'licence' | 'use_first_pay_later' | 'equity' | 'joint_development' | 'commissioned_rd';

/** Maturity as a technology readiness level, 1 (principle) to 9 (in production). */
export type Trl = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface MoneyRange {
  min: Decimal | null;
  max: Decimal | null;
}

/** What the matcher knows of a need: plain data, read by the caller from the catalogue. */
export interface NeedProfile {
  id: string;
  orgId: string;
  keywords: string[];
  /** Technology fields the company chose (fine codes). Empty when it chose none. */
  fieldCodes: string[];
  /** Broad categories the need belongs to (a field's parent, or a coarse category given instead). */
  categoryCodes: string[];
  /** Lowest maturity the company can use. */
  desiredTrl: Trl | null;
  budget: MoneyRange;
  modes: CooperationMode[];
  regionCode: string | null;
}

export interface AchievementProfile {
  id: string;
  orgId: string;
  title: string;
  keywords: string[];
  /** The achievement's text, for keyword containment checks (already normalised to lower case). */
  text: string;
  fieldCodes: string[];
  /** Categories of its fields (parents in the field taxonomy). */
  categoryCodes: string[];
  trl: Trl | null;
  price: MoneyRange;
  modes: CooperationMode[];
  regionCode: string | null;
  publishedAt: Date;
  /** How complete the listing is, in [0,1] (see listingQuality). */
  quality: number;
  /** Earlier answers on this achievement, for the feedback feature. */
  feedback: FeedbackCounts;
}

export interface FeedbackCounts {
  interested: number;
  declined: number;
  /** Matches with it that managers rejected as not relevant. */
  rejected: number;
}

/** One candidate found by the search index, with how well its text answers the need (see text-relevance.ts). */
export interface Candidate {
  achievement: AchievementProfile;
  /** BM25 of the listing for the need's text: orders close candidates, and the best hits vote on the field. */
  textScore: number;
  /** Share of the need's wording (weighed by rarity) the listing holds, in [0,1]: absolute, not relative. */
  coverage: number;
  /** The need's words found in the listing, rarest first (for the explanation). */
  sharedWords: string[];
}

export type FeatureName =
  'text' | 'keywords' | 'field' | 'maturity' | 'price' | 'mode' | 'locality' | 'freshness' | 'quality' | 'feedback';

export const FEATURE_NAMES: readonly FeatureName[] = [
  'text',
  'keywords',
  'field',
  'maturity',
  'price',
  'mode',
  'locality',
  'freshness',
  'quality',
  'feedback',
];

export interface FeatureValue {
  feature: FeatureName;
  /** In [0,1]. */
  value: number;
  /** The reason, for a person, in Chinese and in English. */
  zh: string;
  en: string;
}

export type Weights = Record<FeatureName, number>;

export interface ScoredCandidate {
  achievementId: string;
  score: number;
  /** Where it stands in the need's list (see orderValue): not a score, never shown. */
  order: number;
  features: FeatureValue[];
}
