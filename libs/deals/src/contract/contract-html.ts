import Decimal from 'decimal.js';
import { chineseAmount } from '../domain/chinese-amount';
import type { DealType, LicenceScope } from '../domain/deal-machine';

/** What a contract states, gathered from the deal, its parties and its accepted terms. */
export interface ContractFacts {
  dealId: string;
  type: DealType;
  licenceScope: LicenceScope | null;
  title: string;
  version: number;
  agreedOn: string;
  signedOn: string | null;
  institution: ContractParty;
  company: ContractParty;
  achievement: { title: string; ipType: string | null; patentNumbers: string[]; fields: string[] };
  summary: string;
  /** The technology transaction amount (技术交易额), when the terms fix one. */
  amount: string | null;
  ufpl: Record<string, unknown> | null;
  contributions: { name: string; sharePercent: string }[];
  policy: { teamFloorPercent: string; institutionCapPercent: string };
}

export interface ContractParty {
  name: string;
  creditCode: string | null;
  region: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** The registration category (技术合同类别) and the contract's own name, per deal type. */
const CATEGORY: Record<DealType, { category: string; name: string; licensor: string; licensee: string }> = {
  transfer: { category: '技术转让', name: '技术转让（专利权）合同', licensor: '让与方', licensee: '受让方' },
  licence: { category: '技术许可', name: '技术许可（专利实施许可）合同', licensor: '许可方', licensee: '被许可方' },
  use_first_pay_later: {
    category: '技术许可',
    name: '技术许可（先使用后付费）合同',
    licensor: '许可方',
    licensee: '被许可方',
  },
  rights_for_equity: {
    category: '技术转让',
    name: '技术转让（作价入股）合同',
    licensor: '让与方',
    licensee: '受让方',
  },
  rights_grant: { category: '技术转让', name: '科技成果赋权协议', licensor: '赋权方', licensee: '受让方' },
  joint_development: { category: '技术开发', name: '技术开发（合作）合同', licensor: '合作方', licensee: '合作方' },
};

const SCOPE: Record<LicenceScope, string> = { exclusive: '独占许可', sole: '排他许可', non_exclusive: '普通许可' };

const TRIGGER: Record<string, string> = {
  date: '约定日期届至',
  first_revenue: '被许可方首次取得实施收入',
  revenue_threshold: '被许可方累计实施收入达到约定金额',
};

const MODE: Record<string, string> = {
  lump_sum: '一次总付',
  instalments: '分期支付',
  royalty: '提成支付',
  entry_fee_royalty: '入门费加提成',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function money(value: unknown): string {
  if (typeof value !== 'string') return '—';
  return `${escapeHtml(new Decimal(value).toFixed(2))} 元（${chineseAmount(new Decimal(value))}）`;
}

function row(label: string, value: string): string {
  return `<tr><th>${label}</th><td>${value}</td></tr>`;
}

function party(role: string, p: ContractParty): string {
  return `<table class="party">${[
    row(role, escapeHtml(p.name)),
    row('统一社会信用代码', escapeHtml(p.creditCode ?? '—')),
    row('所在地区', escapeHtml(p.region ?? '—')),
    row('联系人', escapeHtml(p.contactName ?? '—')),
    row('联系电话', escapeHtml(p.contactPhone ?? '—')),
  ].join('')}</table>`;
}

function ufplClauses(terms: Record<string, unknown>): string {
  const text = (key: string): string => {
    const value = terms[key];
    return escapeHtml(typeof value === 'string' || typeof value === 'number' ? String(value) : '—');
  };
  const lines = [
    `免费使用期：自合同生效之日起至 ${text('freeUntil')} 止，被许可方在此期间实施本技术无需付费。`,
    `付费触发条件：${TRIGGER[String(terms.triggerKind)] ?? '—'}${
      terms.triggerKind === 'date' ? `（${text('triggerDate')}）` : ''
    }${terms.triggerKind === 'revenue_threshold' ? `（${money(terms.triggerThreshold)}）` : ''}，且免费使用期届满。`,
    `付费方式：${MODE[String(terms.paymentMode)] ?? '—'}。`,
  ];
  if (terms.fee !== undefined) lines.push(`许可使用费总额：${money(terms.fee)}。`);
  if (terms.instalmentCount !== undefined) {
    lines.push(`分 ${text('instalmentCount')} 期支付，每期间隔 ${text('intervalMonths')} 个月。`);
  }
  if (terms.entryFee !== undefined) lines.push(`入门费：${money(terms.entryFee)}。`);
  if (terms.royaltyPercent !== undefined) {
    lines.push(
      `提成比例：实施收入的 ${text('royaltyPercent')}%${terms.royaltyCap !== undefined ? `，提成总额以 ${money(terms.royaltyCap)} 为上限` : ''}；被许可方按期报送实施收入。`,
    );
  }
  lines.push(
    `付款期限：触发之日（提成为收入报送之日）起 ${text('dueDays')} 日内；逾期后宽限 ${text('graceDays')} 日，宽限期满仍未付款的，构成违约，许可方有权解除合同。`,
    '付费触发前，被许可方可书面通知退出，无偿返还本技术许可，双方互不承担费用。',
  );
  return `<ol>${lines.map((l) => `<li>${l}</li>`).join('')}</ol>`;
}

/**
 * The contract for the agreed terms as a printable HTML page in Chinese, laid out for
 * technology-contract registration (技术合同认定登记): a registration block first, then the
 * parties, the subject technology, the terms, income distribution and signatures.
 */
export function renderContract(facts: ContractFacts): string {
  const kind = CATEGORY[facts.type];
  const scope = facts.licenceScope ? `（${SCOPE[facts.licenceScope]}）` : '';
  const patents = facts.achievement.patentNumbers.length > 0 ? facts.achievement.patentNumbers.join('、') : '—';
  const team = facts.contributions.length
    ? `<table class="grid"><tr><th>科技人员</th><th>贡献份额</th></tr>${facts.contributions
        .map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.sharePercent)}%</td></tr>`)
        .join('')}</table>`
    : `<p>（科技人员贡献份额由${kind.licensor}另行确定。）</p>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(kind.name)} — ${escapeHtml(facts.title)}</title>
