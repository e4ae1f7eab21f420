import { createHash } from 'node:crypto';
import { canonicalAmount, isAmount, rangeProblem } from './money';
import {
  COOPERATION_MODES,
  LEGAL_STATUSES,
  TRL_MAX,
  TRL_MIN,
  type CooperationMode,
  type LegalStatus,
  type TaxonomyKind,
} from './vocabulary';

/**
 * What is wrong with a cell, as a code a reader's language can word (with `params`); `reason`
 * says the same in English for the api's other clients and the logs.
 */
export type RowProblemCode =
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_column'
  | 'required'
  | 'too_long'
  | 'unknown_field'
  | 'unknown_region'
  | 'unknown_ip_type'
  | 'unknown_maturity_stage'
  | 'unknown_transfer_mode'
  | 'legal_status'
  | 'trl'
  | 'amount'
  | 'price_range'
  | 'yes_no'
  | 'duplicate_reference'
  | 'unknown_researcher'
  | 'ambiguous_researcher'
  | 'not_draft';

/** Why a whole import failed. */
export type ImportFailureCode =
  'unreadable' | 'too_large' | 'empty' | 'header' | 'too_many_rows' | 'bad_rows' | 'gave_up';

/** One problem with one cell (or a whole row when `column` is null); rows count as in a spreadsheet. */
export interface RowProblem {
  row: number;
  column: string | null;
  reason: string;
  code: RowProblemCode;
  params?: Record<string, string | number>;
}

/** Columns of the achievement import, in template order, with what each takes. */
export const IMPORT_COLUMNS = [
  {
    key: 'reference',
    label: '成果编号',
    required: true,
    help: 'Your own unique reference; re-importing it updates the same achievement',
  },
  { key: 'title', label: '成果名称', required: true, help: 'Up to 200 characters' },
  { key: 'summary', label: '成果简介', required: true, help: 'What the result is' },
  { key: 'application_scenarios', label: '应用场景', required: false, help: 'Where it can be used' },
  { key: 'advantages', label: '技术优势', required: false, help: 'Advantages over existing solutions' },
  { key: 'keywords', label: '关键词', required: false, help: 'Separated by ; or ，' },
  { key: 'fields', label: '技术领域', required: true, help: 'Field codes or names, separated by ;' },
  {
    key: 'ip_type',
    label: '知识产权类型',
    required: false,
    help: 'IP type code or name, e.g. invention_patent / 发明专利',
  },
  { key: 'patent_numbers', label: '专利号', required: false, help: 'Separated by ;' },
  { key: 'legal_status', label: '法律状态', required: false, help: LEGAL_STATUSES.join(' / ') },
  { key: 'trl', label: '技术成熟度(TRL)', required: false, help: `Whole number ${TRL_MIN}–${TRL_MAX}` },
  {
    key: 'maturity_stage',
    label: '成熟阶段',
    required: false,
    help: 'lab / bench / pilot / industrial or 实验室 / 小试 / 中试 / 产业化',
  },
  {
    key: 'transfer_modes',
    label: '转化方式',
    required: true,
    help: COOPERATION_MODES.join(' / ') + ', separated by ;',
  },
  { key: 'price_min', label: '最低价格(元)', required: false, help: 'Yuan, up to 2 decimals' },
  { key: 'price_max', label: '最高价格(元)', required: false, help: 'Yuan, up to 2 decimals, not below price_min' },
  { key: 'institution', label: '所属单位', required: false, help: 'Institution, school or lab' },
  { key: 'separate_ledger', label: '单列管理', required: false, help: 'yes / no (是 / 否)' },
  {
    key: 'researchers',
    label: '研究人员',
    required: false,
    help: "Your institution's researchers by name, e-mail or reference, separated by ;",
  },
  { key: 'internal_notes', label: '内部备注', required: false, help: 'Seen only by your organisation' },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

const TEXT_LIMITS: Partial<Record<ImportColumn, number>> = {
  reference: 100,
  title: 200,
  summary: 20_000,
  application_scenarios: 20_000,
  advantages: 20_000,
  institution: 200,
  internal_notes: 20_000,
};

const MODE_NAMES: Record<string, CooperationMode> = {
  转让: 'transfer',
  许可: 'licence',
  先使用后付费: 'use_first_pay_later',
  作价入股: 'equity',
  以权代股: 'equity',
  合作开发: 'joint_development',
  委托研发: 'commissioned_rd',
};

const LEGAL_NAMES: Record<string, LegalStatus> = {
  申请中: 'filed',
  已授权: 'granted',
  授权: 'granted',
  已失效: 'lapsed',
  失效: 'lapsed',
  不适用: 'not_applicable',
};

const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

/** An achievement as one valid import row describes it. */
export interface AchievementRow {
  row: number;
  reference: string;
  title: string;
  summary: string;
  applicationScenarios: string;
  advantages: string;
  keywords: string[];
  fieldCodes: string[];
  ipType: string | null;
  patentNumbers: string[];
  legalStatus: LegalStatus;
  trl: number | null;
  maturityStage: string | null;
  transferModes: CooperationMode[];
  priceMin: string | null;
  priceMax: string | null;
  institutionName: string;
  separateLedger: boolean;
  researcherRefs: string[];
  internalNotes: string;
  /** Hash of the values above except `row`: equal hashes mean nothing to write. */
  hash: string;
}

/** Looks up a taxonomy code from a code or a Chinese name; undefined when unknown or retired. */
export type TermResolver = (kind: TaxonomyKind, text: string) => string | undefined;

/** Header problems: a required column missing, a column we do not know, or one given twice. */
export function headerProblems(header: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const keys = header.map(headerKey);
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    const name = header[index] ?? '';
    if (key === undefined) {
      if (name.trim() !== '') {
        problems.push({ row: 1, column: name, reason: `unknown column "${name}"`, code: 'unknown_column' });
      }
      return;
    }
    if (seen.has(key)) {
      problems.push({ row: 1, column: key, reason: `column ${key} appears twice`, code: 'duplicate_column' });
    }
    seen.add(key);
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !seen.has(column.key)) {
      problems.push({
        row: 1,
        column: column.key,
        reason: `required column ${column.key} is missing`,
        code: 'missing_column',
      });
    }
  }
  return problems;
}

