import Decimal from 'decimal.js';
import { allocate, downToFen, fraction, sum } from './money';

/**
 * An institution's income distribution policy (收益分配): the research team receives at
 * least `teamFloorPercent` of the income left after costs, the institution at most
 * `institutionCapPercent`. Whatever the cap does not give the institution goes to the team.
 */
export interface IncomePolicy {
  teamFloorPercent: string;
  institutionCapPercent: string;
}

export const DEFAULT_POLICY: IncomePolicy = { teamFloorPercent: '80', institutionCapPercent: '20' };

export interface Contribution {
  researcherId: string;
  /** Percentage of the team's share; the shares of a deal sum to 100. */
  sharePercent: string;
}

export interface IncomeSplit {
  costRecovery: Decimal;
  institution: Decimal;
  team: Decimal;
  researchers: { researcherId: string; amount: Decimal }[];
}

/** Why a policy cannot be used, or null. */
export function policyProblem(policy: IncomePolicy): string | null {
  const floor = new Decimal(policy.teamFloorPercent);
  const cap = new Decimal(policy.institutionCapPercent);
  if (floor.plus(cap).gt(100)) return 'teamFloorPercent and institutionCapPercent must not add up to more than 100';
  return null;
}

/** Why these contributions cannot split a team share, or null: at least one, each once, summing to 100. */
export function contributionProblem(contributions: readonly Contribution[]): string | null {
  if (contributions.length === 0) return 'at least one researcher must be named';
  if (new Set(contributions.map((c) => c.researcherId)).size !== contributions.length) {
    return 'each researcher may be named once';
  }
  const total = sum(contributions.map((c) => new Decimal(c.sharePercent)));
  if (!total.equals(100)) return `shares must add up to 100, not ${total.toString()}`;
  return null;
}

/**
 * Splits one income event: recoverable costs first (up to what is still outstanding), then
 * the institution's share (its cap, rounded down to the fen so it never exceeds the cap),
 * the rest to the research team, divided per researcher by contribution with the
 * largest-remainder method. Every part is in whole fen and the parts sum to `total`.
 */
export function splitIncome(
  total: Decimal,
  costsOutstanding: Decimal,
  policy: IncomePolicy,
  contributions: readonly Contribution[],
): IncomeSplit {
  const problem = policyProblem(policy) ?? contributionProblem(contributions);
  if (problem) throw new Error(`splitIncome: ${problem}`);
  const costRecovery = Decimal.min(total, Decimal.max(costsOutstanding, 0));
  const rest = total.minus(costRecovery);
  const institution = downToFen(rest.times(fraction(policy.institutionCapPercent)));
  const team = rest.minus(institution);
  const amounts = allocate(
    team,
    contributions.map((c) => new Decimal(c.sharePercent)),
  );
  return {
    costRecovery,
    institution,
    team,
    researchers: contributions.map((c, i) => ({ researcherId: c.researcherId, amount: amounts[i] })),
  };
}
