import Decimal from 'decimal.js';
import fc from 'fast-check';

/** A random amount in whole fen, as decimal.js would read it from PostgreSQL. */
export const fenAmount = (max = 99_999_999_999_999): fc.Arbitrary<Decimal> =>
  fc.integer({ min: 0, max: Math.min(max, Number.MAX_SAFE_INTEGER) }).map((fen) => new Decimal(fen).div(100));
