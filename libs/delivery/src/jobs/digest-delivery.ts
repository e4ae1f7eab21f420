import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JOB_POLICIES, Mailer, OnJob, QueueProducers } from '@kuaizhuan/platform';
import { User } from '@kuaizhuan/identity';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DeliveryConfig } from '../delivery-config';
import { composeDigest } from '../domain/messages';
import { Delivery } from '../entities/delivery.entity';
import { Notification } from '../entities/notification.entity';
import { recordFailedAttempt, requireUuid, toRenderable } from './delivery-rows';

export type DigestOutcome = { sent: number } | `skipped: ${string}`;

/** Open digest deliveries: waiting, or a previous digest attempt failed and will be retried. */
const OPEN_DIGEST = `channel = 'email' AND email_mode = 'digest' AND status IN ('pending', 'retrying')`;

/**
 * The daily digest. `sweep` starts one `delivery.digest` job per user with open digest
 * e-mails; `send` locks that user's open rows, mails one message listing them and marks each
 * delivered in the same transaction, so a second run (or a concurrent one) finds nothing left.
 */
@Injectable()
export class DigestDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: DeliveryConfig,
    private readonly producers: QueueProducers,
  ) {}

  @OnJob('delivery.digest', ({ userId }) => [userId])
  async send(rawUserId: string): Promise<DigestOutcome> {
    const userId = requireUuid('delivery.digest', rawUserId);
    let locked: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `SELECT id FROM delivery WHERE user_id = $1 AND ${OPEN_DIGEST} ORDER BY id FOR UPDATE`,
          [userId],
        );
        locked = rows.map((row) => row.id);
        if (locked.length === 0) return 'skipped: nothing to send';
        return this.sendLocked(manager, userId, locked);
      });
    } catch (error) {
      await recordFailedAttempt(this.dataSource, locked, error, JOB_POLICIES['delivery.digest'].attempts);
      throw error;
    }
  }

  /** Starts a digest job for every user with open digest e-mails; returns how many. */
  @OnJob('delivery.digest.sweep', ({ trigger }) => [trigger])
  async sweep(trigger: 'schedule' | 'manual'): Promise<{ users: number }> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM delivery WHERE ${OPEN_DIGEST}`,
    );
    // One job per user per hour for the schedule (a repeated sweep adds nothing); manual runs are new.
    const run = trigger === 'schedule' ? new Date().toISOString().slice(0, 13) : `manual-${Date.now()}`;
    await this.producers.add(
      rows.map((row) => ({
        name: 'delivery.digest' as const,
        data: { userId: row.user_id },
        jobId: `digest.${row.user_id}.${run}`,
      })),
    );
    return { users: rows.length };
  }

  private async sendLocked(manager: EntityManager, userId: string, ids: string[]): Promise<DigestOutcome> {
    const user = await manager.findOneBy(User, { id: userId });
    if (!user || user.status !== 'active') {
      await manager.update(Delivery, { id: In(ids) }, { status: 'skipped', lastError: 'recipient is not active' });
      return 'skipped: recipient inactive';
    }
    const deliveries = await manager.findBy(Delivery, { id: In(ids) });
    const notifications = await manager.findBy(Notification, {
      id: In([...new Set(deliveries.map((d) => d.notificationId))]),
    });
    const mail = composeDigest(notifications.map(toRenderable), this.config.publicUrl);
    await manager.query(
      `UPDATE delivery SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, last_error = NULL,
              updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    // Sent last: if it throws, nothing above is kept and the rows wait for the retry.
    const fingerprint = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32);
    await this.mailer.send({
      to: user.email,
      subject: mail.subject,
      text: mail.text,
      messageId: `<digest.${fingerprint}@${this.config.mailDomain}>`,
    });
    return { sent: ids.length };
  }
}
