import Decimal from 'decimal.js';

/** Amounts in yuan: up to 12 integer digits and 2 decimals, never negative (numeric(14,2)). */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export function isAmount(value: unknown): value is string {
  return typeof value === 'string' && AMOUNT_PATTERN.test(value);
}

/** Canonical text of an amount (two decimals), as PostgreSQL returns numeric(14,2). */
export function canonicalAmount(value: string): string {
  return new Decimal(value).toFixed(2);
}

export interface RangeProblem {
  field: string;
  message: string;
}

/**
 * A price or budget range is either open on one side or ordered: the minimum may not
 * exceed the maximum. Returns the problem naming the minimum's field, or null.
 */
export function rangeProblem(
  min: string | null | undefined,
  max: string | null | undefined,
  minField: string,
  maxField: string,
): RangeProblem | null {
  if (min == null || max == null) return null;
  if (!isAmount(min) || !isAmount(max)) return null; // malformed amounts are reported on their own
  if (new Decimal(min).greaterThan(new Decimal(max))) {
    return { field: minField, message: `${minField} must not be greater than ${maxField}` };
  }
  return null;
}

/** Whether [aMin, aMax] and [bMin, bMax] overlap; an absent bound is open. */
export function rangesOverlap(
  aMin: string | null,
  aMax: string | null,
  bMin: string | null,
  bMax: string | null,
): boolean {
  if (aMax != null && bMin != null && new Decimal(aMax).lessThan(bMin)) return false;
  if (bMax != null && aMin != null && new Decimal(bMax).lessThan(aMin)) return false;
  return true;
}
