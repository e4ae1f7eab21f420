import type { Answer, RecommendationStatus, Side } from '../domain/recommendation-status';

/** What a side's interest found on the pair's recommendation, if there is one. */
export interface ExistingPair {
  status: RecommendationStatus;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
}

/**
 * What expressing interest from a detail page does to the pair's recommendation:
 * - `create`: there is none: a recommendation waiting for a manager, with this side's answer;
 * - `reopen`: it was waiting for review, or set aside (rejected, superseded, withdrawn): record
 *   this side's answer and put it before a manager again — a side asking for an introduction is
 *   worth a second look, and contacts still wait for a manager's approval;
 * - `prefill`: a manager approved it and it is on its way: record the answer, keep the status;
 * - `answer`: it reached the two sides: the ordinary answer;
 * - `nothing`: already connected, or this side is already interested;
 * - `refused`: this side or the other declined (answers are final).
 * Pure, so each case is tested without a database.
 */
export type InterestStep =
  | { kind: 'create' | 'reopen' | 'prefill' | 'answer' | 'nothing' }
  | { kind: 'refused'; message: string; field: 'answer' | 'status' };

const REOPENED: readonly RecommendationStatus[] = ['pending_review', 'rejected', 'superseded', 'withdrawn'];
const ANSWERED_BY_SIDES: readonly RecommendationStatus[] = ['delivered', 'viewed', 'interested'];

export function interestStep(existing: ExistingPair | null, side: Side): InterestStep {
  if (existing === null) return { kind: 'create' };
  if (existing.status === 'connected') return { kind: 'nothing' };
  const own = side === 'company' ? existing.companyAnswer : existing.institutionAnswer;
  const other = side === 'company' ? existing.institutionAnswer : existing.companyAnswer;
  if (own === 'declined') {
    return { kind: 'refused', message: 'your organisation already declined this match', field: 'answer' };
  }
  if (other === 'declined' || existing.status === 'declined') {
    return { kind: 'refused', message: 'the other side declined this match', field: 'status' };
  }
  if (own === 'interested') return { kind: 'nothing' };
  if (REOPENED.includes(existing.status)) return { kind: 'reopen' };
  if (existing.status === 'approved') return { kind: 'prefill' };
  if (ANSWERED_BY_SIDES.includes(existing.status)) return { kind: 'answer' };
  return { kind: 'refused', message: `the match is ${existing.status}`, field: 'status' };
}
