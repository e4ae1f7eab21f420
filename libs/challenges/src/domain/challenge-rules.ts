/**
 * The rules of an open challenge (揭榜挂帅) and its proposals (揭榜方案), as plain functions over
 * plain data. The time is always passed in, so every rule is decided for an explicit moment.
 */

/** How the company wants to take the result up. */
export const CHALLENGE_FORMS = ['licence', 'transfer', 'joint_development'] as const;
export type ChallengeForm = (typeof CHALLENGE_FORMS)[number];

/**
 * open: published (accepting proposals until its deadline, judged after it);
 * awarded: a winner was picked; unawarded: closed with no winner.
 */
export const CHALLENGE_STATUSES = ['open', 'awarded', 'unawarded'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const PROPOSAL_STATUSES = ['submitted', 'shortlisted', 'withdrawn', 'declined', 'won'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Why a proposal was not chosen; each team not chosen is told one of these, with a note. */
export const DECLINE_REASONS = [
  'criteria_not_met',
  'price_too_high',
  'timeline_too_long',
  'maturity_too_low',
  'other_proposal_better',
  'no_award',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_TEXTS: Record<DeclineReason, { zh: string; en: string }> = {
  criteria_not_met: { zh: '未达到评审标准', en: 'Does not meet the criteria' },
  price_too_high: { zh: '报价过高', en: 'Price too high' },
  timeline_too_long: { zh: '周期过长', en: 'Timeline too long' },
  maturity_too_low: { zh: '成熟度不足', en: 'Maturity too low' },
  other_proposal_better: { zh: '其他方案更合适', en: 'Another proposal fits better' },
  no_award: { zh: '本榜单不设揭榜方', en: 'No winner was chosen for this challenge' },
  other: { zh: '其他原因', en: 'Other reason' },
};

/** A criterion the company judges by: a name and a weight in percent; the weights add up to 100. */
export interface Criterion {
  name: string;
  weight: number;
}

/** A field and what is wrong with it. */
export interface Problem {
  field: string;
  message: string;
}

/** What is wrong with a list of criteria: names unique and non-empty, weights whole percents summing to 100. */
export function criteriaProblems(criteria: readonly Criterion[]): Problem[] {
  const problems: Problem[] = [];
  const names = new Set<string>();
  criteria.forEach((criterion, i) => {
    const name = criterion.name.trim();
    if (names.has(name)) problems.push({ field: `criteria[${i}].name`, message: `criterion "${name}" is named twice` });
    names.add(name);
  });
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length > 0 && total !== 100) {
    problems.push({ field: 'criteria', message: `the weights must add up to 100, not ${total}` });
  }
  return problems;
}

/** Whether proposals are still taken (and revised, withdrawn) at `now`. */
export function acceptsProposals(status: ChallengeStatus, deadline: Date, now: Date): boolean {
  return status === 'open' && now.getTime() < deadline.getTime();
}

/** Whether the company may judge at `now`: the deadline has passed and nothing is decided yet. */
export function inJudging(status: ChallengeStatus, deadline: Date, now: Date): boolean {
  return status === 'open' && now.getTime() >= deadline.getTime();
}

export type ProposalAction = 'revise' | 'withdraw' | 'shortlist' | 'decline' | 'win';

export type Refusal = { ok: false; reason: 'closed' | 'not_yet' | 'wrong_status'; message: string };

/** The status a proposal moves to by `action`, or why it may not at `now`. */
export function proposalStep(
  challenge: { status: ChallengeStatus; deadline: Date },
  proposal: ProposalStatus,
  action: ProposalAction,
  now: Date,
): { ok: true; to: ProposalStatus } | Refusal {
  const accepting = acceptsProposals(challenge.status, challenge.deadline, now);
  if (action === 'revise' || action === 'withdraw') {
    if (!accepting) {
      return { ok: false, reason: 'closed', message: 'the deadline for proposals has passed' };
    }
    if (proposal !== 'submitted') {
      return { ok: false, reason: 'wrong_status', message: `the proposal is ${proposal}` };
    }
    return { ok: true, to: action === 'revise' ? 'submitted' : 'withdrawn' };
  }
  if (!inJudging(challenge.status, challenge.deadline, now)) {
    return challenge.status === 'open'
      ? { ok: false, reason: 'not_yet', message: 'proposals are judged once the deadline has passed' }
      : { ok: false, reason: 'closed', message: `the challenge is ${challenge.status}` };
  }
  const from: Record<'shortlist' | 'decline' | 'win', readonly ProposalStatus[]> = {
    shortlist: ['submitted'],
    decline: ['submitted', 'shortlisted'],
    win: ['submitted', 'shortlisted'],
  };
  if (!from[action].includes(proposal)) {
    return { ok: false, reason: 'wrong_status', message: `a ${proposal} proposal cannot be ${action}ed` };
  }
  const to: Record<'shortlist' | 'decline' | 'win', ProposalStatus> = {
    shortlist: 'shortlisted',
    decline: 'declined',
    win: 'won',
  };
  return { ok: true, to: to[action] };
}

/** Whether the deadline may be moved to `newDeadline`: once, after it passed with no live proposal. */
export function extensionRefusal(
  challenge: { status: ChallengeStatus; deadline: Date; extended: boolean },
  liveProposals: number,
  newDeadline: Date,
  now: Date,
): Refusal | null {
  if (challenge.status !== 'open') {
    return { ok: false, reason: 'closed', message: `the challenge is ${challenge.status}` };
  }
  if (now.getTime() < challenge.deadline.getTime()) {
    return { ok: false, reason: 'not_yet', message: 'a challenge is extended only once its deadline has passed' };
  }
  if (liveProposals > 0) {
    return { ok: false, reason: 'wrong_status', message: 'a challenge with proposals is judged, not extended' };
  }
  if (challenge.extended) {
    return { ok: false, reason: 'wrong_status', message: 'a challenge may be extended only once' };
  }
  if (newDeadline.getTime() <= now.getTime()) {
    return { ok: false, reason: 'wrong_status', message: 'the new deadline must be in the future' };
  }
  return null;
}

/** A proposal's weighted score (0–10) from the scores given per criterion (each 0–10), averaged over scorers. */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: readonly { criterion: string; score: number }[],
): number | null {
  let total = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const given = scores.filter((s) => s.criterion === criterion.name);
    if (given.length === 0) continue;
    const mean = given.reduce((sum, s) => sum + s.score, 0) / given.length;
    total += mean * criterion.weight;
    weights += criterion.weight;
  }
  return weights === 0 ? null : Math.round((total / weights) * 100) / 100;
}

/** When reminders of a deadline go out: three days and one day before, those still ahead of `now`. */
export function reminderTimes(deadline: Date, now: Date): Date[] {
  const day = 24 * 3600 * 1000;
  return [3, 1].map((days) => new Date(deadline.getTime() - days * day)).filter((at) => at.getTime() > now.getTime());
}
