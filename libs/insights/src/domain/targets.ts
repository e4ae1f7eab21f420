import Decimal from 'decimal.js';

/**
 * Chongqing's 2027 targets for fast conversion of research results, which the dashboard
 * measures. Amounts in yuan; rates in percent.
 */
export const TARGETS_2027 = {
  /** Technology-contract turnover: at least 130 billion yuan. */
  turnoverYuan: '130000000000',
  /** Companies incubated from research results: at least 1,000. */
  companiesFounded: 1000,
  /** Local conversion rate (both parties in Chongqing): at least 30%. */
  localConversionPercent: '30',
  /** Patents transferred each year by a university: at least 10% of its newly granted patents. */
  patentTransferPercent: '10',
  /** Accompanying service staff (technology managers and others): at least 3,500. */
  activeManagers: 3500,
  /** High-level incubators, proof-of-concept centres and technology-transfer agencies: at least 150. */
  serviceCarriers: 150,
} as const;

export interface Measure {
  value: string;
  target: string;
  /** value / target in percent, two decimals, rounded half up. */
  progressPercent: string;
  met: boolean;
}

/** A figure against its target, compared as decimals. */
export function measure(value: Decimal.Value, target: Decimal.Value): Measure {
  const v = new Decimal(value);
  const t = new Decimal(target);
  return {
    value: v.toString(),
    target: t.toString(),
    progressPercent: t.isZero() ? '0.00' : v.div(t).times(100).toFixed(2, Decimal.ROUND_HALF_UP),
    met: v.gte(t),
  };
}

/**
 * part / whole in percent with two decimals, rounded half up as people round (1/15 is 6.67),
 * 0 when there is no whole.
 */
export function percent(part: Decimal.Value, whole: Decimal.Value): string {
  const w = new Decimal(whole);
  return w.isZero() ? '0.00' : new Decimal(part).div(w).times(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Chongqing's administrative division codes (GB/T 2260) start with 50. */
export function isChongqing(region: string | null): boolean {
  return region !== null && /^50\d{0,4}$/.test(region);
}
