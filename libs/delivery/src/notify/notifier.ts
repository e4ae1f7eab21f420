import { Injectable } from '@nestjs/common';
import { Outbox } from '@kuaizhuan/platform';
import { In, type EntityManager } from 'typeorm';
import { notificationProblems, type NotificationInput } from '../domain/notification-input';
import { NOTIFICATION_TYPES, type Channel, type EmailMode } from '../domain/notification-types';
import {
  planDeliveries,
  selectRecipients,
  webhookOrganisations,
  type CandidateUser,
  type PlannedDelivery,
  type RecipientSpec,
} from '../domain/plan';
import { NotificationPreference } from '../entities/notification-preference.entity';

export interface NotifyResult {
  notificationId: string;
  /** Deliveries this call wrote, per channel; 0 everywhere when an earlier call covered them. */
  created: Record<Channel, number>;
}

interface InsertedDelivery {
  id: string;
  channel: Channel;
  email_mode: EmailMode | null;
}

/**
 * The door other libs push through. `notify` runs inside the caller's transaction: the
 * notification, its deliveries and the outbox rows that start their jobs commit (or roll
 * back) with the change that caused them. Inbox items exist at once; e-mails and webhooks
 * are sent by the worker; digest e-mails wait for the daily digest.
 */
@Injectable()
export class Notifier {
  constructor(private readonly outbox: Outbox) {}

  async notify(manager: EntityManager, input: NotificationInput): Promise<NotifyResult> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Notifier.notify('${input.type}') must run inside a transaction`);
    }
    const problems = notificationProblems(input);
    if (problems.length > 0) throw new Error(`Notifier.notify: ${problems.join('; ')}`);

    const notificationId = await this.storeNotification(manager, input);
    const spec: RecipientSpec = {
      userIds: input.recipients.userIds ?? [],
      organisationIds: input.recipients.organisationIds ?? [],
      roles: input.recipients.roles ?? NOTIFICATION_TYPES[input.type].audience,
    };
    const recipients = selectRecipients(await this.candidates(manager, spec), spec);
    const preferences = await manager.find(NotificationPreference, {
      where: { userId: In(recipients.map((user) => user.id)), type: input.type },
    });
    const endpoints: { id: string; orgId: string }[] = await manager.query(
      `SELECT id, org_id AS "orgId" FROM webhook_endpoint
        WHERE org_id = ANY($1::uuid[]) AND disabled_at IS NULL AND $2 = ANY(event_types)
        ORDER BY id`,
      [webhookOrganisations(recipients, spec), input.type],
    );
    const planned = planDeliveries({
      type: input.type,
      subject: input.subject,
      recipients,
      preferences: new Map(preferences.map((p) => [p.userId, p])),
      endpoints,
    });
    const inserted = await this.insertDeliveries(manager, notificationId, planned);
    for (const delivery of inserted) {
      if (delivery.channel === 'email' && delivery.email_mode === 'immediate') {
        await this.outbox.publish(manager, 'delivery.email.requested', { deliveryId: delivery.id });
      } else if (delivery.channel === 'webhook') {
        await this.outbox.publish(manager, 'delivery.webhook.requested', { deliveryId: delivery.id });
      }
    }
    const created: Record<Channel, number> = { inbox: 0, email: 0, webhook: 0 };
    for (const delivery of inserted) created[delivery.channel] += 1;
    return { notificationId, created };
  }

  /** The notification of this type and subject: the one stored by an earlier call, or a new one. */
  private async storeNotification(manager: EntityManager, input: NotificationInput): Promise<string> {
    const [inserted]: { id: string }[] = await manager.query(
      `INSERT INTO notification (type, subject_type, subject_id, title_zh, title_en, body_zh, body_en, link, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
       ON CONFLICT (type, subject_type, subject_id) DO NOTHING
       RETURNING id`,
      [
        input.type,
        input.subject.type,
        input.subject.id,
        input.title.zh.trim(),
        input.title.en.trim(),
        input.body.zh,
        input.body.en,
        input.link,
        JSON.stringify(input.data ?? {}),
      ],
    );
    if (inserted) return inserted.id;
    const [existing]: { id: string }[] = await manager.query(
      `SELECT id FROM notification WHERE type = $1 AND subject_type = $2 AND subject_id = $3`,
      [input.type, input.subject.type, input.subject.id],
    );
    return existing.id;
  }

  private async candidates(manager: EntityManager, spec: RecipientSpec): Promise<CandidateUser[]> {
    const rows: { id: string; organisationId: string; role: CandidateUser['role']; status: string }[] =
      await manager.query(
        `SELECT id, organisation_id AS "organisationId", role, status FROM user_account
          WHERE id = ANY($1::uuid[]) OR (organisation_id = ANY($2::uuid[]) AND role::text = ANY($3::text[]))`,
        [spec.userIds, spec.organisationIds, spec.roles],
      );
    return rows.map(({ status, ...user }) => ({ ...user, active: status === 'active' }));
  }

  /** Writes the planned deliveries; those whose idempotency key exists already are left out. */
  private async insertDeliveries(
    manager: EntityManager,
    notificationId: string,
    planned: PlannedDelivery[],
  ): Promise<InsertedDelivery[]> {
    if (planned.length === 0) return [];
    return manager.query(
      `INSERT INTO delivery
              (notification_id, channel, user_id, endpoint_id, org_id, idempotency_key, email_mode, status, delivered_at)
       SELECT $1, t.channel::delivery_channel, t.user_id, t.endpoint_id, t.org_id, t.key, t.mode::email_mode,
              (CASE WHEN t.channel = 'inbox' THEN 'delivered' ELSE 'pending' END)::delivery_status,
              CASE WHEN t.channel = 'inbox' THEN now() END
         FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[])
              AS t(channel, user_id, endpoint_id, org_id, key, mode)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, channel, email_mode`,
      [
        notificationId,
        planned.map((p) => p.channel),
        planned.map((p) => p.userId),
        planned.map((p) => p.endpointId),
        planned.map((p) => p.orgId),
        planned.map((p) => p.idempotencyKey),
        planned.map((p) => p.emailMode),
      ],
    );
  }
}
