import { Injectable } from '@nestjs/common';
import { Notifier, type NotificationInput } from '@kuaizhuan/delivery';
import type { EntityManager } from 'typeorm';
import type { ListingKind } from '../common/listing-workflow';

/** What a moderation decision notice says about the listing. */
export interface DecidedListing {
  id: string;
  orgId: string;
  title: string;
  moderationNote: string | null;
  reviewedAt: Date | null;
}

const KIND = {
  need: { zh: '技术需求', en: 'need', role: 'enterprise', matches: { zh: '科技成果', en: 'achievements' } },
  achievement: { zh: '科技成果', en: 'achievement', role: 'tto', matches: { zh: '企业需求', en: "companies' needs" } },
} as const;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The notice to a listing's owner after a moderator decided on it: published (matching starts)
 * or sent back with the moderator's note. Pure: the texts in both languages and the link.
 */
export function decisionNotice(
  kind: ListingKind,
  listing: DecidedListing,
  decision: 'approve' | 'reject',
): NotificationInput {
  const k = KIND[kind];
  const title = clip(listing.title, 120);
  const note = listing.moderationNote?.trim() || null;
  const base = `/${kind === 'need' ? 'needs' : 'achievements'}/${listing.id}`;
  // One notice per decision: the same listing may be sent back, resubmitted and decided again.
  const subject = { type: kind, id: `${listing.id}:${(listing.reviewedAt ?? new Date()).getTime()}` };
  const recipients = { organisationIds: [listing.orgId], roles: [k.role] };
  if (decision === 'approve') {
    return {
      type: 'listing.published',
      subject,
      recipients,
      title: { zh: `「${title}」已发布`, en: `"${title}" is published` },
      body: {
        zh: `您的${k.zh}已通过平台审核并公开发布，平台将为其匹配${k.matches.zh}。${note ? `审核意见：${note}` : ''}`,
        en: `Your ${k.en} passed the platform's review and is public; the platform now matches it with ${k.matches.en}.${note ? ` Reviewer's note: ${note}` : ''}`,
      },
      link: `${base}/recommendations`,
      data: { kind, id: listing.id },
    };
  }
  return {
    type: 'listing.returned',
    subject,
    recipients,
    title: { zh: `「${title}」被退回修改`, en: `"${title}" was sent back` },
    body: {
      zh: `审核意见：${note ?? '未填写'}。请修改后重新提交审核。`,
      en: `Reviewer's note: ${note ?? 'none given'}. Please change it and submit it again.`,
    },
    link: `${base}/edit`,
    data: { kind, id: listing.id },
  };
}

/** Tells a listing's owner what the moderator decided, in the decision's transaction. */
@Injectable()
export class ListingNotices {
  constructor(private readonly notifier: Notifier) {}

  async decided(
    manager: EntityManager,
    kind: ListingKind,
    listing: DecidedListing,
    decision: 'approve' | 'reject',
  ): Promise<void> {
    await this.notifier.notify(manager, decisionNotice(kind, listing, decision));
  }
}
