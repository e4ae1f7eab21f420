import { parsePeriod } from './period';
import { isChongqing, measure, percent } from './targets';

describe('measure', () => {
  it('compares a figure with its target as decimals', () => {
    expect(measure('65000000000.50', '130000000000')).toEqual({
      value: '65000000000.5',
      target: '130000000000',
      progressPercent: '50.00',
      met: false,
    });
    expect(measure(3500, 3500)).toMatchObject({ progressPercent: '100.00', met: true });
    // One manager of 3,500 is 0.0286%: rounded half up like every other percentage.
    expect(measure(1, 3500)).toMatchObject({ progressPercent: '0.03', met: false });
  });
});

describe('percent', () => {
  it('rounds half up to two decimals and is 0 without a whole', () => {
    expect(percent(1, 3)).toBe('33.33');
    expect(percent(2, 3)).toBe('66.67');
    expect(percent(1, 15)).toBe('6.67');
    expect(percent(1, 8)).toBe('12.50');
    expect(percent(5, 0)).toBe('0.00');
  });
});

describe('isChongqing', () => {
  it('knows Chongqing region codes', () => {
    expect(['50', '500000', '500112'].every(isChongqing)).toBe(true);
    expect(['510100', '5', null, '5001123'].some(isChongqing)).toBe(false);
  });
});

describe('parsePeriod', () => {
  it('reads a year, a quarter and a month', () => {
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('refuses anything else', () => {
    expect(['2026-Q5', '2026-13', '26', '2026-1', ''].map(parsePeriod)).toEqual([null, null, null, null, null]);
  });
});
