import Decimal from 'decimal.js';
import { addDays, addMonths, daysBetween } from './dates';
import { allocate, fraction, sum, toFen } from './money';

/** What starts payment under a use-first-pay-later licence. */
export const TRIGGER_KINDS = ['date', 'first_revenue', 'revenue_threshold'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** How the licensee pays once the trigger is reached. */
export const PAYMENT_MODES = ['lump_sum', 'instalments', 'royalty', 'entry_fee_royalty'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** The agreed terms of a use-first-pay-later licence, money as decimals. */
export interface UfplTerms {
  /** Last day of free use. */
  freeUntil: string;
  trigger:
    { kind: 'date'; date: string } | { kind: 'first_revenue' } | { kind: 'revenue_threshold'; threshold: Decimal };
  mode: PaymentMode;
  /** lump_sum and instalments: the whole fee. */
  fee: Decimal | null;
  /** instalments: how many, and months between due dates. */
  instalmentCount: number | null;
  intervalMonths: number | null;
  /** entry_fee_royalty: the fee due at the trigger. */
  entryFee: Decimal | null;
  /** royalty and entry_fee_royalty: percentage of reported revenue, and the optional cap on all royalties. */
  royaltyPercent: string | null;
  royaltyCap: Decimal | null;
  /** Days after the trigger that the first (or only) payment falls due. */
  dueDays: number;
  /** Days after a due date before an unpaid amount puts the licence in default. */
  graceDays: number;
}

export interface RevenueFact {
  periodEnd: string;
  revenue: Decimal;
}

/**
 * The date the payment trigger was reached, or null when it has not been yet. Payment never
 * starts before the free-use period has ended: a trigger reached earlier counts from its end.
 */
export function triggerDate(terms: UfplTerms, today: string, reports: readonly RevenueFact[]): string | null {
  const afterFree = addDays(terms.freeUntil, 1);
  const notBeforeFree = (date: string): string => (daysBetween(afterFree, date) < 0 ? afterFree : date);
  const ordered = [...reports].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  let reached: string | null = null;
  switch (terms.trigger.kind) {
    case 'date':
      reached = terms.trigger.date;
      break;
    case 'first_revenue':
      reached = ordered.find((r) => r.revenue.gt(0))?.periodEnd ?? null;
      break;
    case 'revenue_threshold': {
      let cumulative = new Decimal(0);
      for (const report of ordered) {
        cumulative = cumulative.plus(report.revenue);
        if (cumulative.gte(terms.trigger.threshold)) {
          reached = report.periodEnd;
          break;
        }
      }
      break;
    }
  }
  if (reached === null) return null;
  const effective = notBeforeFree(reached);
  return daysBetween(effective, today) >= 0 ? effective : null;
}

export type ScheduleKind = 'lump_sum' | 'instalment' | 'entry_fee' | 'royalty';

export interface ScheduledPayment {
  seq: number;
  kind: ScheduleKind;
  amount: Decimal;
  dueOn: string;
}

/**
 * Equal instalments of `total`, `intervalMonths` apart from `firstDue`; the fen that do not
 * divide evenly go to the earliest instalments, so the parts sum exactly to the total.
 */
export function instalmentSchedule(
  total: Decimal,
  count: number,
  firstDue: string,
  intervalMonths: number,
): ScheduledPayment[] {
  if (!Number.isInteger(count) || count < 1) throw new Error('instalment count must be a positive whole number');
  const parts = allocate(
    total,
    Array.from({ length: count }, () => new Decimal(1)),
  );
  return parts.map((amount, i) => ({
    seq: i + 1,
    kind: 'instalment',
    amount,
    dueOn: addMonths(firstDue, i * intervalMonths),
  }));
}

/** What falls due when the trigger is reached on `triggeredOn` (royalties follow revenue reports). */
export function paymentsAtTrigger(terms: UfplTerms, triggeredOn: string): ScheduledPayment[] {
  const firstDue = addDays(triggeredOn, terms.dueDays);
  switch (terms.mode) {
    case 'lump_sum':
      return [{ seq: 1, kind: 'lump_sum', amount: terms.fee!, dueOn: firstDue }];
    case 'instalments':
      return instalmentSchedule(terms.fee!, terms.instalmentCount!, firstDue, terms.intervalMonths!);
    case 'entry_fee_royalty':
      return [{ seq: 1, kind: 'entry_fee', amount: terms.entryFee!, dueOn: firstDue }];
    case 'royalty':
      return [];
  }
}

export function hasRoyalty(mode: PaymentMode): boolean {
  return mode === 'royalty' || mode === 'entry_fee_royalty';
}

/**
 * The royalty on one period's revenue: the percentage of it rounded half up to the fen,
 * and no more than what is left under the cap after the royalties already charged.
 */
export function royaltyDue(revenue: Decimal, percent: string, cap: Decimal | null, chargedSoFar: Decimal): Decimal {
  const due = toFen(revenue.times(fraction(percent)));
  if (cap === null) return due;
  const room = Decimal.max(cap.minus(chargedSoFar), 0);
  return Decimal.min(due, room);
}

/** Where an unpaid amount stands on `today`: before or on its due date, within grace, or in default. */
export function standing(dueOn: string, today: string, graceDays: number): 'current' | 'overdue' | 'defaulted' {
  const late = daysBetween(dueOn, today);
  if (late <= 0) return 'current';
  return late <= graceDays ? 'overdue' : 'defaulted';
}

/** The total of a schedule (for checks and statements). */
export function scheduleTotal(payments: readonly ScheduledPayment[]): Decimal {
  return sum(payments.map((p) => p.amount));
}
