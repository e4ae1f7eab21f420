import Decimal from 'decimal.js';
import fc from 'fast-check';
import { fenAmount } from '../../test/arbitraries';
import { allocate, isAmount, isPercent, sum, yuan } from './money';

describe('money', () => {
  describe('isAmount', () => {
    it('accepts non-negative yuan with at most two decimals', () => {
      expect(['0', '0.01', '12', '999999999999.99'].filter(isAmount)).toHaveLength(4);
    });

    it('refuses negative, over-precise, exponent and oversized amounts', () => {
      expect(['-1', '1.001', '1e3', '1000000000000', '01', '', ' 1'].filter(isAmount)).toEqual([]);
      expect(isAmount(5)).toBe(false);
    });
  });

  describe('isPercent', () => {
    it('accepts 0 to 100 with up to four decimals', () => {
      expect(['0', '80', '100', '12.3456'].filter(isPercent)).toHaveLength(4);
    });

    it('refuses more than 100, negatives and five decimals', () => {
      expect(['100.0001', '101', '-1', '1.23456', '80%'].filter(isPercent)).toEqual([]);
    });
  });

  describe('allocate', () => {
    it('hands the leftover fen to the largest remainders', () => {
      expect(
        allocate(
          new Decimal('100'),
          [1, 1, 1].map((w) => new Decimal(w)),
        ).map(yuan),
      ).toEqual(['33.34', '33.33', '33.33']);
      expect(allocate(new Decimal('0.05'), [new Decimal(1), new Decimal(3)]).map(yuan)).toEqual(['0.01', '0.04']);
    });

    it('gives nothing to a zero weight', () => {
      expect(allocate(new Decimal('10'), [new Decimal(0), new Decimal(2)]).map(yuan)).toEqual(['0.00', '10.00']);
    });

    it('refuses sub-fen totals, negative weights and all-zero weights', () => {
      expect(() => allocate(new Decimal('1.005'), [new Decimal(1)])).toThrow(/whole fen/);
      expect(() => allocate(new Decimal('1'), [new Decimal(-1), new Decimal(2)])).toThrow(/non-negative/);
      expect(() => allocate(new Decimal('1'), [new Decimal(0)])).toThrow(/zero/);
    });

    it('always sums exactly to the total, with each part within one fen of its exact share', () => {
      fc.assert(
        fc.property(
          fenAmount(),
          fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
          (total, rawWeights) => {
            fc.pre(rawWeights.some((w) => w > 0));
            const weights = rawWeights.map((w) => new Decimal(w));
            const parts = allocate(total, weights);
            const weightSum = sum(weights);
            expect(sum(parts).equals(total)).toBe(true);
            parts.forEach((part, i) => {
              expect(part.times(100).isInteger()).toBe(true);
              expect(part.minus(total.times(weights[i]).div(weightSum)).abs().lt('0.01')).toBe(true);
            });
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
