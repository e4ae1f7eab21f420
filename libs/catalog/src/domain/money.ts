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

/**
 * An amount as a whole-yuan bound for the search index's range filters (which hold plain
 * numbers): rounded outwards, so a filter never drops a listing the decimal range would keep.
 * Never used for arithmetic on money; the decimal stays in PostgreSQL.
 */
export function wholeYuanBound(value: string, round: 'down' | 'up'): number {
  const decimal = new Decimal(value);
  return (round === 'down' ? decimal.floor() : decimal.ceil()).toNumber();
}
