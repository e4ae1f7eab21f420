import type { CooperationMode, LegalStatus } from '@kuaizhuan/catalog';

/*
 * The demo catalogue as plain records, before it is written to the database. `org` is the key
 * of a demo organisation (organisations.ts); the loader turns it into the organisation's id.
 */

export interface SeedResearcher {
  org: string;
  /** The TTO's reference; with the organisation, what makes loading idempotent. */
  ref: string;
  name: string;
  title: string;
  institutionName: string;
  profile: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
  commissionerNote: string;
  email: string;
}

export interface SeedAchievement {
  org: string;
  /** The TTO's reference; with the organisation, what makes loading idempotent. */
  ref: string;
  title: string;
  summary: string;
  applicationScenarios: string;
  advantages: string;
  keywords: string[];
  fieldCodes: string[];
  ipType: string | null;
  patentNumbers: string[];
  legalStatus: LegalStatus;
  trl: number;
  maturityStage: string;
  transferModes: CooperationMode[];
  priceMin: string | null;
  priceMax: string | null;
  institutionName: string;
  separateLedger: boolean;
  internalNotes: string;
  /** References of its researchers, lead first. */
  researchers: string[];
  /** Published this many days before the load. */
  publishedDaysAgo: number;
}

export interface SeedNeed {
  org: string;
  /** Unique within the company: what makes loading idempotent (needs have no reference). */
  title: string;
  summary: string;
  description: string;
  problem: string;
  indicators: string;
  existingConditions: string;
  keywords: string[];
  fieldCodes: string[];
  desiredStage: string;
  minTrl: number;
  budgetMin: string | null;
  budgetMax: string | null;
  cooperationModes: CooperationMode[];
  regionCode: string;
  /** Expires this many days after the load. */
  deadlineInDays: number;
  confidentiality: 'public' | 'summary_only';
  /** Published this many days before the load. */
  publishedDaysAgo: number;
  /** The achievement it was written to fit, if any: for tests and the demo script, not stored. */
  writtenFor: string | null;
}

export interface DemoCatalog {
  researchers: SeedResearcher[];
  achievements: SeedAchievement[];
  needs: SeedNeed[];
}
