import { Injectable } from '@nestjs/common';
import { JOB_POLICIES, OnJob } from '@kuaizhuan/platform';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryConfig } from '../delivery-config';
import { webhookPayload } from '../domain/messages';
import { healthAfterAttempt, isAccepted, statusAfterFailure } from '../domain/retry-policy';
import { SecretBox } from '../domain/secret-box';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from '../domain/signature';
import { Delivery } from '../entities/delivery.entity';
import { Notification } from '../entities/notification.entity';
import { WebhookAttempt } from '../entities/webhook-attempt.entity';
import { WebhookEndpoint } from '../entities/webhook-endpoint.entity';
import { isWorkable, requireUuid, toRenderable } from './delivery-rows';
import { WebhookSender, type WebhookCall } from './webhook-sender';

export type WebhookOutcome = 'delivered' | `skipped: ${string}`;

/** The call failed; BullMQ retries it by the job's policy. */
export class WebhookCallFailedError extends Error {}

/** Another run holds the delivery's lease (it is calling the endpoint now); try again later. */
export class DeliveryBusyError extends Error {}

type Claim =
  { kind: 'done'; outcome: WebhookOutcome } | { kind: 'call'; url: string; secret: string; body: string; type: string };

/**
 * The `delivery.webhook` job. No database connection is held during the call, which may take
 * until the timeout: the job first takes a lease on the row (a short transaction), calls, and
 * then records the attempt, the delivery's status and the endpoint's health (another short
 * transaction). A second run finds the lease taken or the row delivered and sends nothing.
 */
@Injectable()
export class WebhookDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: WebhookSender,
    private readonly secrets: SecretBox,
    private readonly config: DeliveryConfig,
  ) {}

  @OnJob('delivery.webhook', ({ deliveryId }) => [deliveryId])
  async send(rawId: string): Promise<WebhookOutcome> {
    const deliveryId = requireUuid('delivery.webhook', rawId);
    const claim = await this.dataSource.transaction((manager) => this.claim(manager, deliveryId));
    if (claim.kind === 'done') return claim.outcome;

    const timestamp = Math.floor(Date.now() / 1000);
    const call = await this.sender.post(claim.url, claim.body, {
      'user-agent': 'Kuaizhuan-Webhooks/1',
      [DELIVERY_HEADER]: deliveryId,
      [EVENT_HEADER]: claim.type,
      [SIGNATURE_HEADER]: signatureHeader(claim.secret, timestamp, claim.body),
    });
    await this.dataSource.transaction((manager) => this.record(manager, deliveryId, call));
    if (isAccepted(call.statusCode)) return 'delivered';
    throw new WebhookCallFailedError(`webhook delivery ${deliveryId}: ${call.error ?? 'failed'}`);
  }

  private async claim(manager: EntityManager, deliveryId: string): Promise<Claim> {
    const delivery = await manager.findOne(Delivery, {
      where: { id: deliveryId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!delivery) return { kind: 'done', outcome: 'skipped: missing' };
    if (delivery.channel !== 'webhook' || !delivery.endpointId) {
      throw new UnrecoverableError(`delivery.webhook: delivery ${deliveryId} is a ${delivery.channel} delivery`);
    }
    if (!isWorkable(delivery.status)) return { kind: 'done', outcome: `skipped: ${delivery.status}` };
    if (delivery.leaseUntil && delivery.leaseUntil.getTime() > Date.now()) {
      throw new DeliveryBusyError(`webhook delivery ${deliveryId} is being sent by another run`);
    }
    const endpoint = await manager.findOneByOrFail(WebhookEndpoint, { id: delivery.endpointId });
    if (endpoint.disabledAt) {
      await manager.update(Delivery, { id: deliveryId }, { status: 'skipped', lastError: 'the endpoint is disabled' });
      return { kind: 'done', outcome: 'skipped: endpoint disabled' };
    }
    let secret: string;
    try {
      secret = this.secrets.open(endpoint.secretSealed);
    } catch {
      const reason = 'the endpoint secret cannot be read (was the master key changed?); rotate the secret';
      await manager.update(Delivery, { id: deliveryId }, { status: 'failed', lastError: reason });
      throw new UnrecoverableError(`webhook delivery ${deliveryId}: ${reason}`);
    }
    const notification = await manager.findOneByOrFail(Notification, { id: delivery.notificationId });
    const body = JSON.stringify(
      webhookPayload(deliveryId, endpoint.orgId, toRenderable(notification), this.config.publicUrl),
    );
    // Long enough for the call to finish; a run that died mid-call frees the row when it passes.
    const leaseMs = this.config.settings.WEBHOOK_TIMEOUT_MS + 30_000;
    await manager.update(Delivery, { id: deliveryId }, { leaseUntil: new Date(Date.now() + leaseMs) });
    return { kind: 'call', url: endpoint.url, secret, body, type: notification.type };
  }

  private async record(manager: EntityManager, deliveryId: string, call: WebhookCall): Promise<void> {
    const delivery = await manager.findOneOrFail(Delivery, {
      where: { id: deliveryId },
      lock: { mode: 'pessimistic_write' },
    });
    const endpoint = await manager.findOneOrFail(WebhookEndpoint, {
      where: { id: delivery.endpointId! },
      lock: { mode: 'pessimistic_write' },
    });
    const previous: number = await manager.count(WebhookAttempt, { where: { deliveryId } });
    await manager.insert(WebhookAttempt, {
      deliveryId,
      endpointId: endpoint.id,
      orgId: endpoint.orgId,
      attempt: previous + 1,
      startedAt: call.startedAt,
      durationMs: call.durationMs,
      statusCode: call.statusCode,
      error: call.error,
      responseExcerpt: call.responseExcerpt,
    });
    const accepted = isAccepted(call.statusCode);
    const attempts = delivery.attempts + 1;
    const status = accepted ? 'delivered' : statusAfterFailure(attempts, JOB_POLICIES['delivery.webhook'].attempts);
    await manager.update(
      Delivery,
      { id: deliveryId },
      {
        status,
        attempts,
        leaseUntil: null,
        lastError: call.error,
        deliveredAt: accepted ? new Date() : null,
      },
    );
    const health = healthAfterAttempt(
      { consecutiveFailures: endpoint.consecutiveFailures, disabled: endpoint.disabledAt !== null },
      { accepted, deliveryFailed: status === 'failed' && delivery.status !== 'failed' },
      this.config.settings.WEBHOOK_DISABLE_AFTER,
    );
    await manager.update(
      WebhookEndpoint,
      { id: endpoint.id },
      {
        consecutiveFailures: health.consecutiveFailures,
        ...(health.justDisabled && {
          disabledAt: new Date(),
          disabledReason: `${health.consecutiveFailures} deliveries in a row failed; last error: ${call.error ?? 'unknown'}`,
        }),
      },
    );
  }
}
