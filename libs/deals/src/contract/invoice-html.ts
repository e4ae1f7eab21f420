import Decimal from 'decimal.js';
import { chineseAmount } from '../domain/chinese-amount';
import { escapeHtml } from './contract-html';

export interface InvoiceFacts {
  invoiceNo: string;
  dealTitle: string;
  kind: 'lump_sum' | 'instalment' | 'entry_fee' | 'royalty';
  seq: number;
  amount: string;
  dueOn: string;
  paidOn: string | null;
  payer: string;
  payee: string;
}

const KIND: Record<InvoiceFacts['kind'], string> = {
  lump_sum: '许可使用费（一次总付）',
  instalment: '许可使用费（分期）',
  entry_fee: '入门费',
  royalty: '提成费',
};

/** A printable payment notice (付款通知书) for one instalment, in Chinese. */
export function renderInvoice(facts: InvoiceFacts): string {
  const amount = new Decimal(facts.amount);
  const rows = [
    ['通知书编号', escapeHtml(facts.invoiceNo)],
    ['合同名称', escapeHtml(facts.dealTitle)],
    ['款项', `第 ${facts.seq} 期 · ${KIND[facts.kind]}`],
    ['金额', `${escapeHtml(amount.toFixed(2))} 元（${chineseAmount(amount)}）`],
    ['付款方', escapeHtml(facts.payer)],
    ['收款方', escapeHtml(facts.payee)],
    ['到期日', escapeHtml(facts.dueOn)],
    ['状态', facts.paidOn ? `已于 ${escapeHtml(facts.paidOn)} 付清` : '未付'],
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>付款通知书 ${escapeHtml(facts.invoiceNo)}</title>
<style>
  @page { size: A5 landscape; margin: 15mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; }
  h1 { text-align: center; letter-spacing: 0.3em; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; }
  th { width: 25%; font-weight: normal; background: #f3f3f3; }
</style>
</head>
<body>
<h1>付款通知书</h1>
<table>${rows.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('')}</table>
</body>
</html>
`;
}
