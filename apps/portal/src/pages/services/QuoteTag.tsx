import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../../api/services';

const COLOURS: Record<QuoteStatus, string> = {
  requested: 'gold',
  quoted: 'blue',
  accepted: 'cyan',
  completed: 'green',
  declined: 'default',
};

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="quote-status">
      {t(`services.quotes.statuses.${status}`)}
    </Tag>
  );
}
