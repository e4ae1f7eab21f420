import Decimal from 'decimal.js';

/** Amounts in yuan: up to 12 integer digits and 2 decimals, never negative (numeric(14,2)). */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Percentages from 0 to 100 with up to 4 decimals (numeric(7,4)), e.g. "80", "12.5", "3.25". */
export const PERCENT_PATTERN = /^(0|[1-9]\d{0,2})(\.\d{1,4})?$/;

const HUNDRED = new Decimal(100);

export function isAmount(value: unknown): value is string {
  return typeof value === 'string' && AMOUNT_PATTERN.test(value);
}

export function isPercent(value: unknown): value is string {
  return typeof value === 'string' && PERCENT_PATTERN.test(value) && new Decimal(value).lte(HUNDRED);
}

/** Parses an amount already checked with isAmount (throws on anything else: a programming error). */
export function amount(value: string): Decimal {
  if (!isAmount(value)) throw new Error(`not an amount: ${String(value)}`);
  return new Decimal(value);
}

/** Canonical text of an amount: two decimals, as PostgreSQL returns numeric(14,2). */
export function yuan(value: Decimal): string {
  return value.toFixed(2);
}

/** A percentage as a fraction (12.5 → 0.125). */
export function fraction(percent: string): Decimal {
  return new Decimal(percent).div(HUNDRED);
}

/** Rounds to whole fen (0.01 yuan), half up. */
export function toFen(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Rounds down to whole fen: a share computed this way never exceeds its exact value. */
export function downToFen(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_DOWN);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

/**
 * Splits `total` (whole fen) in proportion to `weights` by the largest-remainder method:
 * each part gets the fen its exact share rounds down to, and the fen left over go one
 * each to the parts with the largest dropped fractions (the earlier part on a tie).
 * The parts always sum exactly to `total`.
 */
export function allocate(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (!total.isFinite() || total.isNegative() || !total.times(100).isInteger()) {
    throw new Error(`allocate: total must be a non-negative amount in whole fen, got ${total.toString()}`);
  }
  if (weights.length === 0) throw new Error('allocate: at least one weight is needed');
  if (weights.some((w) => !w.isFinite() || w.isNegative())) throw new Error('allocate: weights must be non-negative');
  const weightSum = sum(weights);
  if (weightSum.isZero()) throw new Error('allocate: weights must not all be zero');

  const fen = total.times(100);
  const exact = weights.map((w) => fen.times(w).div(weightSum));
  const parts = exact.map((e) => e.floor());
  let left = fen.minus(sum(parts)).toNumber(); // a small whole number: fewer than weights.length
  const order = exact
    .map((e, index) => ({ index, dropped: e.minus(e.floor()) }))
    .sort((a, b) => b.dropped.comparedTo(a.dropped) || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    parts[index] = parts[index].plus(1);
    left -= 1;
  }
  return parts.map((p) => p.div(100));
}
