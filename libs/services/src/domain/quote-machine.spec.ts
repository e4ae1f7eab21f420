import { actionsFor, QUOTE_ACTIONS, QUOTE_STATUSES, quoteStep } from './quote-machine';

describe('quoteStep', () => {
  it('runs requested → quoted → accepted → completed with the right side at each step', () => {
    expect(quoteStep('requested', 'quote', 'platform')).toEqual({ ok: true, to: 'quoted' });
    expect(quoteStep('quoted', 'accept', 'requester')).toEqual({ ok: true, to: 'accepted' });
    expect(quoteStep('accepted', 'complete', 'platform')).toEqual({ ok: true, to: 'completed' });
  });

  it('lets either side decline before acceptance, and neither after', () => {
    for (const side of ['requester', 'platform'] as const) {
      expect(quoteStep('requested', 'decline', side)).toEqual({ ok: true, to: 'declined' });
      expect(quoteStep('quoted', 'decline', side)).toEqual({ ok: true, to: 'declined' });
      expect(quoteStep('accepted', 'decline', side)).toMatchObject({ ok: false, kind: 'wrong_state' });
    }
  });

  it('refuses a step by the wrong side before looking at the state', () => {
    expect(quoteStep('requested', 'quote', 'requester')).toMatchObject({ ok: false, kind: 'wrong_side' });
    expect(quoteStep('quoted', 'accept', 'platform')).toMatchObject({ ok: false, kind: 'wrong_side' });
    expect(quoteStep('accepted', 'complete', 'requester')).toMatchObject({ ok: false, kind: 'wrong_side' });
  });

  it('leaves completed and declined quotes final', () => {
    for (const status of ['completed', 'declined'] as const) {
      for (const action of QUOTE_ACTIONS) {
        for (const side of ['requester', 'platform'] as const) {
          expect(quoteStep(status, action, side).ok).toBe(false);
        }
      }
    }
  });
});

describe('actionsFor', () => {
  it('offers each side exactly the steps it may take', () => {
    expect(actionsFor('requested', 'platform')).toEqual(['quote', 'decline']);
    expect(actionsFor('requested', 'requester')).toEqual(['decline']);
    expect(actionsFor('quoted', 'requester')).toEqual(['accept', 'decline']);
    expect(actionsFor('accepted', 'platform')).toEqual(['complete']);
    expect(
      QUOTE_STATUSES.filter((s) => actionsFor(s, 'requester').length + actionsFor(s, 'platform').length === 0),
    ).toEqual(['completed', 'declined']);
  });
});
