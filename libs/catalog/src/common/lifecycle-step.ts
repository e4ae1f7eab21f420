import { ConflictError, ForbiddenError } from '@kuaizhuan/platform';
import { transition, type ListingAction, type ListingActorKind } from '../domain/lifecycle';
import { isModerator, type Actor, type ListingStatus } from '../domain/vocabulary';

/** In which capacity `actor` acts on a listing owned by `orgId`, or null when it has none. */
export function actorKind(actor: Actor, orgId: string): ListingActorKind | null {
  if (actor.orgId === orgId) return 'owner';
  if (isModerator(actor)) return 'moderator';
  return null;
}

export interface StatusPatch {
  status: ListingStatus;
  submittedAt?: Date;
  publishedAt?: Date;
  reviewedAt?: Date;
  reviewedBy?: string | null;
  moderationNote?: string | null;
  closedAt?: Date;
}

/**
 * The columns to write for `action`, or a 403/409 naming why it is refused.
 * A moderator who also owns the listing acts as a moderator for approve/reject.
 */
export function lifecyclePatch(
  actor: Actor,
  listing: { orgId: string; status: ListingStatus },
  action: ListingAction,
  note: string | null,
  now = new Date(),
): StatusPatch {
  let kind = actorKind(actor, listing.orgId);
  if ((action === 'approve' || action === 'reject' || action === 'expire') && isModerator(actor)) kind = 'moderator';
  if (kind === null) throw new ForbiddenError(`You may not ${action} this listing`);
  const result = transition(listing.status, action, kind);
  if (!result.ok) {
    if (result.reason === 'not_allowed_for_actor') throw new ForbiddenError(result.message);
    throw new ConflictError(result.message, 'status');
  }
  const patch: StatusPatch = { status: result.to };
  switch (action) {
    case 'submit':
      return { ...patch, submittedAt: now, moderationNote: null };
    case 'approve':
      return { ...patch, publishedAt: now, reviewedAt: now, reviewedBy: actor.userId, moderationNote: note };
    case 'reject':
      return { ...patch, reviewedAt: now, reviewedBy: actor.userId, moderationNote: note };
    case 'close':
      return { ...patch, closedAt: now };
    default:
      return patch;
  }
}
