import {
  DEAL_ACTIONS,
  DEAL_ACTORS,
  DEAL_STATUSES,
  DEAL_TYPES,
  dealTransition,
  isManualAction,
  actionsFor,
  type DealType,
} from './deal-machine';

/**
 * Every allowed step, written out by hand as `from action[actors] to`: the spec checks
 * that these and only these are allowed, for every type, status, action and actor.
 */
const COMMON = [
  'negotiating agree[system] agreed',
  'agreed sign[institution,manager] signed',
  'negotiating cancel[institution,company,manager] cancelled',
  'agreed cancel[institution,company,manager] cancelled',
];

const ALLOWED: Record<DealType, string[]> = {
  transfer: [
    ...COMMON,
    'signed register[institution,manager] transferred',
    'transferred complete[institution,manager] completed',
  ],
  licence: [
    ...COMMON,
    'signed start[institution,manager] active',
    'active expire[system,institution] expired',
    'active terminate[institution,manager] terminated',
  ],
  use_first_pay_later: [
    ...COMMON,
    'signed start[institution,manager] free_use',
    'free_use opt_out[company] returned',
    'free_use trigger[system] paying',
    'paying fall_overdue[system] overdue',
    'overdue settle[system] paying',
    'defaulted settle[system] paying',
    'overdue default[system] defaulted',
    'defaulted terminate[institution,manager] terminated',
    'paying complete[system,institution] completed',
  ],
  rights_for_equity: [
    ...COMMON,
    'signed value[institution,manager] valued',
    'valued take_equity[institution] holding',
    'holding exit[institution] exited',
  ],
  rights_grant: [...COMMON, 'signed grant[institution] granted', 'granted complete[institution] completed'],
  joint_development: [
    ...COMMON,
    'signed start[institution,manager] active',
    'active complete[institution,company,manager] completed',
    'active terminate[institution,manager] terminated',
  ],
};

/** `type from action actor` → the status it leads to. */
function expectedSteps(type: DealType): Map<string, string> {
  const steps = new Map<string, string>();
  for (const line of ALLOWED[type]) {
    const [, from, action, actors, to] = /^(\S+) (\S+)\[([^\]]+)\] (\S+)$/.exec(line)!;
    for (const actor of actors.split(',')) steps.set(`${from} ${action} ${actor}`, to);
  }
  return steps;
}

describe('dealTransition', () => {
  describe.each(DEAL_TYPES)('a %s deal', (type) => {
    const expected = expectedSteps(type);
    const actionsOfType = new Set([...expected.keys()].map((key) => key.split(' ')[1]));

    it.each([...expected.entries()])('allows %s → %s', (key, to) => {
      const [from, action, actor] = key.split(' ') as [never, never, never];
      expect(dealTransition(type, from, action, actor)).toEqual({ ok: true, to });
    });

    it('refuses every other status, action and actor, with the reason', () => {
      let refused = 0;
      for (const from of DEAL_STATUSES) {
        for (const action of DEAL_ACTIONS) {
          for (const actor of DEAL_ACTORS) {
            if (expected.has(`${from} ${action} ${actor}`)) continue;
            const result = dealTransition(type, from, action, actor);
            expect(result.ok).toBe(false);
            if (result.ok) continue;
            if (!actionsOfType.has(action)) {
              expect(result.reason).toBe('unknown_action');
            } else {
              const byActor = [...expected.keys()].some((k) => k.endsWith(` ${action} ${actor}`));
              expect(result.reason).toBe(byActor ? 'wrong_status' : 'not_allowed_for_actor');
            }
            refused += 1;
          }
        }
      }
      expect(refused).toBe(DEAL_STATUSES.length * DEAL_ACTIONS.length * DEAL_ACTORS.length - expected.size);
    });
  });

  it('explains a refusal in words', () => {
    expect(dealTransition('use_first_pay_later', 'paying', 'opt_out', 'company')).toEqual({
      ok: false,
      reason: 'wrong_status',
      message: 'cannot opt_out a deal that is paying (only from free_use)',
    });
    expect(dealTransition('transfer', 'signed', 'opt_out', 'company')).toMatchObject({ reason: 'unknown_action' });
  });
});

describe('isManualAction', () => {
  it('keeps the platform-only steps away from the api', () => {
    expect(isManualAction('use_first_pay_later', 'trigger')).toBe(false);
    expect(isManualAction('use_first_pay_later', 'agree')).toBe(false);
    expect(isManualAction('use_first_pay_later', 'opt_out')).toBe(true);
    expect(isManualAction('transfer', 'opt_out')).toBe(false);
  });
});

describe('actionsFor', () => {
  it('offers each party exactly the manual steps the table allows it from the status', () => {
    expect(actionsFor('use_first_pay_later', 'agreed', 'institution')).toEqual(['sign', 'cancel']);
    expect(actionsFor('use_first_pay_later', 'agreed', 'company')).toEqual(['cancel']);
    expect(actionsFor('use_first_pay_later', 'signed', 'manager')).toEqual(['start']);
    expect(actionsFor('use_first_pay_later', 'free_use', 'company')).toEqual(['opt_out']);
    expect(actionsFor('use_first_pay_later', 'free_use', 'institution')).toEqual([]);
    expect(actionsFor('use_first_pay_later', 'defaulted', 'institution')).toEqual(['terminate']);
    expect(actionsFor('use_first_pay_later', 'negotiating', 'system')).toEqual([]);
  });

  it('leaves out the steps recorded through their own endpoints', () => {
    expect(actionsFor('rights_for_equity', 'signed', 'institution')).toEqual([]);
    expect(actionsFor('rights_for_equity', 'holding', 'institution')).toEqual(['exit']);
    expect(actionsFor('rights_grant', 'signed', 'institution')).toEqual([]);
    expect(actionsFor('rights_grant', 'granted', 'institution')).toEqual(['complete']);
  });

  it('agrees with dealTransition on every type, status and actor', () => {
    for (const type of DEAL_TYPES) {
      for (const status of DEAL_STATUSES) {
        for (const actor of DEAL_ACTORS) {
          for (const action of actionsFor(type, status, actor)) {
            expect(dealTransition(type, status, action, actor).ok).toBe(true);
            expect(isManualAction(type, action)).toBe(true);
          }
        }
      }
    }
  });
});
