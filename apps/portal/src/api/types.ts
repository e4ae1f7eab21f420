/**
 * Shapes of the public REST API as the portal reads them (see /api/docs). Dates arrive as
 * ISO strings; money as decimal strings in yuan.
 */

import type { MaturityGap } from './services';

export type Role = 'enterprise' | 'tto' | 'manager' | 'admin';
export type OrganisationKind = 'enterprise' | 'university' | 'research_institute' | 'service_agency' | 'government';
export type VerificationStatus = 'pending' | 'verified' | 'rejected';

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  creditCode: string | null;
  region: string | null;
  verificationStatus: VerificationStatus;
  verificationReason: string | null;
  verifiedAt: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  phone: string | null;
  role: Role;
  status: 'active' | 'disabled';
  lastLoginAt: string | null;
  createdAt: string;
}

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface AuthResult {
  user: User;
  organisation: Organisation;
  tokens: TokenPair;
}

export interface Me {
  user: User;
  organisation: Organisation;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: 'pending' | 'sent' | 'accepted' | 'revoked' | 'expired';
  expiresAt: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type ListingStatus = 'draft' | 'submitted' | 'published' | 'matched' | 'closed' | 'expired';
export const COOPERATION_MODES = [
  'transfer',
  'licence',
  'use_first_pay_later',
  'equity',
  'joint_development',
  'commissioned_rd',
] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];
export type Confidentiality = 'public' | 'summary_only';
export const LEGAL_STATUSES = ['filed', 'granted', 'lapsed', 'not_applicable'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export interface NeedDetails {
  description: string;
  problem: string;
  indicators: string;
  existingConditions: string;
  budgetMin: string | null;
  budgetMax: string | null;
}

export interface Need {
  id: string;
  orgId: string;
  status: ListingStatus;
  title: string;
  summary: string;
  keywords: string[];
  fieldCodes: string[];
  desiredStage: string | null;
  minTrl: number | null;
  cooperationModes: CooperationMode[];
  regionCode: string | null;
  deadline: string | null;
  confidentiality: Confidentiality;
  publishedAt: string | null;
  updatedAt: string;
  details?: NeedDetails;
  /** Named when the need is public, or for its owner and moderators. */
  organisation?: OrganisationRef;
  /** The moderator who last published or sent it back (owner and moderators only). */
  reviewer?: OrganisationRef | null;
  moderationNote?: string | null;
  reviewedAt?: string | null;
  submittedAt?: string | null;
  createdAt?: string;
  /** Drafted by a technology commissioner and confirmed by the company (owner and moderators only). */
  minedByCommissioner?: boolean;
}

/** The body of POST /api/needs (and PATCH, partially). */
export interface NeedInput {
  title: string;
  summary?: string;
  description?: string;
  problem?: string;
  indicators?: string;
  existingConditions?: string;
  keywords?: string[];
  fieldCodes?: string[];
  desiredStage?: string;
  minTrl?: number;
  budgetMin?: string;
  budgetMax?: string;
  cooperationModes?: CooperationMode[];
  regionCode?: string;
  deadline?: string;
  confidentiality?: Confidentiality;
}

export interface NamedResearcher {
  id: string;
  name: string;
  title: string;
}

export interface Achievement {
  id: string;
  orgId: string;
  status: ListingStatus;
  externalRef: string | null;
  title: string;
  summary: string;
  applicationScenarios: string;
  advantages: string;
  keywords: string[];
  fieldCodes: string[];
  ipType: string | null;
  patentNumbers: string[];
  legalStatus: LegalStatus;
  trl: number | null;
  maturityStage: string | null;
  transferModes: CooperationMode[];
  priceMin: string | null;
  priceMax: string | null;
  institutionName: string;
  separateLedger: boolean;
  researchers: NamedResearcher[];
  organisation: OrganisationRef;
  publishedAt: string | null;
  updatedAt: string;
  internalNotes?: string;
  reviewer?: OrganisationRef | null;
  moderationNote?: string | null;
  reviewedAt?: string | null;
  submittedAt?: string | null;
}

export interface AchievementInput {
  externalRef?: string;
  title: string;
  summary?: string;
  applicationScenarios?: string;
  advantages?: string;
  keywords?: string[];
  fieldCodes?: string[];
  ipType?: string;
  patentNumbers?: string[];
  legalStatus?: LegalStatus;
  trl?: number;
  maturityStage?: string;
  transferModes?: CooperationMode[];
  priceMin?: string;
  priceMax?: string;
  institutionName?: string;
  separateLedger?: boolean;
  researcherIds?: string[];
}

export interface Researcher {
  id: string;
  externalRef: string | null;
  name: string;
  title: string;
  institutionName: string;
  profile: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  orgId?: string;
  commissionerNote?: string;
  /** Published achievements naming the researcher (all of them for the own institution). */
  achievements?: { id: string; title: string }[];
}

/** Where the caller's own listings stand with a need or achievement found elsewhere (GET …/:id/interest). */
export interface InterestState {
  recommendationId: string;
  needId: string;
  needTitle: string;
  achievementId: string;
  achievementTitle: string;
  status: RecommendationStatus;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  connectionId: string | null;
}

export interface ResearcherInput {
  name: string;
  title?: string;
  institutionName?: string;
  profile?: string;
  researchAreas?: string[];
  fieldCodes?: string[];
  commissionerAvailable?: boolean;
  email?: string;
  phone?: string;
}

export type TaxonomyKind = 'field' | 'region' | 'ip_type' | 'maturity_stage';
export interface TaxonomyTerm {
  kind: TaxonomyKind;
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
}

export interface RowProblem {
  row: number;
  column: string | null;
  /** The problem in English; `code` and `params` let the portal word it. */
  reason: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface CatalogImport {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  fileSize: number;
  mode: 'all_or_nothing' | 'keep_valid';
  submit: boolean;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  totalRows: number | null;
  processedRows: number;
  progress: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  problems: RowProblem[];
  failureReason: string | null;
  /** The failure as a code with its figures, which the portal words; `failureReason` is the English. */
  failureCode: string | null;
  failureParams: Record<string, string | number> | null;
  createdAt: string;
  finishedAt: string | null;
}

export type FeatureName =
  'text' | 'keywords' | 'field' | 'maturity' | 'price' | 'mode' | 'locality' | 'freshness' | 'quality' | 'feedback';

export interface Feature {
  feature: FeatureName;
  /** In [0,1]; null when the other side keeps the input private. */
  value: number | null;
  zh: string;
  en: string;
}

export type RecommendationStatus =
  | 'pending_review'
  | 'approved'
  | 'rejected'
  | 'delivered'
  | 'viewed'
  | 'interested'
  | 'declined'
  | 'connected'
  | 'superseded'
  | 'withdrawn';
export type Answer = 'interested' | 'declined';
export const DECLINE_REASONS = [
  'not_relevant',
  'too_early',
  'too_expensive',
  'ip_concerns',
  'already_solved',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const REJECT_REASONS = ['not_relevant', 'duplicate', 'low_quality', 'ip_concern', 'not_ready', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface MatchedNeed {
  id: string;
  status?: string;
  title: string;
  summary: string;
  keywords: string[];
  fieldCodes?: string[];
  desiredStage?: string | null;
  minTrl?: number | null;
  cooperationModes?: string[];
  regionCode?: string | null;
  deadline?: string | null;
  confidentiality: Confidentiality;
  organisation?: OrganisationRef;
  details?: NeedDetails;
}

export interface MatchedAchievement {
  id: string;
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
  organisation: OrganisationRef;
}

export interface ResearcherSummary {
  id: string;
  name: string;
  title: string;
  institutionName: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
}

export interface ResearcherContact extends ResearcherSummary {
  email: string | null;
  phone: string | null;
}

interface Progress {
  id: string;
  status: RecommendationStatus;
  score: number;
  deliveredAt: string | null;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  connectedAt: string | null;
  connectionId: string | null;
}

export interface OwnAnswer {
  reason: DeclineReason | null;
  note: string | null;
  answeredAt: string | null;
}

export interface CompanyRecommendation extends Progress {
  viewedAt: string | null;
  features: Feature[];
  achievement: MatchedAchievement;
  researchers: ResearcherSummary[];
  answer: OwnAnswer;
  /** When the achievement is less mature than the need asks: the gap and the platforms that bridge it. */
  maturityGap: MaturityGap | null;
}

export interface NeedRecommendations {
  needId: string;
  /** matching: not matched yet; nothing_fits: nothing cleared the bar (pushed later when one does); in_review; shown. */
  matchState: 'matching' | 'nothing_fits' | 'in_review' | 'shown';
  items: CompanyRecommendation[];
  researcherMatches: {
    score: number;
    features: Feature[];
    researcher: ResearcherSummary & { organisation: OrganisationRef };
  }[];
}

export interface InstitutionRecommendation extends Progress {
  features: Feature[];
  need: MatchedNeed;
  answer: OwnAnswer;
  maturityGap: MaturityGap | null;
}

export interface AchievementRecommendations {
  achievementId: string;
  items: InstitutionRecommendation[];
}

export interface AnswerResult {
  id: string;
  side: 'company' | 'institution';
  status: RecommendationStatus;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  connectionId: string | null;
}

export interface ConnectionSummary {
  id: string;
  recommendationId: string;
  createdAt: string;
  side: 'company' | 'institution';
  need: { id: string; title: string };
  achievement: { id: string; title: string };
  counterpart: { id: string; name: string };
}

export interface ConnectionDetail {
  id: string;
  recommendationId: string;
  createdAt: string;
  side: 'company' | 'institution';
  score: number;
  features: Feature[];
  need: MatchedNeed;
  achievement: MatchedAchievement;
  counterpart: {
    organisation: {
      id: string;
      name: string;
      kind: string;
      region: string | null;
      contactName: string | null;
      contactEmail: string | null;
      contactPhone: string | null;
    };
    contactPerson: { name: string; email: string; phone: string | null } | null;
    researchers?: ResearcherContact[];
  };
}

export interface ReviewItem {
  id: string;
  status: RecommendationStatus;
  trigger: 'need' | 'achievement';
  score: number;
  features: Feature[];
  reviewer: { id: string; name: string } | null;
  reviewDueAt: string | null;
  overdue: boolean;
  reviewedAt: string | null;
  /** Who approved or rejected it; null while pending and for automatic approvals. */
  decidedBy: { id: string; name: string } | null;
  /** A side that asked for the match from a detail page answered before the review. */
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  rejectReason: RejectReason | null;
  reviewNote: string | null;
  annotations: { by: string; byName: string | null; at: string; text: string }[];
  createdAt: string;
  need: MatchedNeed;
  achievement: MatchedAchievement;
}

export interface BulkApproveResult {
  approved: number;
  results: { id: string; outcome: 'approved' | 'not_found' | 'forbidden' | 'conflict'; message?: string }[];
}

export interface Workload {
  managers: {
    userId: string;
    name: string;
    organisationName: string;
    active: boolean;
    capacity: number;
    fieldCodes: string[];
    open: number;
    overdue: number;
  }[];
  unassigned: { open: number; overdue: number };
}

export interface Snippet {
  text: string;
  marks: { start: number; end: number }[];
}

export type SearchType = 'achievement' | 'need' | 'researcher';
export type FacetName =
  'kind' | 'fieldCodes' | 'regionCodes' | 'maturity' | 'ipTypes' | 'transferModes' | 'institution';

export interface SearchHit {
  id: string;
  type: SearchType;
  score: number;
  title: string;
  summary: string | undefined;
  highlights: { title: Snippet; summary?: Snippet };
  keywords: string[];
  fieldCodes: string[];
  regionCodes: string[];
  maturity: string | null;
  ipTypes: string[];
  transferModes: string[];
  institution: string | null;
  status: string;
  /** The listing is the caller's organisation's own. */
  mine: boolean;
  updatedAt: string;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: Partial<Record<FacetName, { value: string; count: number }[]>>;
}

export interface InboxItem {
  id: string;
  type: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface QueueSummary {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  oldestWaitingSeconds: number | null;
}

export interface QueuesOverview {
  queues: QueueSummary[];
  outbox: { pending: number; oldestPendingSeconds: number | null; failingHandOvers: number };
}

export interface FailedJob {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
  createdAt: string;
}

/** The API's one error shape. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
  /** Each field at fault, what is wrong, and the validation rule it broke (e.g. `maxLength`). */
  fields?: FieldProblem[];
  requestId?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
  constraint?: string;
}

/** A figure against its 2027 target (GET /api/insights/kpis); decimals as strings. */
export interface KpiMeasure {
  value: string;
  target: string;
  /** value / target in percent, two decimals. */
  progressPercent: string;
  met: boolean;
}

export type DealType =
  'transfer' | 'licence' | 'use_first_pay_later' | 'rights_for_equity' | 'rights_grant' | 'joint_development';

export interface Kpis {
  period: { from: string; to: string };
  /** Technology-contract turnover of deals signed in the period (yuan). */
  turnover: KpiMeasure;
  dealsByType: Record<DealType, number>;
  /** Of the deals Chongqing institutions signed (signed), the share with a Chongqing company (local), percent. */
  localConversion: KpiMeasure & { local: number; signed: number };
  patentsTransferred: {
    orgId: string;
    name: string;
    transferred: number;
    newlyGranted: number;
    ratio: KpiMeasure;
  }[];
  companiesFounded: KpiMeasure;
  activeManagers: KpiMeasure;
  serviceCarriers: KpiMeasure & {
    platforms: number;
    byKind: { proof_of_concept: number; pilot: number; incubator: number };
    agencies: number;
    completedSteps: number;
  };
  funnel: {
    needs: number;
    recommendations: number;
    approved: number;
    interested: number;
    connected: number;
    signed: number;
    /** Deals signed in the period without a platform match. */
    direct: number;
  };
  /** Hours from a match to its review, for matches reviewed in the period. */
  reviewHours: { reviewed: number; median: string | null; p90: string | null };
  /** Technology commissioners: appointed, visits, mined needs and how far those got. */
  commissioners: {
    appointed: number;
    visits: number;
    minedNeeds: number;
    recommended: number;
    connected: number;
    signed: number;
  };
}
