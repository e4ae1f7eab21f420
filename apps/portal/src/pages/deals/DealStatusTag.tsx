import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../api/deals';

const COLOURS: Partial<Record<DealStatus, string>> = {
  negotiating: 'gold',
  agreed: 'blue',
  signed: 'geekblue',
  active: 'green',
  free_use: 'cyan',
  paying: 'green',
  overdue: 'orange',
  defaulted: 'red',
  holding: 'green',
  granted: 'green',
  terminated: 'red',
};

export function DealStatusTag({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`deals.statuses.${status}`)}</Tag>;
}
