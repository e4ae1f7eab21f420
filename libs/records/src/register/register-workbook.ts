import writeXlsxFile from 'write-excel-file/node';
import { spreadsheetText } from '@kuaizhuan/platform';
import type { DisposalKind } from '@kuaizhuan/deals';
import type { Register, RegisterDisposal, RegisterEntry } from './register.service';

export const REGISTER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DISPOSAL_NAMES: Record<DisposalKind, string> = {
  licence: '许可 licence',
  transfer: '转让 transfer',
  equity: '作价入股 equity',
  rights_grant: '赋权 rights grant',
};

/** The register sheet's columns, in Chinese and English, in order. */
export const REGISTER_COLUMNS = [
  '成果编号 reference',
  '成果名称 title',
  '所属单位 unit',
  '知识产权类型 IP type',
  '专利号 patents',
  '法律状态 legal status',
  '登记日期 registered on',
  '处置方式 disposal',
  '受让/被许可方 counterparty',
  '签约日期 signed on',
  '评估价值(元) valuation',
  '评估方法与机构 valued by',
  '作价入股 equity',
  '到账收入(元) income',
  '成本回收(元) costs recovered',
  '单位留成(元) institution',
  '科研人员奖励(元) researchers',
  '审批人/机构 approved by',
  '审批日期 approved on',
  '审批文号 document',
] as const;

type Cell = { value: string | number; type?: typeof Number; format?: string; fontWeight?: 'bold' } | null;

/** Text as the platform hands it out: a cell that a spreadsheet would run as a formula shows as text. */
const text = (value: string | null | undefined, bold = false): Cell =>
  value ? { value: spreadsheetText(value), ...(bold && { fontWeight: 'bold' as const }) } : null;
/** An amount as a number the annual report can add up, shown with two decimals. */
const money = (value: string): Cell => ({ value: Number(value), type: Number, format: '0.00' });

function inventionCells(entry: RegisterEntry): Cell[] {
  return [
    text(entry.externalRef),
    text(entry.title),
    text(entry.institutionName),
    text(entry.ipType),
    text(entry.patentNumbers.join('; ')),
    text(entry.legalStatus),
    text(entry.registeredAt.slice(0, 10)),
  ];
}

function disposalCells(d: RegisterDisposal): Cell[] {
  const latest = d.valuations.at(-1);
  return [
    text(DISPOSAL_NAMES[d.kind]),
    text(d.companyName),
    text(d.signedOn),
    latest ? money(latest.value) : null,
    latest ? text(`${latest.method}, ${latest.appraiser}, ${latest.valuedOn}`) : null,
    d.equity ? text(`${d.equity.companyName} ${d.equity.equityPercent}%`) : null,
    money(d.income),
    money(d.distribution.costRecovery),
    money(d.distribution.institution),
    money(d.distribution.researchers),
    text(d.approval?.approvedBy),
    text(d.approval?.approvedOn),
    text(d.approval?.documentRef),
  ];
}

/**
 * The register as an XLSX workbook for the annual report: the register sheet, one row per
 * disposal (an invention not yet disposed of has one row of its own), and a totals sheet.
 */
export async function registerWorkbook(register: Register): Promise<Buffer> {
  const rows: Cell[][] = [REGISTER_COLUMNS.map((c) => text(c, true))];
  for (const entry of register.inventions) {
    if (entry.disposals.length === 0) rows.push(inventionCells(entry));
    for (const disposal of entry.disposals) rows.push([...inventionCells(entry), ...disposalCells(disposal)]);
  }
  const t = register.totals;
  const totals: Cell[][] = [
    [text('单位 institution', true), text(register.institution)],
    [text('年度 year', true), text(register.year === null ? '全部 all years' : String(register.year))],
    [text('处置项数 disposals', true), { value: t.disposals, type: Number }],
    [text('已审批 approved', true), { value: t.approved, type: Number }],
    [text('到账收入(元) income', true), money(t.income)],
    [text('成本回收(元) costs recovered', true), money(t.costRecovery)],
    [text('单位留成(元) institution', true), money(t.institution)],
    [text('科研人员奖励(元) researchers', true), money(t.researchers)],
  ];
  return writeXlsxFile([
    { sheet: '台账 register', data: rows },
    { sheet: '汇总 totals', data: totals },
  ]).toBuffer();
}
