import type { UserRole } from '@kuaizhuan/identity';

export interface NotificationTypeInfo {
  /** Roles of an organisation's members that receive a notification addressed to the organisation. */
  audience: readonly UserRole[];
  /** Shown in preferences and in digests. */
  label: { zh: string; en: string };
  /**
   * How its e-mail goes out for users who chose nothing: at once (the default) or in the
   * daily digest, for news that asks nothing of the reader.
   */
  defaultEmailMode?: 'immediate' | 'digest';
}

/**
 * Every kind of notification the platform pushes. A new kind is added here (and callers
 * render its title and body); users' preferences and webhook subscriptions name these keys.
 */
export const NOTIFICATION_TYPES = {
  'recommendation.approved': {
    audience: ['enterprise', 'tto'],
    label: { zh: '推荐已审核通过', en: 'Recommendation approved' },
  },
  'connection.made': {
    audience: ['enterprise', 'tto'],
    label: { zh: '双方已建立联系', en: 'Connection made' },
  },
  'deal.reminder': {
    audience: ['enterprise', 'tto', 'manager'],
    label: { zh: '交易事项提醒', en: 'Deal reminder' },
  },
  'listing.published': {
    audience: ['enterprise', 'tto'],
    label: { zh: '需求或成果已发布', en: 'Need or achievement published' },
    defaultEmailMode: 'digest',
  },
  'listing.returned': {
    audience: ['enterprise', 'tto'],
    label: { zh: '需求或成果被退回修改', en: 'Need or achievement sent back' },
  },
  'deal.opened': {
    audience: ['enterprise', 'tto'],
    label: { zh: '对方开启了交易', en: 'Deal opened by the other side' },
  },
  'deal.terms': {
    audience: ['enterprise', 'tto'],
    label: { zh: '交易条款待您回应', en: 'Deal terms waiting for you' },
  },
  'deal.progress': {
    audience: ['enterprise', 'tto', 'manager'],
    label: { zh: '交易进展', en: 'Deal progress' },
  },
  'challenge.published': {
    audience: ['tto'],
    label: { zh: '有与您成果相符的揭榜挂帅榜单', en: 'An open challenge that fits your achievements' },
  },
  'challenge.proposal': {
    audience: ['enterprise', 'manager'],
    label: { zh: '收到揭榜方案', en: 'Proposal received for a challenge' },
  },
  'challenge.reminder': {
    audience: ['tto'],
    label: { zh: '揭榜截止提醒', en: 'Challenge deadline reminder' },
  },
  'challenge.decision': {
    audience: ['enterprise', 'tto', 'manager'],
    label: { zh: '揭榜评审结果', en: 'Challenge decision' },
  },
  // Addressed to the person who saved the search; every message carries its unsubscribe link.
  'saved_search.match': {
    audience: ['enterprise', 'tto', 'manager', 'admin'],
    label: { zh: '保存的搜索有新结果', en: 'New listing for a saved search' },
    defaultEmailMode: 'digest',
  },
  'service.quote': {
    audience: ['enterprise', 'tto'],
    label: { zh: '概念验证与中试服务报价', en: 'Proof-of-concept and pilot quotes' },
  },
} as const satisfies Record<string, NotificationTypeInfo>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

/** The e-mail mode of a type for users who chose none. */
export function defaultEmailMode(type: NotificationType): 'immediate' | 'digest' {
  const info: NotificationTypeInfo = NOTIFICATION_TYPES[type];
  return info.defaultEmailMode ?? 'immediate';
}

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_TYPES, value);
}

/** How a notification reaches someone. The inbox row is written at once; the others by jobs. */
export const CHANNELS = ['inbox', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * pending: waiting for its job (or, for a digest e-mail, for the next digest);
 * retrying: an attempt failed and the job will try again; delivered; failed: the attempts
 * are used up (the admin may retry it); skipped: not sent, with a reason (recipient disabled…).
 */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const EMAIL_MODES = ['immediate', 'digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
