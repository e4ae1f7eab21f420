import { isModerator, type Actor } from '../domain/vocabulary';
import type { ListingPeople } from '../common/listing-workflow';
import type { Need } from '../entities/need.entity';
import {
  isOpenNeed,
  needDetails,
  needSummary,
  type NeedDetails,
  type NeedSummary,
} from '../listings/listing-projection';

export type { NeedDetails };

/** What everyone may see of a published need. */
export interface PublicNeed extends NeedSummary {
  orgId: string;
  status: Need['status'];
  cooperationModes: Need['cooperationModes'];
  publishedAt: Date | null;
  updatedAt: Date;
  /** Present when the need is public, or for its owner and moderators. */
  details?: NeedDetails;
  /** The company: named when the need is public, or for its owner and moderators. */
  organisation?: ListingPeople['organisation'];
}

/** The owner's (and moderators') view: everything, including the moderation record. */
export interface OwnerNeed extends PublicNeed {
  details: NeedDetails;
  organisation: ListingPeople['organisation'];
  /** The moderator who last decided (published or sent back), with `moderationNote` as their words. */
  reviewer: ListingPeople['reviewer'];
  moderationNote: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  createdAt: Date;
  /** Whether a technology commissioner drafted it for the company (科技特派员挖掘的需求). */
  minedByCommissioner: boolean;
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
