/**
 * A recommendation's life: a manager reviews it, the platform pushes it, each side
 * answers, and when both are interested the two are connected (对接).
 */
export const RECOMMENDATION_STATUSES = [
  'pending_review',
  'approved',
  'rejected',
  'delivered',
  'viewed',
  'interested',
  'declined',
  'connected',
  /** A newer match of the same need (or achievement) no longer ranks it. */
  'superseded',
  /** The need or achievement was closed or withdrawn. */
  'withdrawn',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const REJECT_REASONS = ['not_relevant', 'duplicate', 'low_quality', 'ip_concern', 'not_ready', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const ANSWERS = ['interested', 'declined'] as const;
export type Answer = (typeof ANSWERS)[number];

export const DECLINE_REASONS = [
  'not_relevant',
  'too_early',
  'too_expensive',
  'ip_concerns',
  'already_solved',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Which side of a recommendation a caller is on. */
export type Side = 'company' | 'institution';

/** What started the match: a published need looking for achievements, or the reverse. */
export const MATCH_TRIGGERS = ['need', 'achievement'] as const;
export type MatchTrigger = (typeof MATCH_TRIGGERS)[number];
