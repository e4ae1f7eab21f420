import { addDays, addMonths } from '@kuaizhuan/deals';

/** Calendar dates as `YYYY-MM-DD` in China time, the calendar the contracts use. */
export type DateText = string;

/**
 * The dates of the demo deals' stories, all relative to today so that a fresh demo always has
 * deals signed this year and last year, income within the last months and invoices still open.
 * The same day gives the same dates; another day gives dates of the same shape.
 */
export interface Calendar {
  today: DateText;
  /** `days` before today. */
  ago(days: number): DateText;
  /** `days` after today. */
  ahead(days: number): DateText;
  /** A day of last year, `MM-DD`. */
  lastYear(monthDay: string): DateText;
  /** A day of this year up to today: 0 is 1 January, 1 is today. */
  thisYear(fraction: number): DateText;
  /** `days` before today, but not before 1 January of this year. */
  recent(days: number): DateText;
  /** A day from `from` to `to` (both included): 0 is `from`, 1 is `to`. */
  between(from: DateText, to: DateText, fraction: number): DateText;
  /** The day `months` after `date`. */
  months(date: DateText, months: number): DateText;
  /** The day `days` after (negative: before) `date`. */
  days(date: DateText, days: number): DateText;
}

function daysFrom(from: DateText, to: DateText): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar of a seed run on `now` (China time). */
export function calendarOf(now: Date): Calendar {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const newYear = `${year}-01-01`;
  const between = (from: DateText, to: DateText, fraction: number): DateText =>
    addDays(from, Math.floor(Math.max(0, daysFrom(from, to)) * fraction));
  return {
    today,
    ago: (days) => addDays(today, -days),
    ahead: (days) => addDays(today, days),
    lastYear: (monthDay) => `${year - 1}-${monthDay}`,
    thisYear: (fraction) => between(newYear, today, fraction),
    recent: (days) => [addDays(today, -days), newYear].sort().at(-1)!,
    between,
    months: (date, months) => addMonths(date, months),
    days: (date, days) => addDays(date, days),
  };
}
