/**
 * A quote for one service step: the requester (a company or TTO) asks, the platform quotes,
 * the requester accepts, the platform completes the step. Either side may decline before
 * acceptance. Confirming the maturity reached is the achievement's TTO's, after completion,
 * and is not a status of its own.
 */
export const QUOTE_STATUSES = ['requested', 'quoted', 'accepted', 'completed', 'declined'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_ACTIONS = ['quote', 'accept', 'complete', 'decline'] as const;
export type QuoteAction = (typeof QUOTE_ACTIONS)[number];

/** Who acts on a quote: the organisation that asked, or the platform asked. */
export type QuoteSide = 'requester' | 'platform';

interface Step {
  from: readonly QuoteStatus[];
  to: QuoteStatus;
  by: readonly QuoteSide[];
}

const STEPS: Record<QuoteAction, Step> = {
  quote: { from: ['requested'], to: 'quoted', by: ['platform'] },
  accept: { from: ['quoted'], to: 'accepted', by: ['requester'] },
  complete: { from: ['accepted'], to: 'completed', by: ['platform'] },
  decline: { from: ['requested', 'quoted'], to: 'declined', by: ['requester', 'platform'] },
};

export type StepOutcome =
  { ok: true; to: QuoteStatus } | { ok: false; kind: 'wrong_side' | 'wrong_state'; reason: string };

/** Where `action` by `side` takes a quote in `status`, or why it may not. */
export function quoteStep(status: QuoteStatus, action: QuoteAction, side: QuoteSide): StepOutcome {
  const step = STEPS[action];
  if (!step.by.includes(side)) {
    return { ok: false, kind: 'wrong_side', reason: `Only the ${step.by.join(' or ')} may ${action} a quote` };
  }
  if (!step.from.includes(status)) {
    return { ok: false, kind: 'wrong_state', reason: `A ${status} quote cannot be ${action}d` };
  }
  return { ok: true, to: step.to };
}

/** The actions `side` may take on a quote in `status` (what the portal offers). */
export function actionsFor(status: QuoteStatus, side: QuoteSide): QuoteAction[] {
  return QUOTE_ACTIONS.filter((action) => quoteStep(status, action, side).ok);
}