/** Headings earlier templates used, still read. */
const EARLIER_LABELS: Record<string, ImportColumn> = { 研究人员编号: 'researchers' };

/** A header cell's column key: the key itself, the template's Chinese label, or both as `成果名称 (title)`. */
export function headerKey(cell: string): ImportColumn | undefined {
  const whole = cell.trim().replace(/^\uFEFF/, '');
  const text = /^.*[(（]\s*([A-Za-z_]+)\s*[)）]$/.exec(whole)?.[1] ?? whole;
  if (EARLIER_LABELS[text]) return EARLIER_LABELS[text];
  const found = IMPORT_COLUMNS.find((column) => column.key === text.toLowerCase() || column.label === text);
  return found?.key;
}

function splitList(text: string): string[] {
  return text
    .split(/[;；,，、\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Validates one data row (cells keyed by column) and returns the achievement it describes,
 * or every problem it has, each naming the row and the column. Pure: lookups come in.
 */
export function validateAchievementRow(
  row: number,
  cells: Partial<Record<ImportColumn, string>>,
  resolve: TermResolver,
): { ok: true; value: AchievementRow } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: ImportColumn, code: RowProblemCode, reason: string, params?: RowProblem['params']): void => {
    problems.push({ row, column, reason, code, ...(params && { params }) });
  };
  const text = (column: ImportColumn): string => (cells[column] ?? '').trim();

  for (const column of IMPORT_COLUMNS) {
    const value = text(column.key);
    if (column.required && value === '') problem(column.key, 'required', `${column.key} is required`);
    const limit = TEXT_LIMITS[column.key];
    if (limit !== undefined && value.length > limit)
      problem(column.key, 'too_long', `${column.key} is longer than ${limit} characters`, { limit });
  }

  const unknownTerm = (column: ImportColumn, kind: TaxonomyKind, value: string): void =>
    problem(column, `unknown_${kind}`, `unknown ${kind.replace('_', ' ')} "${value}"`, { value });
  const codes = (column: ImportColumn, kind: TaxonomyKind): string[] => {
    const out: string[] = [];
    for (const part of splitList(text(column))) {
      const code = resolve(kind, part);
      if (code === undefined) unknownTerm(column, kind, part);
      else out.push(code);
    }
    return unique(out);
  };
  const single = (column: ImportColumn, kind: TaxonomyKind): string | null => {
    const value = text(column);
    if (value === '') return null;
    const code = resolve(kind, value);
    if (code === undefined) unknownTerm(column, kind, value);
    return code ?? null;
  };

  const fieldCodes = codes('fields', 'field');
  const ipType = single('ip_type', 'ip_type');
  const maturityStage = single('maturity_stage', 'maturity_stage');

  const transferModes: CooperationMode[] = [];
  for (const part of splitList(text('transfer_modes'))) {
    const mode = (COOPERATION_MODES as readonly string[]).includes(part) ? (part as CooperationMode) : MODE_NAMES[part];
    if (mode === undefined) {
      problem('transfer_modes', 'unknown_transfer_mode', `unknown transfer mode "${part}"`, { value: part });
    } else transferModes.push(mode);
  }

  let legalStatus: LegalStatus = 'not_applicable';
  const legalText = text('legal_status');
  if (legalText !== '') {
    const status = (LEGAL_STATUSES as readonly string[]).includes(legalText)
      ? (legalText as LegalStatus)
      : LEGAL_NAMES[legalText];
    if (status === undefined) {
      problem('legal_status', 'legal_status', `legal_status must be one of ${LEGAL_STATUSES.join(', ')}`);
    } else legalStatus = status;
  }

  let trl: number | null = null;
  const trlText = text('trl');
  if (trlText !== '') {
    if (/^\d+$/.test(trlText) && Number(trlText) >= TRL_MIN && Number(trlText) <= TRL_MAX) trl = Number(trlText);
    else
      problem('trl', 'trl', `trl must be a whole number from ${TRL_MIN} to ${TRL_MAX}`, { min: TRL_MIN, max: TRL_MAX });
  }

  const amount = (column: 'price_min' | 'price_max'): string | null => {
    const value = text(column).replace(/,/g, '');
    if (value === '') return null;
    if (!isAmount(value)) {
      problem(column, 'amount', `${column} must be an amount in yuan with at most 2 decimals`);
      return null;
    }
    return canonicalAmount(value);
  };
  const priceMin = amount('price_min');
  const priceMax = amount('price_max');
  const range = rangeProblem(priceMin, priceMax, 'price_min', 'price_max');
  if (range) problem('price_min', 'price_range', range.message);

  let separateLedger = false;
  const ledger = text('separate_ledger').toLowerCase();
  if (YES.has(ledger)) separateLedger = true;
  else if (!NO.has(ledger)) problem('separate_ledger', 'yes_no', 'separate_ledger must be yes or no');

  if (problems.length > 0) return { ok: false, problems };

  const value: Omit<AchievementRow, 'hash' | 'row'> = {
    reference: text('reference'),
    title: text('title'),
    summary: text('summary'),
    applicationScenarios: text('application_scenarios'),
    advantages: text('advantages'),
    keywords: unique(splitList(text('keywords'))),
    fieldCodes,
    ipType,
    patentNumbers: unique(splitList(text('patent_numbers'))),
    legalStatus,
    trl,
    maturityStage,
    transferModes: unique(transferModes),
    priceMin,
    priceMax,
    institutionName: text('institution'),
    separateLedger,
    researcherRefs: unique(splitList(text('researchers'))),
    internalNotes: text('internal_notes'),
  };
  const hash = createHash('sha256').update(JSON.stringify(value)).digest('hex');
  return { ok: true, value: { row, ...value, hash } };
}

/** A reference given on two rows: every later row is reported, naming the first. */
export function duplicateReferenceProblems(rows: { row: number; reference: string }[]): RowProblem[] {
  const first = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const { row, reference } of rows) {
    const earlier = first.get(reference);
    if (earlier === undefined) first.set(reference, row);
    else
      problems.push({
        row,
        column: 'reference',
        reason: `reference "${reference}" is already used in row ${earlier}`,
        code: 'duplicate_reference',
        params: { reference, earlier },
      });
  }
  return problems;
}
