import type { Confidentiality } from '../domain/vocabulary';

/**
 * The one projection of a listing that decides what is public. A need's summary (title, summary,
 * keywords, fields, stage, modes, region, deadline) is what anyone signed in may read of a
 * published need; its details (description, problem, indicators, conditions, budget) and its
 * company are shown only when the need is `public` — or to its owner, moderators and, once
 * connected, the achievement's institution. A `summary_only` need shows an institution that is
 * not connected to it only a teaser: title, summary and keywords, not even the company's name.
 *
 * Catalog's own views (need-views.ts) and every other lib's (matching's recommendations, review
 * queue and connections) are built from these functions.
 */

/** A need as other libs read it through `needFacts`: its summary, its details and its owner. */
export interface NeedFacts extends NeedSummary, NeedDetails {
  orgId: string;
  orgName: string;
}

/** An achievement's public fields and its owner, as other libs read it through `achievementFacts`. */
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

/** What a need keeps to its owner unless it is public: the details and the budget. */
export interface NeedDetails {
  description: string;
  problem: string;
  indicators: string;
  existingConditions: string;
  budgetMin: string | null;
  budgetMax: string | null;
}

/** The fields of a need anyone signed in may read once it is published. */
export interface NeedSummary {
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
  confidentiality: Confidentiality;
}

/** A need's summary and owner; the details only when the reader may see them. */
export interface NeedView extends NeedSummary {
  organisation: OrganisationRef;
  /** Present when the need is public, or once the two sides are connected. */
  details?: NeedDetails;
}

/** What an institution sees of a `summary_only` need before a connection: no owner, no details. */
export interface ConfidentialNeedView {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  confidentiality: 'summary_only';
}

export type AchievementView = Omit<AchievementFacts, 'orgId' | 'orgName'> & { organisation: OrganisationRef };

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

/** The same researcher with how to reach them: only for an organisation connected to the achievement. */
export interface ResearcherContact extends ResearcherView {
  email: string | null;
  phone: string | null;
}

/** Whether everyone who may read the need's summary may also read its details and its company. */
export function isOpenNeed(need: { confidentiality: Confidentiality }): boolean {
  return need.confidentiality === 'public';
}

export function needSummary<T extends NeedSummary>(need: T): NeedSummary {
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
  };
}

export function needDetails(need: NeedDetails): NeedDetails {
  return {
    description: need.description,
    problem: need.problem,
    indicators: need.indicators,
    existingConditions: need.existingConditions,
    budgetMin: need.budgetMin,
    budgetMax: need.budgetMax,
  };
}

/** A need's summary and owner, without the details (the review queue shows these). */
export function needView(need: NeedFacts): NeedView {
  return { ...needSummary(need), organisation: { id: need.orgId, name: need.orgName } };
}

/** The whole need: for the two connected organisations. */
export function wholeNeed(need: NeedFacts): NeedView {
  return { ...needView(need), details: needDetails(need) };
}

/**
 * A need as the institution of a recommended achievement sees it before a connection: an open
 * need whole, a `summary_only` one by its title, summary and keywords only.
 */
export function needForInstitution(need: NeedFacts): NeedView | ConfidentialNeedView {
  if (isOpenNeed(need)) return wholeNeed(need);
  return {
    id: need.id,
    title: need.title,
    summary: need.summary,
    keywords: need.keywords,
    confidentiality: 'summary_only',
  };
}

export function achievementView(achievement: AchievementFacts): AchievementView {
  const { orgId, orgName, ...fields } = achievement;
  return { ...fields, organisation: { id: orgId, name: orgName } };
}
