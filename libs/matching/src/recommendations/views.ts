import { isOpenNeed, type NeedFacts } from '@kuaizhuan/catalog';
import type { FeatureName, FeatureValue } from '../core/types';
import type { Side } from '../domain/recommendation-status';

// What a side may see of the listings themselves is catalog's one projection (listing-projection.ts,
// through @kuaizhuan/catalog); what it may see of a match's reasons is decided here.

/** A feature as a side is shown it; `value` is null when it would give away what the other side keeps private. */
export interface ShownFeature {
  feature: FeatureName;
  value: number | null;
  zh: string;
  en: string;
}

/** Features whose explanation is built from the need's budget, which a `summary_only` need keeps private. */
const BUDGET_FEATURES: readonly FeatureName[] = ['price'];

/**
 * The features as `side` may see them. The company sees every reason (they are about its own
 * need). The TTO of a `summary_only` need does not see the price feature: its reason names the
 * budget and its value is budget ÷ asking price, from which the budget follows.
 */
export function featuresFor(
  side: Side,
  features: readonly FeatureValue[],
  confidentiality: NeedFacts['confidentiality'],
): ShownFeature[] {
  if (side === 'company' || isOpenNeed({ confidentiality })) return features.map((f) => ({ ...f }));
  return features.map((f) =>
    BUDGET_FEATURES.includes(f.feature)
      ? { feature: f.feature, value: null, zh: '需求方未公开预算', en: 'The company keeps its budget private' }
      : { ...f },
  );
}
