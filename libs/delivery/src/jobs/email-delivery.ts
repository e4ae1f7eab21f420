import { Injectable } from '@nestjs/common';
import { JOB_POLICIES, Mailer, OnJob } from '@kuaizhuan/platform';
import { User } from '@kuaizhuan/identity';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryConfig } from '../delivery-config';
import { renderEmail } from '../domain/messages';
import { Delivery } from '../entities/delivery.entity';
import { Notification } from '../entities/notification.entity';
import { isWorkable, recordFailedAttempt, requireUuid, toRenderable } from './delivery-rows';

/** What the job did (kept by BullMQ as its return value). */
export type EmailOutcome = 'delivered' | `skipped: ${string}`;

/**
 * The `delivery.email` job. The delivery row is locked while the e-mail goes out, so two runs
 * of the job send one e-mail: the second waits, then finds it delivered. A failed send rolls
 * back, is noted on the row, and is thrown for BullMQ to retry.
 */
@Injectable()
export class EmailDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: DeliveryConfig,
  ) {}

  @OnJob('delivery.email', ({ deliveryId }) => [deliveryId])
  async send(rawId: string): Promise<EmailOutcome> {
    const deliveryId = requireUuid('delivery.email', rawId);
    try {
      return await this.dataSource.transaction((manager) => this.sendLocked(manager, deliveryId));
    } catch (error) {
      if (!(error instanceof UnrecoverableError)) {
        await recordFailedAttempt(this.dataSource, [deliveryId], error, JOB_POLICIES['delivery.email'].attempts);
      }
      throw error;
    }
  }

  private async sendLocked(manager: EntityManager, deliveryId: string): Promise<EmailOutcome> {
    const delivery = await manager.findOne(Delivery, {
      where: { id: deliveryId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!delivery) return 'skipped: missing';
    if (delivery.channel !== 'email') {
      throw new UnrecoverableError(`delivery.email: delivery ${deliveryId} is a ${delivery.channel} delivery`);
    }
    if (!isWorkable(delivery.status)) return `skipped: ${delivery.status}`;
    // Gathered into the daily digest instead.
    if (delivery.emailMode === 'digest') return 'skipped: digest';

    const user = delivery.userId ? await manager.findOneBy(User, { id: delivery.userId }) : null;
    if (!user || user.status !== 'active') {
      await manager.update(Delivery, { id: deliveryId }, { status: 'skipped', lastError: 'recipient is not active' });
      return 'skipped: recipient inactive';
    }
    const notification = await manager.findOneByOrFail(Notification, { id: delivery.notificationId });
    const mail = renderEmail(toRenderable(notification), this.config.publicUrl);
    await manager.update(
      Delivery,
      { id: deliveryId },
      { status: 'delivered', deliveredAt: new Date(), attempts: delivery.attempts + 1, lastError: null },
    );
    // Sent last: if it throws, the transaction rolls back and the row stays open for the retry.
    await this.mailer.send({
      to: user.email,
      subject: mail.subject,
      text: mail.text,
      messageId: `<delivery.${deliveryId}@${this.config.mailDomain}>`,
    });
    return 'delivered';
  }
}
