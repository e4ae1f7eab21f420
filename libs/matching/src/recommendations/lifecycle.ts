import type { Answer, RecommendationStatus, Side } from '../domain/recommendation-status';

/**
 * Steps a person or a job takes on a recommendation. The matcher's own steps (writing,
 * superseding, withdrawing) live in the RecommendationWriter; answers are combined by
 * `answerStep` below.
 */
export const RECOMMENDATION_ACTIONS = ['approve', 'reject', 'reassign', 'deliver', 'view'] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

interface Step {
  from: readonly RecommendationStatus[];
  /** Null: the status does not change (reassigning moves the review, not the recommendation). */
  to: RecommendationStatus | null;
}

/**
 * pending_review → approved → delivered → viewed (a manager decides, the deliver job pushes,
 * the company reads), or pending_review → rejected. Only a pending review is reassigned.
 */
const STEPS: Record<RecommendationAction, Step> = {
  approve: { from: ['pending_review'], to: 'approved' },
  reject: { from: ['pending_review'], to: 'rejected' },
  reassign: { from: ['pending_review'], to: null },
  deliver: { from: ['approved'], to: 'delivered' },
  view: { from: ['delivered'], to: 'viewed' },
};

export type StepResult = { ok: true; to: RecommendationStatus } | { ok: false; message: string };

/** The status after `action` from `from`, or why the step is refused. Pure. */
export function transition(from: RecommendationStatus, action: RecommendationAction): StepResult {
  const step = STEPS[action];
  if (!step.from.includes(from)) {
    return {
      ok: false,
      message: `cannot ${action} a recommendation that is ${from} (only when ${step.from.join(', ')})`,
    };
  }
  return { ok: true, to: step.to ?? from };
}

/** The statuses `action` may be taken from (for queries that apply a step to many rows at once). */
export function statusesFor(action: RecommendationAction): readonly RecommendationStatus[] {
  return STEPS[action].from;
}

/** Statuses in which the two sides see a recommendation: pushed to them, and not taken back. */
export const SHOWN_TO_SIDES: readonly RecommendationStatus[] = [
  'delivered',
  'viewed',
  'interested',
  'declined',
  'connected',
];

export function shownToSides(status: RecommendationStatus): boolean {
  return SHOWN_TO_SIDES.includes(status);
}

/** Statuses in which a side may still answer. */
const ANSWERABLE: readonly RecommendationStatus[] = ['delivered', 'viewed', 'interested'];

export interface AnswerState {
  status: RecommendationStatus;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
}

export type AnswerStepResult =
  | {
      ok: true;
      status: RecommendationStatus;
      companyAnswer: Answer | null;
      institutionAnswer: Answer | null;
      connect: boolean;
    }
  | { ok: false; reason: 'not_shown' | 'closed' | 'already_answered'; message: string };

/**
 * The status the two answers make: declined as soon as either side declines; connected when
 * both are interested; interested while one side is and the other has not answered.
 */
export function combineAnswers(
  company: Answer | null,
  institution: Answer | null,
  current: RecommendationStatus,
): RecommendationStatus {
  if (company === 'declined' || institution === 'declined') return 'declined';
  if (company === 'interested' && institution === 'interested') return 'connected';
  if (company === 'interested' || institution === 'interested') return 'interested';
  return current;
}

/**
 * One side's answer: refused before the recommendation reached the sides, once it is
 * decided (declined or connected), and when this side has answered already (answers are final:
 * the matcher learns from them).
 */
export function answerStep(state: AnswerState, side: Side, answer: Answer): AnswerStepResult {
  if (!shownToSides(state.status)) {
    return { ok: false, reason: 'not_shown', message: `the recommendation is ${state.status}, not shown to the sides` };
  }
  if (!ANSWERABLE.includes(state.status)) {
    return { ok: false, reason: 'closed', message: `the recommendation is already ${state.status}` };
  }
  const own = side === 'company' ? state.companyAnswer : state.institutionAnswer;
  if (own !== null) {
    return { ok: false, reason: 'already_answered', message: `your organisation already answered ${own}` };
  }
  const companyAnswer = side === 'company' ? answer : state.companyAnswer;
  const institutionAnswer = side === 'institution' ? answer : state.institutionAnswer;
  const status = combineAnswers(companyAnswer, institutionAnswer, state.status);
  return { ok: true, status, companyAnswer, institutionAnswer, connect: status === 'connected' };
}
