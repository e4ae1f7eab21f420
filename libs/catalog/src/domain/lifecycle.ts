import type { ListingStatus } from './vocabulary';

/** Steps a need or an achievement can take. */
export const LISTING_ACTIONS = ['submit', 'withdraw', 'approve', 'reject', 'match', 'close', 'expire'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

/** In which capacity the caller acts on the listing. */
export type ListingActorKind = 'owner' | 'moderator' | 'system';

interface Step {
  from: readonly ListingStatus[];
  to: ListingStatus;
  by: readonly ListingActorKind[];
}

/**
 * draft → submitted → published → matched / closed / expired. A moderator approves a
 * submission or sends it back to draft with a reason; the owner may withdraw a submitted
 * or published listing to edit it, and close it at any time before it is closed or expired.
 */
const STEPS: Record<ListingAction, Step> = {
  submit: { from: ['draft'], to: 'submitted', by: ['owner'] },
  withdraw: { from: ['submitted', 'published'], to: 'draft', by: ['owner'] },
  approve: { from: ['submitted'], to: 'published', by: ['moderator'] },
  reject: { from: ['submitted'], to: 'draft', by: ['moderator'] },
  match: { from: ['published'], to: 'matched', by: ['owner', 'moderator', 'system'] },
  close: { from: ['draft', 'submitted', 'published', 'matched'], to: 'closed', by: ['owner', 'moderator'] },
  expire: { from: ['published'], to: 'expired', by: ['system', 'moderator'] },
};

export type TransitionResult =
  { ok: true; to: ListingStatus } | { ok: false; reason: 'not_allowed_for_actor' | 'wrong_status'; message: string };

/** The status after `action`, or why the step is refused. Pure: no I/O. */
export function transition(from: ListingStatus, action: ListingAction, actor: ListingActorKind): TransitionResult {
  const step = STEPS[action];
  if (!step.by.includes(actor)) {
    return {
      ok: false,
      reason: 'not_allowed_for_actor',
      message: `${action} may be done only by: ${step.by.join(', ')}`,
    };
  }
  if (!step.from.includes(from)) {
    return {
      ok: false,
      reason: 'wrong_status',
      message: `cannot ${action} a listing that is ${from} (only from ${step.from.join(', ')})`,
    };
  }
  return { ok: true, to: step.to };
}

/** Only drafts are edited; a submitted or published listing is withdrawn first. */
export function isEditable(status: ListingStatus): boolean {
  return status === 'draft';
}

/** Whether strangers (other organisations) may see that the listing exists. */
export function isPubliclyVisible(status: ListingStatus): boolean {
  return status === 'published' || status === 'matched';
}
