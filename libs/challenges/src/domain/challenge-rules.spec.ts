import {
  acceptsProposals,
  criteriaProblems,
  extensionRefusal,
  inJudging,
  proposalStep,
  reminderTimes,
  weightedScore,
} from './challenge-rules';

const deadline = new Date('2027-03-01T10:00:00Z');
const before = new Date('2027-02-28T10:00:00Z');
const after = new Date('2027-03-01T10:00:01Z');
const open = { status: 'open' as const, deadline };

describe('criteriaProblems', () => {
  it('accepts unique names whose weights add up to 100', () => {
    expect(
      criteriaProblems([
        { name: '技术指标', weight: 60 },
        { name: '报价', weight: 40 },
      ]),
    ).toEqual([]);
  });

  it('names the weights when they do not add up to 100, and a name used twice', () => {
    expect(
      criteriaProblems([
        { name: '报价', weight: 60 },
        { name: ' 报价', weight: 30 },
      ]),
    ).toEqual([
      { field: 'criteria[1].name', message: 'criterion "报价" is named twice' },
      { field: 'criteria', message: 'the weights must add up to 100, not 90' },
    ]);
  });
});

describe('acceptsProposals and inJudging', () => {
  it('takes proposals until the deadline and judges from it on, while open', () => {
    expect(acceptsProposals('open', deadline, before)).toBe(true);
    expect(acceptsProposals('open', deadline, deadline)).toBe(false);
    expect(inJudging('open', deadline, deadline)).toBe(true);
    expect(inJudging('open', deadline, before)).toBe(false);
    expect(inJudging('awarded', deadline, after)).toBe(false);
    expect(acceptsProposals('unawarded', deadline, before)).toBe(false);
  });
});

describe('proposalStep', () => {
  it('revises and withdraws a submitted proposal before the deadline only', () => {
    expect(proposalStep(open, 'submitted', 'revise', before)).toEqual({ ok: true, to: 'submitted' });
    expect(proposalStep(open, 'submitted', 'withdraw', before)).toEqual({ ok: true, to: 'withdrawn' });
    expect(proposalStep(open, 'submitted', 'withdraw', after)).toMatchObject({ ok: false, reason: 'closed' });
    expect(proposalStep(open, 'withdrawn', 'revise', before)).toMatchObject({ ok: false, reason: 'wrong_status' });
  });

  it('judges only after the deadline and only proposals in the running', () => {
    expect(proposalStep(open, 'submitted', 'shortlist', before)).toMatchObject({ ok: false, reason: 'not_yet' });
    expect(proposalStep(open, 'submitted', 'shortlist', after)).toEqual({ ok: true, to: 'shortlisted' });
    expect(proposalStep(open, 'shortlisted', 'decline', after)).toEqual({ ok: true, to: 'declined' });
    expect(proposalStep(open, 'shortlisted', 'win', after)).toEqual({ ok: true, to: 'won' });
    expect(proposalStep(open, 'withdrawn', 'win', after)).toMatchObject({ ok: false, reason: 'wrong_status' });
    expect(proposalStep(open, 'declined', 'decline', after)).toMatchObject({ ok: false, reason: 'wrong_status' });
    expect(proposalStep({ status: 'awarded', deadline }, 'submitted', 'decline', after)).toMatchObject({
      ok: false,
      reason: 'closed',
    });
  });
});

describe('extensionRefusal', () => {
  const later = new Date('2027-04-01T10:00:00Z');
  const challenge = { ...open, extended: false };

  it('extends once, after the deadline, with no proposal, to a future moment', () => {
    expect(extensionRefusal(challenge, 0, later, after)).toBeNull();
    expect(extensionRefusal(challenge, 0, later, before)).toMatchObject({ reason: 'not_yet' });
    expect(extensionRefusal(challenge, 1, later, after)).toMatchObject({ reason: 'wrong_status' });
    expect(extensionRefusal({ ...challenge, extended: true }, 0, later, after)?.message).toContain('only once');
    expect(extensionRefusal(challenge, 0, before, after)?.message).toContain('future');
  });
});

describe('weightedScore', () => {
  const criteria = [
    { name: '技术', weight: 60 },
    { name: '报价', weight: 40 },
  ];

  it('weighs the mean of each criterion’s scores', () => {
    const scores = [
      { criterion: '技术', score: 8 },
      { criterion: '技术', score: 6 },
      { criterion: '报价', score: 9 },
    ];
    expect(weightedScore(criteria, scores)).toBe(7.8);
  });

  it('weighs only the criteria scored so far, and is null before any score', () => {
    expect(weightedScore(criteria, [{ criterion: '报价', score: 5 }])).toBe(5);
    expect(weightedScore(criteria, [])).toBeNull();
  });
});

describe('reminderTimes', () => {
  it('reminds three days and one day before, when those moments are still ahead', () => {
    const day = 24 * 3600 * 1000;
    expect(reminderTimes(deadline, new Date(deadline.getTime() - 10 * day))).toEqual([
      new Date(deadline.getTime() - 3 * day),
      new Date(deadline.getTime() - day),
    ]);
    expect(reminderTimes(deadline, new Date(deadline.getTime() - 2 * day))).toEqual([
      new Date(deadline.getTime() - day),
    ]);
    expect(reminderTimes(deadline, new Date(deadline.getTime() - 3600 * 1000))).toEqual([]);
  });
});
