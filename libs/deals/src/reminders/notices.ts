import type { NotificationInput } from '@kuaizhuan/delivery';
import type { ReminderKind } from '../entities/licence.entity';

export interface ReminderFacts {
  reminderId: string;
  kind: Exclude<ReminderKind, 'trigger_check'>;
  deal: { id: string; title: string; institutionOrgId: string; companyOrgId: string; managerUserId: string | null };
  instalment: { seq: number; amount: string; dueOn: string; invoiceNo: string };
}

/** An amount for English readers: CN¥12,345.60. */
function cny(amount: string): string {
  const [whole, fraction] = amount.split('.');
  return `CN¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

const TEXTS: Record<
  ReminderFacts['kind'],
  (f: ReminderFacts) => { zh: string; en: string; bodyZh: string; bodyEn: string }
> = {
  before_due: (f) => ({
    zh: `「${f.deal.title}」第 ${f.instalment.seq} 期款项即将到期`,
    en: `Payment ${f.instalment.seq} of "${f.deal.title}" falls due soon`,
    bodyZh: `发票 ${f.instalment.invoiceNo}，金额 ${f.instalment.amount} 元，到期日 ${f.instalment.dueOn}。`,
    bodyEn: `Invoice ${f.instalment.invoiceNo}, ${cny(f.instalment.amount)}, due on ${f.instalment.dueOn}.`,
  }),
  overdue: (f) => ({
    zh: `「${f.deal.title}」第 ${f.instalment.seq} 期款项已逾期`,
    en: `Payment ${f.instalment.seq} of "${f.deal.title}" is overdue`,
    bodyZh: `发票 ${f.instalment.invoiceNo}，金额 ${f.instalment.amount} 元，已于 ${f.instalment.dueOn} 到期，请在宽限期内付款。`,
    bodyEn: `Invoice ${f.instalment.invoiceNo}, ${cny(f.instalment.amount)}, was due on ${f.instalment.dueOn}; please pay within the grace period.`,
  }),
  default_check: (f) => ({
    zh: `「${f.deal.title}」许可已违约`,
    en: `The licence "${f.deal.title}" is in default`,
    bodyZh: `发票 ${f.instalment.invoiceNo}（${f.instalment.amount} 元）宽限期已过仍未付款，许可方可终止许可。`,
    bodyEn: `Invoice ${f.instalment.invoiceNo} (${cny(f.instalment.amount)}) is unpaid after the grace period; the licensor may terminate the licence.`,
  }),
};

/** The push for one reminder: to both organisations and the deal's manager, its own subject per reminder. */
export function reminderNotice(facts: ReminderFacts): NotificationInput {
  const text = TEXTS[facts.kind](facts);
  return {
    type: 'deal.reminder',
    subject: { type: 'deal.reminder', id: facts.reminderId },
    recipients: {
      organisationIds: [facts.deal.companyOrgId, facts.deal.institutionOrgId],
      userIds: facts.deal.managerUserId ? [facts.deal.managerUserId] : [],
    },
    title: { zh: text.zh.slice(0, 200), en: text.en.slice(0, 200) },
    body: { zh: text.bodyZh, en: text.bodyEn },
    link: `/deals/${facts.deal.id}`,
    data: { dealId: facts.deal.id, kind: facts.kind, invoiceNo: facts.instalment.invoiceNo },
  };
}
