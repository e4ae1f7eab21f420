import type { Metric } from './clusters';
import type { Random } from './random';

/*
 * Small pieces of wording shared by the writers of researchers, achievements and needs:
 * figures, amounts, stages. Each offers several phrasings so that listings do not all read alike.
 */

export const STAGES = ['lab', 'bench', 'pilot', 'industrial'] as const;
export type Stage = (typeof STAGES)[number];

/** TRL range of each maturity stage (实验室 / 小试 / 中试 / 产业化). */
export const STAGE_TRL: Record<Stage, [number, number]> = {
  lab: [2, 4],
  bench: [4, 5],
  pilot: [6, 7],
  industrial: [7, 9],
};

/** The stage a company names for the lowest TRL it can use. */
export function stageOfTrl(trl: number): Stage {
  if (trl <= 3) return 'lab';
  if (trl <= 5) return 'bench';
  if (trl <= 7) return 'pilot';
  return 'industrial';
}

function number(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** Units written right after the number, as ratings are (附着力 5B). */
const TIGHT_UNITS = new Set(['B']);

/** A value with its unit: a space before a Latin unit (300 MPa), none before %, ℃, 个月 or a rating. */
export function withUnit(value: number, metric: Metric): string {
  const text = number(value, metric.decimals);
  if (metric.unit === '') return text;
  const spaced = /^[A-Za-zμΩ]/.test(metric.unit) && !TIGHT_UNITS.has(metric.unit);
  return spaced ? `${text} ${metric.unit}` : `${text}${metric.unit}`;
}

/** A value the result reaches, within the metric's range. */
export function achievedValue(random: Random, metric: Metric): number {
  return random.between(metric.min, metric.max, metric.decimals);
}

/** What a result reaches, as a TTO writes it (可达 300 MPa, 温差控制在 3℃ 以内). */
export function achievedText(random: Random, metric: Metric, value: number): string {
  const shown = withUnit(value, metric);
  const { name } = metric;
  switch (metric.sense) {
    case 'le':
      return random.pick([
        `${name}≤${shown}`,
        `${name}控制在${shown}以内`,
        `${name}不超过${shown}`,
        `${name}低至${shown}`,
      ]);
    case 'ge':
      return random.pick([`${name}≥${shown}`, `${name}达到${shown}`, `${name}可达${shown}`, `${name}不低于${shown}`]);
    case 'pct':
      return random.pick([`${name}${shown}`, `${name}约${shown}`, `${name}${shown}以上`, `${name}达${shown}`]);
  }
}

/**
 * The bar a company sets for a figure. Given what a known result reaches, the bar lies between
 * the metric's weak end and that value (so that result passes); without one, a value from the
 * metric's range.
 */
export function requiredValue(random: Random, metric: Metric, reached: number | null): number {
  const round = (value: number): number => Number(value.toFixed(metric.decimals));
  if (reached === null) {
    const middle = (metric.min + metric.max) / 2;
    return metric.sense === 'le'
      ? random.between(middle, metric.max, metric.decimals)
      : random.between(metric.min, middle, metric.decimals);
  }
  if (metric.sense === 'le') {
    return Math.max(reached, round(reached + (metric.max - reached) * random.between(0, 0.7, 2)));
  }
  return Math.min(reached, round(metric.min + (reached - metric.min) * random.between(0.3, 1, 2)));
}

/** A figure as a company writes it in its indicators (≥ 280 Wh/kg, 不大于 3℃). */
export function requiredText(random: Random, metric: Metric, value: number): string {
  const shown = withUnit(value, metric);
  const { name } = metric;
  switch (metric.sense) {
    case 'le':
      return random.pick([`${name}≤${shown}`, `${name}不大于${shown}`, `${name}控制在${shown}以内`]);
    case 'ge':
      return random.pick([`${name}≥${shown}`, `${name}不低于${shown}`, `${name}达到${shown}以上`]);
    case 'pct':
      return random.pick([`${name}不少于${shown}`, `${name}≥${shown}`, `${name}达到${shown}以上`]);
  }
}

/** Replaces each `{a-b}` in a hand-written phrase by a whole number in that range. */
export function fillRanges(random: Random, text: string): string {
  return text.replace(/\{(\d+)-(\d+)\}/g, (_, a: string, b: string) => String(random.int(Number(a), Number(b))));
}

/** Rounds an amount in 万元 the way people quote prices: 3.5, 18, 65, 240. */
export function niceWan(value: number): number {
  if (value < 10) return Math.max(0.5, Math.round(value * 2) / 2);
  if (value < 50) return Math.round(value);
  if (value < 200) return Math.round(value / 5) * 5;
  return Math.round(value / 10) * 10;
}

/** An amount in 万元 as the decimal string in yuan that the API and the database use. */
export function yuan(wan: number): string {
  return `${Math.round(wan * 10_000)}.00`;
}

/** Joins phrases the Chinese way: 甲、乙和丙. */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五'];

/** "一是……；二是……。" or "1. …；2. …。" or plain clauses, to vary how lists of points read. */
export function points(random: Random, items: string[]): string {
  const style = random.int(0, 2);
  if (style === 0) return `${items.map((item, i) => `${CHINESE_ORDINALS[i]}是${item}`).join('；')}。`;
  if (style === 1) return `${items.map((item, i) => `${i + 1}. ${item}`).join('；')}。`;
  return `${items.join('；')}。`;
}
