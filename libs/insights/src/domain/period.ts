/** The period a KPI figure covers: calendar dates, both included, as `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2026`, `2026-Q3` or `2026-07` as dates; null when the text is none of these. */
export function parsePeriod(text: string): Period | null {
  let match = YEAR.exec(text);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = QUARTER.exec(text);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: lastDay(year, first + 2) };
  }
  match = MONTH.exec(text);
  if (match) {
    const year = Number(match[1]);
    return { from: `${year}-${match[2]}-01`, to: lastDay(year, Number(match[2])) };
  }
  return null;
}