<style>
  @page { size: A4; margin: 25mm 20mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.8; color: #000; }
  h1 { text-align: center; font-size: 20pt; letter-spacing: 0.2em; margin: 0 0 4mm; }
  h2 { font-size: 14pt; margin: 6mm 0 2mm; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
  th, td { border: 1px solid #000; padding: 1.5mm 3mm; text-align: left; vertical-align: top; }
  th { width: 32%; font-weight: normal; background: #f3f3f3; }
  .grid th { width: auto; }
  .signatures td { height: 30mm; width: 50%; }
  .no { text-align: right; font-size: 10pt; }
  .page-break { page-break-before: always; }
</style>
</head>
<body>
<p class="no">合同编号：KZ-${escapeHtml(facts.dealId.slice(0, 8).toUpperCase())}-V${facts.version}</p>
<h1>${escapeHtml(kind.name)}</h1>
<h2>一、技术合同登记信息</h2>
<table>${[
    row('合同名称', escapeHtml(facts.title)),
    row('技术合同类别', `${kind.category}${scope}`),
    row('技术交易额', facts.amount === null ? '按第四条约定计算' : money(facts.amount)),
    row('技术领域', escapeHtml(facts.achievement.fields.join('、') || '—')),
    row('知识产权类型', escapeHtml(facts.achievement.ipType ?? '—')),
    row('专利号', escapeHtml(patents)),
    row('条款协商一致日期', escapeHtml(facts.agreedOn)),
    row('签订日期', escapeHtml(facts.signedOn ?? '　　年　　月　　日')),
  ].join('')}</table>
<h2>二、当事人</h2>
${party(`甲方（${kind.licensor}）`, facts.institution)}
${party(`乙方（${kind.licensee}）`, facts.company)}
<h2>三、标的技术</h2>
<p>本合同标的为甲方所有的科技成果「${escapeHtml(facts.achievement.title)}」（专利号：${escapeHtml(patents)}）。</p>
<h2>四、约定条款</h2>
<p>${escapeHtml(facts.summary)}</p>
${facts.amount !== null ? `<p>合同价款：${money(facts.amount)}。</p>` : ''}
${facts.ufpl ? ufplClauses(facts.ufpl) : ''}
<h2>五、收益分配</h2>
<p>甲方取得的转化收入，扣除成本后，按甲方收益分配制度分配：科技成果完成人（团队）所得比例不低于
${escapeHtml(facts.policy.teamFloorPercent)}%，甲方所得比例不高于 ${escapeHtml(facts.policy.institutionCapPercent)}%。</p>
${team}
<h2>六、其他</h2>
<p>本合同经双方签字盖章后生效，一式四份，双方各执两份。本合同签订后，由甲方向技术合同登记机构申请认定登记。</p>
<table class="signatures"><tr>
  <td>甲方（盖章）：${escapeHtml(facts.institution.name)}<br>法定代表人或委托代理人（签字）：<br>日期：</td>
  <td>乙方（盖章）：${escapeHtml(facts.company.name)}<br>法定代表人或委托代理人（签字）：<br>日期：</td>
</tr></table>
</body>
</html>
`;
}
