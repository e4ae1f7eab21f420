import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Licence, UfplTerms } from '../../api/deals';
import { formatDate, formatMoney } from '../../format';

type Terms = Partial<UfplTerms> | Licence['terms'];

/** A price, and the use-first-pay-later terms (of an offer, or of the licence in force), in words. */
export function UfplTermsView({ price, terms }: { price?: string | null; terms?: Terms | null }) {
  const { t } = useTranslation();
  if (!terms && !price) return null;
  const items = [];
  if (price) items.push({ key: 'price', label: t('deals.terms.price'), children: formatMoney(price) });
  if (terms) {
    const add = (key: string, value: string | number | null | undefined, show: (v: never) => string = String) => {
      if (value !== null && value !== undefined && value !== '') {
        items.push({ key, label: t(`deals.ufpl.${key}`), children: show(value as never) });
      }
    };
    add('freeUntil', terms.freeUntil, formatDate);
    add('triggerKind', terms.triggerKind, (k: string) => t(`deals.ufpl.triggers.${k}`));
    add('triggerDate', terms.triggerDate, formatDate);
    add('triggerThreshold', terms.triggerThreshold, formatMoney);
    add('paymentMode', terms.paymentMode, (m: string) => t(`deals.ufpl.modes.${m}`));
    add('fee', terms.fee, formatMoney);
    add('instalmentCount', terms.instalmentCount);
    add('intervalMonths', terms.intervalMonths);
    add('entryFee', terms.entryFee, formatMoney);
    add('royaltyPercent', terms.royaltyPercent, (p: string) => `${Number(p)}%`);
    add('royaltyCap', terms.royaltyCap, formatMoney);
    add('dueDays', terms.dueDays);
    add('graceDays', terms.graceDays);
  }
  return <Descriptions column={{ xs: 1, md: 3 }} size="small" items={items} style={{ marginTop: 8 }} />;
}
