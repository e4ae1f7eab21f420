import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { csvLine, spreadsheetText } from '@kuaizhuan/platform';
import { IMPORT_COLUMNS, type ImportColumn } from '../domain/import-row';
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

/** What each column takes, for Chinese readers of the template's guide sheet. */
const HELP_ZH: Record<ImportColumn, string> = {
  reference: '本单位自编的唯一编号；再次导入同一编号会更新该成果',
  title: '不超过 200 字',
  summary: '成果是什么',
  application_scenarios: '可应用的场景',
  advantages: '相对现有方案的优势',
  keywords: '多个关键词用 ; 或 ，分隔',
  fields: '技术领域编码或名称，多个用 ; 分隔',
  ip_type: '知识产权类型编码或名称，如 invention_patent / 发明专利',
  patent_numbers: '多个专利号用 ; 分隔',
  legal_status: '法律状态：filed 已申请 / granted 已授权 / lapsed 已失效 / not_applicable 不适用',
  trl: '技术就绪度，1–9 的整数：1–3 实验室原理验证，4–6 小试中试，7–9 产业化',
  maturity_stage: 'lab / bench / pilot / industrial，或 实验室 / 小试 / 中试 / 产业化',
  transfer_modes:
    '转化方式，多个用 ; 分隔：transfer 转让 / licence 许可 / use_first_pay_later 先使用后付费（先免费使用，约定条件达成后付费） / equity 作价入股 / joint_development 合作开发 / commissioned_rd 委托研发',
  price_min: '单位：元，最多两位小数',
  price_max: '单位：元，最多两位小数，不低于最低价格',
  institution: '所属学院、实验室或单位',
  separate_ledger: '是否单列管理：是 / 否（yes / no）',
  researchers: '本单位科技人员的姓名、邮箱或编号，多个用 ; 分隔',
  internal_notes: '仅本单位可见',
};

/** A template header cell: the Chinese name with the column key, 成果名称 (title); the importer takes either. */
export function templateHeader(column: { key: string; label: string }): string {
  return `${column.label} (${column.key})`;
}

/**
 * The import template: a header row naming each column in Chinese with its key (CSV), or an
 * XLSX whose first sheet is that header row and whose second sheet, 填写说明, explains each
 * column in Chinese and English.
 */
export async function importTemplate(format: ImportFormat): Promise<Buffer> {
  const headers = IMPORT_COLUMNS.map(templateHeader);
  if (format === 'csv') return Buffer.from(`\uFEFF${csvLine(headers)}\r\n`, 'utf8');
  const cell = (value: string, bold = false) => ({
    value: spreadsheetText(value),
    ...(bold && { fontWeight: 'bold' as const }),
  });
  return writeXlsxFile([
    {
      sheet: '成果 achievements',
      data: [headers.map((value) => cell(value, true))],
    },
    {
      sheet: '填写说明 guide',
      data: [
        ['列名 column', '键 key', '必填 required', '填写说明', 'what it takes'].map((value) => cell(value, true)),
        ...IMPORT_COLUMNS.map((column) =>
          [column.label, column.key, column.required ? '是 yes' : '否 no', HELP_ZH[column.key], column.help].map(
            (value) => cell(value),
          ),
        ),
      ],
    },
  ]).toBuffer();
}
