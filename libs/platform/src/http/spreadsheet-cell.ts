/** Characters that make a spreadsheet treat a cell as a formula (or a DDE command) when it opens the file. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * Text safe to put in a cell of a CSV or workbook the platform hands out: one that a spreadsheet
 * would run (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(1)`) gets a leading apostrophe, so it shows as text.
 */
export function spreadsheetText(value: string): string {
  return FORMULA_LEAD.test(value) ? `'${value}` : value;
}

/** A CSV line of `cells`, each neutralised and quoted when it holds a comma, quote or line break. */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((cell) => {
      const safe = spreadsheetText(cell);
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
