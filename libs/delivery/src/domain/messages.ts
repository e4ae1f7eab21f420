import { NOTIFICATION_TYPES, NOTIFICATION_TYPE_NAMES, type NotificationType } from './notification-types';

export interface Bilingual {
  zh: string;
  en: string;
}

/** What the messages are made of: the notification as its caller rendered it. */
export interface RenderableNotification {
  id: string;
  type: NotificationType;
  subject: { type: string; id: string };
  title: Bilingual;
  body: Bilingual;
  /** A path of the portal, e.g. `/recommendations/…`. */
  link: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** Where the portal's preferences page is, for the footer of every e-mail. */
export const PREFERENCES_PATH = '/settings/notifications';

export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * The portal path that stops what sent this notification without signing in (a saved search's
 * signed link), when its caller gave one in `data.unsubscribe`.
 */
export function unsubscribeLink(notification: RenderableNotification, publicUrl: string): string | null {
  const path = notification.data.unsubscribe;
  return typeof path === 'string' && path.startsWith('/') ? absoluteLink(publicUrl, path) : null;
}

function footer(publicUrl: string): string[] {
  return ['—', `通知设置 / Notification settings: ${absoluteLink(publicUrl, PREFERENCES_PATH)}`, '成果快转 Kuaizhuan'];
}

/** An immediate e-mail: Chinese first, then English. */
export function renderEmail(
  notification: RenderableNotification,
  publicUrl: string,
): { subject: string; text: string } {
  const link = absoluteLink(publicUrl, notification.link);
  const stop = unsubscribeLink(notification, publicUrl);
  return {
    subject: `${notification.title.zh} / ${notification.title.en} · 成果快转`,
    text: [
      notification.title.zh,
      '',
      notification.body.zh,
      `查看详情：${link}`,
      '',
      notification.title.en,
      '',
      notification.body.en,
      `Details: ${link}`,
      '',
      ...(stop ? [`退订 / Unsubscribe (one click): ${stop}`, ''] : []),
      ...footer(publicUrl),
    ].join('\n'),
  };
}

export interface DigestGroup {
  type: NotificationType;
  label: Bilingual;
  items: RenderableNotification[];
}

/** Items grouped by notification type (in catalogue order), oldest first within a group. */
export function groupForDigest(items: readonly RenderableNotification[]): DigestGroup[] {
  return NOTIFICATION_TYPE_NAMES.map((type) => ({
    type,
    label: NOTIFICATION_TYPES[type].label,
    items: items
      .filter((item) => item.type === type)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)),
  })).filter((group) => group.items.length > 0);
}

/** One e-mail listing every item, grouped by type. */
export function composeDigest(
  items: readonly RenderableNotification[],
  publicUrl: string,
): { subject: string; text: string } {
  const lines: string[] = [`您有 ${items.length} 条新通知。 You have ${items.length} new notification(s).`, ''];
  for (const group of groupForDigest(items)) {
    lines.push(`【${group.label.zh} / ${group.label.en}】（${group.items.length}）`);
    for (const item of group.items) {
      lines.push(`• ${item.title.zh} / ${item.title.en}`, `  ${absoluteLink(publicUrl, item.link)}`);
      const stop = unsubscribeLink(item, publicUrl);
      if (stop) lines.push(`  退订 / Unsubscribe: ${stop}`);
    }
    lines.push('');
  }
  return {
    subject: `成果快转每日摘要（${items.length} 条）/ Kuaizhuan daily digest (${items.length})`,
    text: [...lines, ...footer(publicUrl)].join('\n'),
  };
}

/** The JSON a webhook receives. Ids let the receiver fetch more through the API. */
export function webhookPayload(
  deliveryId: string,
  organisationId: string,
  notification: RenderableNotification,
  publicUrl: string,
): Record<string, unknown> {
  return {
    id: deliveryId,
    type: notification.type,
    organisationId,
    createdAt: notification.createdAt.toISOString(),
    notification: {
      id: notification.id,
      subject: notification.subject,
      title: notification.title,
      body: notification.body,
      link: absoluteLink(publicUrl, notification.link),
      data: notification.data,
    },
  };
}
