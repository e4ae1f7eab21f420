/**
 * Deal types and the state machine of each, as transition tables. Every change of a deal's
 * status goes through `dealTransition`; the service records each one in the audit log.
 */
export const DEAL_TYPES = [
  'transfer',
  'licence',
  'use_first_pay_later',
  'rights_for_equity',
  'rights_grant',
  'joint_development',
] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const LICENCE_SCOPES = ['exclusive', 'sole', 'non_exclusive'] as const;
export type LicenceScope = (typeof LICENCE_SCOPES)[number];

export const DEAL_STATUSES = [
  'negotiating',
  'agreed',
  'signed',
  'active',
  'transferred',
  'free_use',
  'paying',
  'overdue',
  'defaulted',
  'valued',
  'holding',
  'granted',
  'completed',
  'returned',
  'expired',
  'exited',
  'terminated',
  'cancelled',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const DEAL_ACTIONS = [
  'agree',
  'sign',
  'cancel',
  'register',
  'start',
  'expire',
  'terminate',
  'opt_out',
  'trigger',
  'fall_overdue',
  'settle',
  'default',
  'complete',
  'value',
  'take_equity',
  'exit',
  'grant',
] as const;
export type DealAction = (typeof DEAL_ACTIONS)[number];

/**
 * In which capacity a step is taken: a member of the institution (TTO) or of the company,
 * the technology manager assigned to the deal, or the platform itself (a term sheet accepted
 * by both sides, a payment trigger reached, a due date passed).
 */
export const DEAL_ACTORS = ['institution', 'company', 'manager', 'system'] as const;
export type DealActor = (typeof DEAL_ACTORS)[number];

interface Step {
  from: readonly DealStatus[];
  to: DealStatus;
  by: readonly DealActor[];
}

type Table = Partial<Record<DealAction, Step>>;

const BROKERS: readonly DealActor[] = ['institution', 'manager'];

/** Negotiation and signature, shared by every type. */
const COMMON: Table = {
  agree: { from: ['negotiating'], to: 'agreed', by: ['system'] },
  sign: { from: ['agreed'], to: 'signed', by: BROKERS },
  cancel: { from: ['negotiating', 'agreed'], to: 'cancelled', by: ['institution', 'company', 'manager'] },
};

export const DEAL_MACHINES: Record<DealType, Table> = {
  /** 转让: signed → rights registered to the company → completed once paid. */
  transfer: {
    ...COMMON,
    register: { from: ['signed'], to: 'transferred', by: BROKERS },
    complete: { from: ['transferred'], to: 'completed', by: BROKERS },
  },
  /** 许可: signed → active → expired at the end of term, or terminated early. */
  licence: {
    ...COMMON,
    start: { from: ['signed'], to: 'active', by: BROKERS },
    expire: { from: ['active'], to: 'expired', by: ['system', 'institution'] },
    terminate: { from: ['active'], to: 'terminated', by: BROKERS },
  },
  /**
   * 先使用后付费: free use until the payment trigger; the company may return the licence at no
   * charge before it. After the trigger it pays; a missed due date makes it overdue, the grace
   * period running out makes it defaulted, and a default may end in termination.
   */
  use_first_pay_later: {
    ...COMMON,
    start: { from: ['signed'], to: 'free_use', by: BROKERS },
    opt_out: { from: ['free_use'], to: 'returned', by: ['company'] },
    trigger: { from: ['free_use'], to: 'paying', by: ['system'] },
    fall_overdue: { from: ['paying'], to: 'overdue', by: ['system'] },
    settle: { from: ['overdue', 'defaulted'], to: 'paying', by: ['system'] },
    default: { from: ['overdue'], to: 'defaulted', by: ['system'] },
    terminate: { from: ['defaulted'], to: 'terminated', by: BROKERS },
    complete: { from: ['paying'], to: 'completed', by: ['system', 'institution'] },
  },
  /** 作价入股 / 以权代股: valuation recorded → equity taken in the company → exit. */
  rights_for_equity: {
    ...COMMON,
    value: { from: ['signed'], to: 'valued', by: BROKERS },
    take_equity: { from: ['valued'], to: 'holding', by: ['institution'] },
    exit: { from: ['holding'], to: 'exited', by: ['institution'] },
  },
  /** 赋权: the grant to the researchers is recorded, then ends with its term. */
  rights_grant: {
    ...COMMON,
    grant: { from: ['signed'], to: 'granted', by: ['institution'] },
    complete: { from: ['granted'], to: 'completed', by: ['institution'] },
  },
  /** 合作开发: signed → active → completed, or terminated early. */
  joint_development: {
    ...COMMON,
    start: { from: ['signed'], to: 'active', by: BROKERS },
    complete: { from: ['active'], to: 'completed', by: ['institution', 'company', 'manager'] },
    terminate: { from: ['active'], to: 'terminated', by: BROKERS },
  },
};

export type DealRefusal = 'unknown_action' | 'not_allowed_for_actor' | 'wrong_status';

export type DealTransitionResult = { ok: true; to: DealStatus } | { ok: false; reason: DealRefusal; message: string };

/** The status after `action`, or why the step is refused. Pure: no I/O. */
export function dealTransition(
  type: DealType,
  from: DealStatus,
  action: DealAction,
  actor: DealActor,
): DealTransitionResult {
  const step = DEAL_MACHINES[type][action];
  if (!step) {
    return { ok: false, reason: 'unknown_action', message: `a ${type} deal has no step ${action}` };
  }
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
      message: `cannot ${action} a deal that is ${from} (only from ${step.from.join(', ')})`,
    };
  }
  return { ok: true, to: step.to };
}

/** The steps a person (not the platform) may ask for through the api. */
export function isManualAction(type: DealType, action: DealAction): boolean {
  const step = DEAL_MACHINES[type][action];
  return step !== undefined && step.by.some((actor) => actor !== 'system');
}

/** Steps that need a record of their own (a valuation, the equity, a grant) and so have their own endpoint. */
export const RECORDED_ACTIONS: Partial<Record<DealAction, string>> = {
  value: 'POST /deals/{id}/valuation',
  take_equity: 'POST /deals/{id}/equity',
  grant: 'POST /deals/{id}/rights-grants',
};

/**
 * The steps `actor` may ask for now, through the transitions endpoint, on a deal of `type`
 * that is `status`: what a party's screen offers as buttons.
 */
export function actionsFor(type: DealType, status: DealStatus, actor: DealActor): DealAction[] {
  return DEAL_ACTIONS.filter((action) => {
    const step = DEAL_MACHINES[type][action];
    return (
      step !== undefined &&
      RECORDED_ACTIONS[action] === undefined &&
      step.by.includes(actor) &&
      step.from.includes(status) &&
      actor !== 'system'
    );
  });
}

/** Statuses in which a deal is over: nothing more happens to it. */
export const FINAL_STATUSES: readonly DealStatus[] = [
  'completed',
  'returned',
  'expired',
  'exited',
  'terminated',
  'cancelled',
];
