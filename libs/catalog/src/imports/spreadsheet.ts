import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { csvLine, spreadsheetText } from '@kuaizhuan/platform';
import { IMPORT_COLUMNS } from '../domain/import-row';
import type { ImportFormat } from '../entities/catalog-import.entity';

/** Largest file accepted, checked by multer before the upload is buffered whole, and again here. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows one import may carry. */
export const MAX_IMPORT_ROWS = 50_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The file's format judged by its bytes, and only if the name agrees: an XLSX is a ZIP
 * package holding xl/workbook.xml; a CSV is UTF-8 text without NUL bytes. Null otherwise.
 */
export function sniffFormat(content: Buffer, fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split('.').pop();
  if (content.length === 0) return null;
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    return extension === 'xlsx' && content.includes('xl/workbook.xml') ? 'xlsx' : null;
  }
  if (extension !== 'csv' || content.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
  return 'csv';
}

/** One record of the file: its spreadsheet row number (header = 1) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export class UnreadableFileError extends Error {}

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return '';
}

/** Every record of the first sheet (or the CSV), blank ones left out but still counted. */
export async function readRows(content: Buffer, format: ImportFormat): Promise<SheetRow[]> {
  let records: unknown[][];
  try {
    records =
      format === 'csv'
        ? parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false })
        : await readSheet(content, { parseNumber: (text: string) => text, trim: false });
  } catch (error) {
    throw new UnreadableFileError(`the ${format.toUpperCase()} file cannot be read: ${(error as Error).message}`);
  }
  const rows: SheetRow[] = [];
  records.forEach((record, index) => {
    const cells = record.map(cellText);
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row: index + 1, cells });
  });
  return rows;
}

/**
 * The import template: the header row in CSV, or an XLSX with a second sheet explaining each column.
 * Like every sheet the platform hands out, no cell of it can run as a formula.
 */
export async function importTemplate(format: ImportFormat): Promise<Buffer> {
  const keys = IMPORT_COLUMNS.map((column) => column.key);
  if (format === 'csv') return Buffer.from(`\uFEFF${csvLine(keys)}\r\n`, 'utf8');
  const cell = (value: string, bold = false) => ({
    value: spreadsheetText(value),
    ...(bold && { fontWeight: 'bold' as const }),
  });
  return writeXlsxFile([
    { sheet: 'achievements', data: [keys.map((key) => cell(key, true))] },
    {
      sheet: '说明',
      data: [
        ['column', '列名', 'required', 'what it takes'].map((value) => cell(value, true)),
        ...IMPORT_COLUMNS.map((column) =>
          [column.key, column.label, column.required ? 'yes 必填' : 'no', column.help].map((value) => cell(value)),
        ),
      ],
    },
  ]).toBuffer();
}
