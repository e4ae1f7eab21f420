import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { RenderableNotification } from '../domain/messages';
import type { DeliveryStatus } from '../domain/notification-types';
import { statusAfterFailure } from '../domain/retry-policy';
import { Delivery } from '../entities/delivery.entity';
import type { Notification } from '../entities/notification.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job whose payload is not an id fails for good at once: no retry can mend it. */
export function requireUuid(job: string, value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new UnrecoverableError(`${job}: malformed id ${String(value)}`);
  }
  return value;
}

/** Statuses a job still acts on. `failed` stays workable so a retry from the failed set can succeed. */
export function isWorkable(status: DeliveryStatus): boolean {
  return status === 'pending' || status === 'retrying' || status === 'failed';
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
}

export function toRenderable(notification: Notification): RenderableNotification {
  return {
    id: notification.id,
    type: notification.type,
    subject: { type: notification.subjectType, id: notification.subjectId },
    title: { zh: notification.titleZh, en: notification.titleEn },
    body: { zh: notification.bodyZh, en: notification.bodyEn },
    link: notification.link,
    data: notification.data,
    createdAt: notification.createdAt,
  };
}

/**
 * Notes a failed attempt on deliveries that are still open, outside the rolled-back sending
 * transaction: the attempt count goes up, and at `maxAttempts` the delivery is `failed`.
 */
export async function recordFailedAttempt(
  manager: EntityManager,
  ids: string[],
  error: unknown,
  maxAttempts: number,
): Promise<void> {
  for (const id of ids) {
    const row = await manager.findOne(Delivery, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row || !isWorkable(row.status)) continue;
    const attempts = row.attempts + 1;
    await manager.update(
      Delivery,
      { id },
      { attempts, status: statusAfterFailure(attempts, maxAttempts), lastError: errorText(error) },
    );
  }
}
