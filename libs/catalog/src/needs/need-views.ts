import { isModerator, type Actor } from '../domain/vocabulary';
import type { ListingPeople } from '../common/listing-workflow';
import { NamedParty } from '../common/listing-views';
import type { Need } from '../entities/need.entity';
import {
  isOpenNeed,
  needDetails,
  needSummary,
  type NeedDetails as ProjectedDetails,
  type NeedSummary,
} from '../listings/listing-projection';

/** What everyone may see of a published need. */
export class PublicNeed implements NeedSummary {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  fieldCodes: string[];
  desiredStage: string | null;
  minTrl: number | null;
  regionCode: string | null;
  deadline: string | null;
  confidentiality: Need['confidentiality'];
  orgId: string;
  status: Need['status'];
  cooperationModes: Need['cooperationModes'];
  publishedAt: Date | null;
  updatedAt: Date;
  /** Present when the need is public, or for its owner and moderators. */
  details?: NeedDetails;
  /** The company: named when the need is public, or for its owner and moderators. */
  organisation?: NamedParty;
}

/** The body of a need: public, or for its owner and moderators. */
export class NeedDetails implements ProjectedDetails {
  description: string;
  problem: string;
  indicators: string;
  existingConditions: string;
  budgetMin: string | null;
  budgetMax: string | null;
}

/** The owner's (and moderators') view: everything, including the moderation record. */
export class OwnerNeed extends PublicNeed {
  declare details: NeedDetails;
  declare organisation: NamedParty;
  /** The moderator who last decided (published or sent back), with `moderationNote` as their words. */
  reviewer: NamedParty | null;
  moderationNote: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  createdAt: Date;
  /** Whether a technology commissioner drafted it for the company (科技特派员挖掘的需求). */
  minedByCommissioner: boolean;
}

/** One page of needs as their owner or a moderator sees them. */
export class OwnerNeedPage {
  items: OwnerNeed[];
  total: number;
  page: number;
  pageSize: number;
}

/** The summary of listing-projection.ts, with the owner's id and the dates. */
function publicPart(need: Need): PublicNeed {
  return {
    ...needSummary(need),
    orgId: need.orgId,
    status: need.status,
    cooperationModes: need.cooperationModes,
    publishedAt: need.publishedAt,
    updatedAt: need.updatedAt,
  };
}

export function ownerNeed(need: Need, people: ListingPeople): OwnerNeed {
  return {
    ...publicPart(need),
    details: needDetails(need),
    organisation: people.organisation,
    reviewer: people.reviewer,
    moderationNote: need.moderationNote,
    submittedAt: need.submittedAt,
    reviewedAt: need.reviewedAt,
    createdAt: need.createdAt,
    minedByCommissioner: need.minedByAppointmentId !== null,
  };
}

/** The view `actor` may have: whole for the owner and moderators, details only when public for others. */
export function needFor(actor: Actor, need: Need, people: ListingPeople): PublicNeed | OwnerNeed {
  if (actor.orgId === need.orgId || isModerator(actor)) return ownerNeed(need, people);
  const view = publicPart(need);
  return isOpenNeed(need) ? { ...view, details: needDetails(need), organisation: people.organisation } : view;
}
