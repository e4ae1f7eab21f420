import Decimal from 'decimal.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** A group of up to four digits in capitals, without leading or trailing zeros. */
function group(value: number): string {
  let out = '';
  let zero = false;
  for (let position = 3; position >= 0; position -= 1) {
    const digit = Math.floor(value / 10 ** position) % 10;
    if (digit === 0) {
      zero = out !== '';
    } else {
      out += (zero ? DIGITS[0] : '') + DIGITS[digit] + SMALL_UNITS[position];
      zero = false;
    }
  }
  return out;
}

/**
 * An amount in yuan written in Chinese capitals (大写), as contracts and the technology-contract
 * registration form require: 100000.50 → 人民币壹拾万元伍角整 is written 人民币壹拾万元伍角.
 */
export function chineseAmount(amount: Decimal): string {
  if (amount.isNegative() || !amount.times(100).isInteger() || amount.gte('1e16')) {
    throw new Error(`chineseAmount: not an amount in fen: ${amount.toString()}`);
  }
  const fen = amount.times(100).toNumber();
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;

  let integer = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
    let pendingZero = false;
    for (let i = groups.length - 1; i >= 0; i -= 1) {
      const value = groups[i];
      if (value === 0) {
        pendingZero = integer !== '';
        continue;
      }
      // A zero is written where zeros separate two digits: a group under 1000, or after a group ending in 0.
      const needsZero = integer !== '' && (pendingZero || value < 1000 || groups[i + 1] % 10 === 0);
      integer += (needsZero ? DIGITS[0] : '') + group(value) + BIG_UNITS[i];
      pendingZero = false;
    }
    integer += '元';
  }
  let fraction = '';
  if (jiao > 0) fraction += DIGITS[jiao] + '角';
  if (cents > 0) fraction += (jiao === 0 && yuan > 0 ? DIGITS[0] : '') + DIGITS[cents] + '分';
  if (yuan === 0 && fraction === '') return '人民币零元整';
  return `人民币${integer}${fraction === '' || cents === 0 ? fraction + '整' : fraction}`;
}
