import { mayPropose, termSheetStep, type TermSheetState } from './term-sheet';

const offered: TermSheetState = { status: 'open', proposedBy: 'company', acceptedBy: [] };

describe('termSheetStep', () => {
  it('needs both sides to accept, in either order', () => {
    const first = termSheetStep(offered, { kind: 'accept', side: 'institution' });
    expect(first).toEqual({
      ok: true,
      agreed: false,
      state: { status: 'open', proposedBy: 'company', acceptedBy: ['institution'] },
    });
    if (!first.ok) return;
    const second = termSheetStep(first.state, { kind: 'accept', side: 'company' });
    expect(second).toEqual({
      ok: true,
      agreed: true,
      state: { status: 'accepted', proposedBy: 'company', acceptedBy: ['institution', 'company'] },
    });
  });

  it('refuses a second acceptance by the same side', () => {
    const state: TermSheetState = { ...offered, acceptedBy: ['company'] };
    expect(termSheetStep(state, { kind: 'accept', side: 'company' })).toMatchObject({
      ok: false,
      reason: 'already_accepted',
    });
  });

  it.each(['superseded', 'withdrawn', 'accepted'] as const)('refuses any step on a %s version', (status) => {
    for (const kind of ['accept', 'withdraw'] as const) {
      expect(termSheetStep({ ...offered, status }, { kind, side: 'company' })).toMatchObject({
        ok: false,
        reason: 'not_open',
      });
    }
  });

  it('lets only the proposer withdraw', () => {
    expect(termSheetStep(offered, { kind: 'withdraw', side: 'institution' })).toMatchObject({
      ok: false,
      reason: 'not_proposer',
    });
    expect(termSheetStep(offered, { kind: 'withdraw', side: 'company' })).toMatchObject({
      ok: true,
      state: { status: 'withdrawn' },
    });
  });
});

describe('mayPropose', () => {
  it('allows a first offer and counter-offers until a version is accepted', () => {
    expect(mayPropose(null)).toBe(true);
    expect(mayPropose(offered)).toBe(true);
    expect(mayPropose({ ...offered, status: 'withdrawn' })).toBe(true);
    expect(mayPropose({ ...offered, status: 'accepted', acceptedBy: ['company', 'institution'] })).toBe(false);
  });
});
