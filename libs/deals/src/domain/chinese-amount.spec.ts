import Decimal from 'decimal.js';
import { chineseAmount } from './chinese-amount';

describe('chineseAmount', () => {
  it.each([
    ['0', '人民币零元整'],
    ['0.05', '人民币伍分'],
    ['0.50', '人民币伍角整'],
    ['1', '人民币壹元整'],
    ['10', '人民币壹拾元整'],
    ['105', '人民币壹佰零伍元整'],
    ['1000.01', '人民币壹仟元零壹分'],
    ['60000', '人民币陆万元整'],
    ['100000.50', '人民币壹拾万元伍角整'],
    ['15000', '人民币壹万伍仟元整'],
    ['105000', '人民币壹拾万零伍仟元整'],
    ['1010000', '人民币壹佰零壹万元整'],
    ['10005000', '人民币壹仟万零伍仟元整'],
    ['3000000.25', '人民币叁佰万元贰角伍分'],
    ['100000001', '人民币壹亿零壹元整'],
    ['130000000000', '人民币壹仟叁佰亿元整'],
  ])('writes %s as %s', (amount, words) => {
    expect(chineseAmount(new Decimal(amount))).toBe(words);
  });

  it('refuses negative and sub-fen amounts', () => {
    expect(() => chineseAmount(new Decimal('-1'))).toThrow();
    expect(() => chineseAmount(new Decimal('0.001'))).toThrow();
  });
});
