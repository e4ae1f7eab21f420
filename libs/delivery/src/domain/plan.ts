import type { UserRole } from '@kuaizhuan/identity';
import { defaultEmailMode, type Channel, type EmailMode, type NotificationType } from './notification-types';

/** What a notification is about: `{ type: 'recommendation', id }`. */
export interface Subject {
  type: string;
  id: string;
}

export type Recipient = { kind: 'user'; id: string } | { kind: 'endpoint'; id: string };

/**
 * The idempotency key of one delivery: this notification type about this subject, on this
 * channel, to this recipient. A unique index on it means a subject is never delivered twice
 * on a channel to a recipient, however often it is announced. The notification type is part
 * of the subject: "recommendation R was approved" and "a connection was made on R" are two.
 */
export function deliveryKey(type: NotificationType, subject: Subject, channel: Channel, recipient: Recipient): string {
  return `${type}|${subject.type}:${subject.id}|${channel}|${recipient.kind}:${recipient.id}`;
}

/** A user's choice for one notification type; absent means the defaults. */
export interface Preference {
  inbox: boolean;
  email: boolean;
  emailMode: EmailMode;
}

export const DEFAULT_PREFERENCE: Preference = { inbox: true, email: true, emailMode: 'immediate' };

/** The stored choice over the type's defaults (over the platform's defaults). */
export function effectivePreference(
  stored: Partial<Preference> | undefined,
  defaultMode: EmailMode = DEFAULT_PREFERENCE.emailMode,
): Preference {
  const defaults = { ...DEFAULT_PREFERENCE, emailMode: defaultMode };
  return mergePreference(defaults, stored ?? {});
}

/** `changes` over `current`, field by field; fields not given (or null) keep their value. */
export function mergePreference(current: Preference, changes: Partial<Preference>): Preference {
  return {
    inbox: changes.inbox ?? current.inbox,
    email: changes.email ?? current.email,
    emailMode: changes.emailMode ?? current.emailMode,
  };
}

export interface CandidateUser {
  id: string;
  organisationId: string;
  role: UserRole;
  active: boolean;
}

export interface RecipientSpec {
  userIds: readonly string[];
  organisationIds: readonly string[];
  /** Roles of organisation members that receive it. */
  roles: readonly UserRole[];
}

/**
 * The users a notification goes to: every active user named, and every active member of a
 * named organisation whose role is in the audience. Each user once, in a stable order.
 */
export function selectRecipients(candidates: readonly CandidateUser[], spec: RecipientSpec): CandidateUser[] {
  const named = new Set(spec.userIds);
  const orgs = new Set(spec.organisationIds);
  const chosen = new Map<string, CandidateUser>();
  for (const user of candidates) {
    if (!user.active) continue;
    const viaOrg = orgs.has(user.organisationId) && spec.roles.includes(user.role);
    if (named.has(user.id) || viaOrg) chosen.set(user.id, user);
  }
  return [...chosen.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Organisations whose webhooks hear of the notification: those named, and those of its users. */
export function webhookOrganisations(recipients: readonly CandidateUser[], spec: RecipientSpec): string[] {
  return [...new Set([...spec.organisationIds, ...recipients.map((user) => user.organisationId)])].sort();
}

export interface PlannedDelivery {
  channel: Channel;
  userId: string | null;
  endpointId: string | null;
  /** The recipient's organisation (the endpoint's owner for webhooks). */
  orgId: string;
  idempotencyKey: string;
  emailMode: EmailMode | null;
}

export interface DeliveryPlanInput {
  type: NotificationType;
  subject: Subject;
  recipients: readonly CandidateUser[];
  preferences: ReadonlyMap<string, Partial<Preference>>;
  endpoints: readonly { id: string; orgId: string }[];
}

/** One delivery per recipient × channel the recipient wants. */
export function planDeliveries(input: DeliveryPlanInput): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  const key = (channel: Channel, recipient: Recipient): string =>
    deliveryKey(input.type, input.subject, channel, recipient);
  for (const user of input.recipients) {
    const preference = effectivePreference(input.preferences.get(user.id), defaultEmailMode(input.type));
    const recipient: Recipient = { kind: 'user', id: user.id };
    const base = { userId: user.id, endpointId: null, orgId: user.organisationId };
    if (preference.inbox) {
      planned.push({ ...base, channel: 'inbox', idempotencyKey: key('inbox', recipient), emailMode: null });
    }
    if (preference.email) {
      planned.push({
        ...base,
        channel: 'email',
        idempotencyKey: key('email', recipient),
        emailMode: preference.emailMode,
      });
    }
  }
  for (const endpoint of input.endpoints) {
    planned.push({
      channel: 'webhook',
      userId: null,
      endpointId: endpoint.id,
      orgId: endpoint.orgId,
      idempotencyKey: key('webhook', { kind: 'endpoint', id: endpoint.id }),
      emailMode: null,
    });
  }
  return planned;
}
