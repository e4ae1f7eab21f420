import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_ROUTES, type EventName, type EventPayloads } from './job-catalogue';

/** Channel the relay listens on, so a commit wakes it without waiting for the next poll. */
export const OUTBOX_CHANNEL = 'kuaizhuan_outbox';

/**
 * Records an event's jobs inside the caller's transaction: they exist exactly when
 * the change that caused them was committed.
 */
@Injectable()
export class Outbox {
  async publish<E extends EventName>(manager: EntityManager, event: E, payload: EventPayloads[E]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox.publish('${event}') must run inside a transaction`);
    }
    await manager.query(
      `INSERT INTO outbox (event, job_name, payload) SELECT $1, job, $3::jsonb FROM unnest($2::text[]) AS job`,
      [event, EVENT_ROUTES[event], JSON.stringify(payload)],
    );
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
