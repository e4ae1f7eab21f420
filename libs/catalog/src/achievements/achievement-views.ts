import { isModerator, type Actor } from '../domain/vocabulary';
import type { ListingPeople } from '../common/listing-workflow';
import { NamedParty } from '../common/listing-views';
import type { Achievement } from '../entities/achievement.entity';

/** A researcher as named on a listing: never their contact details. */
export class NamedResearcher {
  id: string;
  name: string;
  title: string;
}

/** What everyone may see of a published achievement. */
export class PublicAchievement {
  id: string;
  orgId: string;
  status: Achievement['status'];
  externalRef: string | null;
  title: string;
  summary: string;
  applicationScenarios: string;
  advantages: string;
  keywords: string[];
  fieldCodes: string[];
  ipType: string | null;
  patentNumbers: string[];
  legalStatus: Achievement['legalStatus'];
  trl: number | null;
  maturityStage: string | null;
  transferModes: Achievement['transferModes'];
  priceMin: string | null;
  priceMax: string | null;
  institutionName: string;
  separateLedger: boolean;
  researchers: NamedResearcher[];
  /** The institution that lists it. */
  organisation: NamedParty;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** The owner's and moderators' view. */
export class OwnerAchievement extends PublicAchievement {
  internalNotes: string;
  /** The moderator who last decided (published or sent back), with `moderationNote` as their words. */
  reviewer: NamedParty | null;
  moderationNote: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  importId: string | null;
  createdAt: Date;
}

/** One page of achievements as their owner or a moderator sees them. */
export class OwnerAchievementPage {
  items: OwnerAchievement[];
  total: number;
  page: number;
  pageSize: number;
}

export function publicAchievement(
  row: Achievement,
  researchers: NamedResearcher[],
  people: ListingPeople,
): PublicAchievement {
  return {
    id: row.id,
    orgId: row.orgId,
    status: row.status,
    externalRef: row.externalRef,
    title: row.title,
    summary: row.summary,
    applicationScenarios: row.applicationScenarios,
    advantages: row.advantages,
    keywords: row.keywords,
    fieldCodes: row.fieldCodes,
    ipType: row.ipType,
    patentNumbers: row.patentNumbers,
    legalStatus: row.legalStatus,
    trl: row.trl,
    maturityStage: row.maturityStage,
    transferModes: row.transferModes,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    institutionName: row.institutionName,
    separateLedger: row.separateLedger,
    researchers,
    organisation: people.organisation,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
  };
}

export function ownerAchievement(
  row: Achievement,
  researchers: NamedResearcher[],
  people: ListingPeople,
): OwnerAchievement {
  return {
    ...publicAchievement(row, researchers, people),
    internalNotes: row.internalNotes,
    reviewer: people.reviewer,
    moderationNote: row.moderationNote,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    importId: row.importId,
    createdAt: row.createdAt,
  };
}

export function achievementFor(
  actor: Actor,
  row: Achievement,
  researchers: NamedResearcher[],
  people: ListingPeople,
): PublicAchievement {
  return actor.orgId === row.orgId || isModerator(actor)
    ? ownerAchievement(row, researchers, people)
    : publicAchievement(row, researchers, people);
}
