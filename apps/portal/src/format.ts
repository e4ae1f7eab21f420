import Decimal from 'decimal.js';
import { currentLanguage } from './i18n';

function locale(): string {
  return currentLanguage() === 'zh' ? 'zh-CN' : 'en-US';
}

/** 12,345 / 12,345.6 in the portal's language. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** Amounts from a hundred million yuan up are read in 亿元 (Chinese) or billions (English). */
const YI = 100_000_000;

/**
 * Yuan as people read them: 8,000 元 below ten thousand, 12.5 万元 from there, 1,300 亿元 from
 * a hundred million (Chinese); CN¥8,000 / CN¥125,000 / CN¥130B in English. Takes the API's
 * decimal strings.
 */
export function formatMoney(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  let yuan: Decimal;
  try {
    yuan = new Decimal(amount);
  } catch {
    return String(amount);
  }
  // Decimal arithmetic, then a number only for Intl's digits (two decimals are exact at these sizes).
  if (currentLanguage() === 'en') {
    const large = yuan.abs().greaterThanOrEqualTo(YI);
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'CNY',
      maximumFractionDigits: 2,
      ...(large && { notation: 'compact', compactDisplay: 'short', minimumFractionDigits: 0 }),
    }).format(yuan.toDecimalPlaces(2).toNumber());
  }
  if (yuan.abs().greaterThanOrEqualTo(YI)) {
    return `${formatNumber(yuan.dividedBy(YI).toDecimalPlaces(2).toNumber(), 2)} 亿元`;
  }
  if (yuan.abs().greaterThanOrEqualTo(10_000)) {
    return `${formatNumber(yuan.dividedBy(10_000).toDecimalPlaces(2).toNumber(), 2)} 万元`;
  }
  return `${formatNumber(yuan.toDecimalPlaces(2).toNumber(), 2)} 元`;
}

/** A budget or price range: "10 万元 – 50 万元", one end, or 面议 when neither is set. */
export function formatMoneyRange(min: string | null | undefined, max: string | null | undefined, none: string): string {
  if (!min && !max) return none;
  if (min && max) return min === max ? formatMoney(min) : `${formatMoney(min)} – ${formatMoney(max)}`;
  return min ? `≥ ${formatMoney(min)}` : `≤ ${formatMoney(max)}`;
}

/** 2026年11月25日 / Nov 25, 2026. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/** Date and time to the minute. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A percentage the api computed as a decimal string ("6.67") as the reader writes it: 6.67%,
 * with at most two decimals and no trailing zeros (12.5%, 100%).
 */
export function formatRate(percentText: string | null | undefined): string {
  if (percentText === null || percentText === undefined || percentText === '') return '—';
  let value: Decimal;
  try {
    value = new Decimal(percentText);
  } catch {
    return String(percentText);
  }
  return `${formatNumber(value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(), 2)}%`;
}

/** A score in [0,1] as a percentage: 87%. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A duration in seconds, roughly: 45 秒 / 3 分钟 / 2 小时. */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const unit = (value: number, u: Intl.RelativeTimeFormatUnit): string =>
    new Intl.NumberFormat(locale(), { style: 'unit', unit: u, unitDisplay: 'short' }).format(Math.round(value));
  if (seconds < 60) return unit(seconds, 'second');
  if (seconds < 3600) return unit(seconds / 60, 'minute');
  if (seconds < 86_400) return unit(seconds / 3600, 'hour');
  return unit(seconds / 86_400, 'day');
}

/** A list as the reader writes one: 甲、乙、丙 in Chinese, "a, b, c" in English. */
export function joinList(items: readonly string[]): string {
  return items.join(currentLanguage() === 'zh' ? '、' : ', ');
}

/** A name with a remark in brackets: 张伟（教授） / Zhang Wei (professor). */
export function withRemark(text: string, remark: string | null | undefined): string {
  if (!remark) return text;
  return currentLanguage() === 'zh' ? `${text}（${remark}）` : `${text} (${remark})`;
}
