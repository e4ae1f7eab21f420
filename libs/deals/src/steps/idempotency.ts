import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvalidInputError, RequestValidationError } from '@kuaizhuan/platform';
import type { EntityManager } from 'typeorm';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Checks the header's presence and form: 400 naming it otherwise. */
export function requireIdempotencyKey(value: string | undefined): string {
  if (value === undefined || !KEY_PATTERN.test(value)) {
    throw new RequestValidationError([
      {
        field: IDEMPOTENCY_HEADER,
        message: `${IDEMPOTENCY_HEADER} header is required: 8 to 100 letters, digits or _ . : -`,
      },
    ]);
  }
  return value;
}

/** A stable text of a JSON value (keys sorted), so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs a money-moving request once per key and organisation. The record is written in the
 * request's own transaction: a request that fails leaves no record and may be retried with
 * the same key; a concurrent twin waits on the key's row and then replays the answer.
 */
@Injectable()
export class Idempotency {
  async run<T>(
    manager: EntityManager,
    orgId: string,
    key: string,
    scope: string,
    body: unknown,
    work: () => Promise<T>,
  ): Promise<T> {
    const hash = createHash('sha256')
      .update(`${scope}\n${canonical(body)}`)
      .digest('hex');
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_record (org_id, key, scope, request_hash, status, response)
       VALUES ($1, $2, $3, $4, 0, 'null'::jsonb)
       ON CONFLICT (org_id, key) DO NOTHING RETURNING key`,
      [orgId, key, scope, hash],
    );
    if (inserted.length === 0) {
      const [earlier]: { request_hash: string; response: T }[] = await manager.query(
        `SELECT request_hash, response FROM idempotency_record WHERE org_id = $1 AND key = $2`,
        [orgId, key],
      );
      if (earlier.request_hash !== hash) {
        throw new InvalidInputError(
          `${IDEMPOTENCY_HEADER} ${key} was used for another request; use a new key`,
          IDEMPOTENCY_HEADER,
        );
      }
      return earlier.response;
    }
    const result = await work();
    await manager.query(
      `UPDATE idempotency_record SET status = 201, response = $3::jsonb WHERE org_id = $1 AND key = $2`,
      [orgId, key, JSON.stringify(result)],
    );
    return JSON.parse(JSON.stringify(result)) as T;
  }
}
