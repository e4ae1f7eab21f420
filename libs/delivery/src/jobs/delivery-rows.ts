import { UnrecoverableError } from 'bullmq';
import { In, type DataSource } from 'typeorm';
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
 * Notes a failed attempt on deliveries that are still open, in a transaction of its own (the
 * sending one was rolled back): the attempt count goes up, and at `maxAttempts` the delivery
 * is `failed`. The caller re-throws the error for BullMQ.
 */
export async function recordFailedAttempt(
  dataSource: DataSource,
  ids: string[],
  error: unknown,
  maxAttempts: number,
): Promise<void> {
  if (ids.length === 0) return;
  await dataSource.transaction(async (manager) => {
    const rows = await manager.find(Delivery, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const row of rows.filter((r) => isWorkable(r.status))) {
      const attempts = row.attempts + 1;
      await manager.update(
        Delivery,
        { id: row.id },
        { attempts, status: statusAfterFailure(attempts, maxAttempts), lastError: errorText(error) },
      );
    }
  });
}
