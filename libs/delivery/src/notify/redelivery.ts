import { Injectable } from '@nestjs/common';
import { ConflictError, Outbox } from '@kuaizhuan/platform';
import type { EntityManager } from 'typeorm';
import { Delivery } from '../entities/delivery.entity';

/**
 * Gives a delivery that failed or was skipped another run (an admin's or its organisation's
 * decision). A digest e-mail goes back to waiting for the next digest; the others get a new
 * job through the outbox, with the full retry policy (the attempt count starts again; the
 * webhook log keeps numbering its calls).
 */
@Injectable()
export class Redelivery {
  constructor(private readonly outbox: Outbox) {}

  /** `delivery` must have been read with a write lock in `manager`'s transaction. */
  async requeue(manager: EntityManager, delivery: Delivery): Promise<Delivery> {
    if (delivery.status !== 'failed' && delivery.status !== 'skipped') {
      throw new ConflictError(`Only a failed or skipped delivery can be sent again; this one is ${delivery.status}`);
    }
    if (delivery.channel === 'inbox') throw new ConflictError('An inbox item is delivered when it is written');
    const digest = delivery.channel === 'email' && delivery.emailMode === 'digest';
    await manager.update(
      Delivery,
      { id: delivery.id },
      { status: digest ? 'pending' : 'retrying', attempts: 0, leaseUntil: null, lastError: null },
    );
    if (delivery.channel === 'email' && !digest) {
      await this.outbox.publish(manager, 'delivery.email.requested', { deliveryId: delivery.id });
    } else if (delivery.channel === 'webhook') {
      await this.outbox.publish(manager, 'delivery.webhook.requested', { deliveryId: delivery.id });
    }
    return manager.findOneByOrFail(Delivery, { id: delivery.id });
  }
}
