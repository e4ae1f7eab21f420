import type { FeatureName, FeatureValue } from '../core/types';
import type { Side } from '../domain/recommendation-status';

/** A need as the queries read it (see NEED_JSON): its public fields, its details and its owner. */
export interface NeedFacts {
  id: string;
  orgId: string;
  orgName: string;
  status: string;
  title: string;
  summary: string;
  keywords: string[];
  fieldCodes: string[];
  desiredStage: string | null;
  minTrl: number | null;
  cooperationModes: string[];
  regionCode: string | null;
  deadline: string | null;
  confidentiality: 'public' | 'summary_only';
  description: string;
  problem: string;
  indicators: string;
  existingConditions: string;
  budgetMin: string | null;
  budgetMax: string | null;
}

/** An achievement's public fields and its owner (see ACHIEVEMENT_JSON). */
export interface AchievementFacts {
  id: string;
  orgId: string;
  orgName: string;
  status: string;
  title: string;
  summary: string;
  applicationScenarios: string;
  advantages: string;
  keywords: string[];
  fieldCodes: string[];
  ipType: string | null;
  patentNumbers: string[];
  legalStatus: string;
  trl: number | null;
  maturityStage: string | null;
  transferModes: string[];
  priceMin: string | null;
  priceMax: string | null;
  institutionName: string;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

/** A need's public fields, as anyone signed in may read a published need. */
export interface NeedView {
  id: string;
  status: string;
  title: string;
  summary: string;
  keywords: string[];
  fieldCodes: string[];
  desiredStage: string | null;
  minTrl: number | null;
  cooperationModes: string[];
  regionCode: string | null;
  deadline: string | null;
  confidentiality: 'public' | 'summary_only';
  organisation: OrganisationRef;
  /** Present when the need is public, or once the two sides are connected. */
  details?: NeedDetailsView;
}

export interface NeedDetailsView {
  description: string;
  problem: string;
  indicators: string;
  existingConditions: string;
  budgetMin: string | null;
  budgetMax: string | null;
}

/** What a TTO sees of a `summary_only` need before a connection: no owner, no details. */
export interface ConfidentialNeedView {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  confidentiality: 'summary_only';
}

export type AchievementView = Omit<AchievementFacts, 'orgId' | 'orgName'> & { organisation: OrganisationRef };

/** A feature as a side is shown it; `value` is null when it would give away what the other side keeps private. */
export interface ShownFeature {
  feature: FeatureName;
  value: number | null;
  zh: string;
  en: string;
}

/** A researcher behind an achievement, before a connection: who, not how to reach them. */
export interface ResearcherView {
  id: string;
  name: string;
  title: string;
  institutionName: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
}

export interface ResearcherContact extends ResearcherView {
  email: string | null;
  phone: string | null;
}

function needDetails(need: NeedFacts): NeedDetailsView {
  return {
    description: need.description,
    problem: need.problem,
    indicators: need.indicators,
    existingConditions: need.existingConditions,
    budgetMin: need.budgetMin,
    budgetMax: need.budgetMax,
  };
}

/** A need's public fields and owner (the review queue shows these). */
export function needView(need: NeedFacts): NeedView {
  return {
    id: need.id,
    status: need.status,
    title: need.title,
    summary: need.summary,
    keywords: need.keywords,
    fieldCodes: need.fieldCodes,
    desiredStage: need.desiredStage,
    minTrl: need.minTrl,
    cooperationModes: need.cooperationModes,
    regionCode: need.regionCode,
    deadline: need.deadline,
    confidentiality: need.confidentiality,
    organisation: { id: need.orgId, name: need.orgName },
  };
}

/** The whole need: for the two connected organisations. */
export function wholeNeed(need: NeedFacts): NeedView {
  return { ...needView(need), details: needDetails(need) };
}

/**
 * A need as the TTO of a recommended achievement sees it: a `summary_only` need by its title,
 * summary and keywords only (not even the company's name); a public one whole.
 */
export function needForInstitution(need: NeedFacts): NeedView | ConfidentialNeedView {
  if (need.confidentiality === 'summary_only') {
    return {
      id: need.id,
      title: need.title,
      summary: need.summary,
      keywords: need.keywords,
      confidentiality: 'summary_only',
    };
  }
  return wholeNeed(need);
}

export function achievementView(achievement: AchievementFacts): AchievementView {
  const { orgId, orgName, ...fields } = achievement;
  return { ...fields, organisation: { id: orgId, name: orgName } };
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
  if (side === 'company' || confidentiality === 'public') return features.map((f) => ({ ...f }));
  return features.map((f) =>
    BUDGET_FEATURES.includes(f.feature)
      ? { feature: f.feature, value: null, zh: '需求方未公开预算', en: 'The company keeps its budget private' }
      : { ...f },
  );
}
