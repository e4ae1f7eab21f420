import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { setLanguage } from './i18n';
import { formatMoney, formatMoneyRange, formatRate } from './format';

describe('formatMoney', () => {
  describe('in Chinese', () => {
    beforeEach(() => setLanguage('zh'));

    it('writes amounts below ten thousand in 元 and from there in 万元', () => {
      expect(formatMoney('8000')).toBe('8,000 元');
      expect(formatMoney('9999.99')).toBe('9,999.99 元');
      expect(formatMoney('10000')).toBe('1 万元');
      expect(formatMoney('125000.00')).toBe('12.5 万元');
      expect(formatMoney('3000000')).toBe('300 万元');
    });

    it('rounds 万元 to two decimals from the decimal string, not through a float', () => {
      expect(formatMoney('12345678.90')).toBe('1,234.57 万元');
      expect(formatMoney('0.10')).toBe('0.1 元');
      expect(formatMoney('-25000')).toBe('-2.5 万元');
    });

    it('writes a hundred million and more in 亿元', () => {
      expect(formatMoney('130000000000')).toBe('1,300 亿元');
      expect(formatMoney('99999999')).toBe('10,000 万元');
      expect(formatMoney('250000000')).toBe('2.5 亿元');
    });

    it('shows a dash for nothing and the text itself for what is not a number', () => {
      expect(formatMoney(null)).toBe('—');
      expect(formatMoney('')).toBe('—');
      expect(formatMoney('about 5k')).toBe('about 5k');
    });
  });

  describe('in English', () => {
    beforeEach(() => setLanguage('en'));
    afterAll(() => setLanguage('zh'));

    it('writes yuan as a currency with at most two decimals', () => {
      expect(formatMoney('125000')).toMatch(/^CN¥125,000(\.00)?$/);
      expect(formatMoney('8000.5')).toMatch(/^CN¥8,000\.50?$/);
    });

    it('writes a hundred million and more in billions', () => {
      expect(formatMoney('130000000000')).toBe('CN¥130B');
    });
  });
});

describe('formatRate', () => {
  it('writes the api percentages with at most two decimals', () => {
    expect(formatRate('6.67')).toBe('6.67%');
    expect(formatRate('100.00')).toBe('100%');
    expect(formatRate('12.50')).toBe('12.5%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('formatMoneyRange', () => {
  beforeEach(() => setLanguage('zh'));

  it('writes both ends, one end, one amount or the word for neither', () => {
    expect(formatMoneyRange('100000', '500000', '面议')).toBe('10 万元 – 50 万元');
    expect(formatMoneyRange('100000', null, '面议')).toBe('≥ 10 万元');
    expect(formatMoneyRange(null, '5000', '面议')).toBe('≤ 5,000 元');
    expect(formatMoneyRange('20000', '20000', '面议')).toBe('2 万元');
    expect(formatMoneyRange(null, null, '面议')).toBe('面议');
  });
});
