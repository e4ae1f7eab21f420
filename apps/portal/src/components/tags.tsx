import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListingStatus, RecommendationStatus } from '../api/types';

const LISTING_COLOURS: Record<ListingStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  published: 'green',
  matched: 'blue',
  closed: 'default',
  expired: 'default',
};

export function ListingStatusTag({ status }: { status: ListingStatus }) {
  const { t } = useTranslation();
  return <Tag color={LISTING_COLOURS[status]}>{t(`listing.${status}`)}</Tag>;
}

const REC_COLOURS: Partial<Record<RecommendationStatus, string>> = {
  pending_review: 'gold',
  approved: 'blue',
  delivered: 'blue',
  viewed: 'geekblue',
  interested: 'cyan',
  connected: 'green',
  rejected: 'red',
  declined: 'default',
};

export function RecommendationStatusTag({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation();
  return <Tag color={REC_COLOURS[status] ?? 'default'}>{t(`recStatus.${status}`)}</Tag>;
}

export function ModeTags({ modes }: { modes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {modes.map((mode) => (
        <Tag key={mode}>{t(`modes.${mode}`, { defaultValue: mode })}</Tag>
      ))}
    </>
  );
}
