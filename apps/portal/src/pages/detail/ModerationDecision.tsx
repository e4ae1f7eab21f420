import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListingStatus, OrganisationRef } from '../../api/types';
import { formatDateTime } from '../../format';

interface Decided {
  status: ListingStatus;
  moderationNote?: string | null;
  reviewer?: OrganisationRef | null;
  reviewedAt?: string | null;
}

/**
 * A moderator's last decision on the caller's own listing: sent back (the reason) or published
 * (the note, when one was given), with who decided and when. Nothing before a decision.
 */
export function ModerationDecision({ listing }: { listing: Decided }) {
  const { t } = useTranslation();
  if (!listing.reviewedAt) return null;
  const sentBack = listing.status === 'draft' && Boolean(listing.moderationNote);
  if (!sentBack && !listing.moderationNote && listing.status !== 'published') return null;
  const by = t('detail.decisionBy', { name: listing.reviewer?.name ?? '—', at: formatDateTime(listing.reviewedAt) });
  return (
    <Alert
      data-testid="moderation-decision"
      type={sentBack ? 'warning' : 'success'}
      showIcon
      title={
        sentBack
          ? t('detail.decisionRejected', { note: listing.moderationNote })
          : listing.moderationNote
            ? t('detail.decisionNote', { note: listing.moderationNote })
            : t('detail.decisionApproved')
      }
      description={by}
    />
  );
}
