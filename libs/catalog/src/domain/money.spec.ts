import { canonicalAmount, isAmount, rangeProblem, wholeYuanBound } from './money';

describe('money', () => {
  describe('isAmount', () => {
    it('accepts non-negative yuan amounts with up to two decimals', () => {
      expect(['0', '12', '500000.5', '999999999999.99'].every(isAmount)).toBe(true);
    });

    it('refuses negatives, three decimals, numbers, leading zeros and overflow', () => {
      expect(['-1', '1.005', '01', '1e5', '1000000000000', '', ' 1'].some(isAmount)).toBe(false);
      expect(isAmount(12)).toBe(false);
    });
  });

  describe('canonicalAmount', () => {
    it('writes two decimals without going through a float', () => {
      expect(canonicalAmount('0.1')).toBe('0.10');
      expect(canonicalAmount('999999999999.99')).toBe('999999999999.99');
    });
  });

  describe('rangeProblem', () => {
    it('accepts an ordered or half-open range', () => {
      expect(rangeProblem('100', '100.00', 'budgetMin', 'budgetMax')).toBeNull();
      expect(rangeProblem(null, '5', 'budgetMin', 'budgetMax')).toBeNull();
      expect(rangeProblem('5', undefined, 'budgetMin', 'budgetMax')).toBeNull();
    });

    it('names the minimum when it exceeds the maximum, compared as decimals', () => {
      expect(rangeProblem('100.01', '100', 'budgetMin', 'budgetMax')).toEqual({
        field: 'budgetMin',
        message: 'budgetMin must not be greater than budgetMax',
      });
      expect(rangeProblem('9', '10', 'priceMin', 'priceMax')).toBeNull();
    });
  });

  describe('wholeYuanBound', () => {
    it('rounds outwards: down for a lower bound, up for an upper one', () => {
      expect(wholeYuanBound('100.01', 'down')).toBe(100);
      expect(wholeYuanBound('100.01', 'up')).toBe(101);
      expect(wholeYuanBound('999999999999.99', 'up')).toBe(1_000_000_000_000);
    });
  });
});
