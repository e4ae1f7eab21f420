import { completeCreditCode, creditCodeCheckChar, isValidCreditCode } from './credit-code';

describe('creditCodeCheckChar', () => {
  it('computes the check character of the GB 32100 example code', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses letters outside the code alphabet', () => {
    expect(() => creditCodeCheckChar('9135010OM000100Y4')).toThrow(/not allowed/);
  });

  it('refuses a body of the wrong length', () => {
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
  });
});

describe('isValidCreditCode', () => {
  it('accepts a code with the right check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode(completeCreditCode('91500000MA5U000001'.slice(0, 17)))).toBe(true);
  });

  it('refuses a mistyped code', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
  });
});
