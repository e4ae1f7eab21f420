import type { NotificationInput } from '@kuaizhuan/delivery';
import type { QuoteAction } from '../domain/quote-machine';
import type { ServiceQuote } from '../entities/service-quote.entity';

type QuoteParties = Pick<ServiceQuote, 'id' | 'platformOrgId' | 'requesterOrgId' | 'achievementOrgId'>;

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const STEP: Record<QuoteAction | 'request' | 'confirm', { zh: string; en: string }> = {
  request: { zh: '收到新的服务报价请求', en: 'A new quote request' },
  quote: { zh: '服务平台已报价', en: 'The platform sent its quote' },
  accept: { zh: '报价已被接受，请开展服务', en: 'The quote was accepted: the step may start' },
  complete: {
    zh: '服务已完成，请成果方确认成熟度',
    en: 'The step is completed: the institution confirms the maturity reached',
  },
  decline: { zh: '报价请求已被拒绝', en: 'The quote request was declined' },
  confirm: { zh: '成果方已确认成熟度提升', en: 'The institution confirmed the maturity reached' },
};

/** Organisations to tell, apart from the one that acted. */
function others(quote: QuoteParties, actorOrgId: string, step: keyof typeof STEP): string[] {
  const parties = new Set([quote.platformOrgId, quote.requesterOrgId]);
  // The achievement's TTO confirms the maturity: it hears of the completed step even when a company asked.
  if (step === 'complete' || step === 'confirm') parties.add(quote.achievementOrgId);
  parties.delete(actorOrgId);
  return [...parties];
}

/** The notice of one step of a quote, to the other parties. Null when nobody else is party to it. */
export function quoteNotice(
  quote: QuoteParties,
  step: keyof typeof STEP,
  actorOrgId: string,
  serviceTitle: string,
  achievementTitle: string,
): NotificationInput | null {
  const organisationIds = others(quote, actorOrgId, step);
  if (organisationIds.length === 0) return null;
  const words = STEP[step];
  const service = clip(serviceTitle);
  const achievement = clip(achievementTitle);
  return {
    type: 'service.quote',
    subject: { type: `service_quote.${step}`, id: quote.id },
    recipients: { organisationIds },
    title: { zh: `${words.zh}：${service}`, en: `${words.en}: ${service}` },
    body: {
      zh: `成果「${achievement}」的「${service}」服务有新进展，请进入报价页面查看。`,
      en: `The "${service}" step for "${achievement}" moved on: open the quote to see it.`,
    },
    link: `/service-quotes/${quote.id}`,
    data: { quoteId: quote.id, step },
  };
}
