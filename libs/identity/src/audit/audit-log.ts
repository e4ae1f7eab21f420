import { Injectable } from '@nestjs/common';
import { logContext } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogEntry } from '../entities/audit-log.entity';
import { requestOrigin } from './request-origin';

export interface AuditActor {
  userId: string;
  orgId: string;
}

export interface AuditEntry {
  /** `area.verb`, e.g. `auth.login`, `organisation.verified`. */
  action: `${string}.${string}`;
  /** Who acted; null when nobody is signed in (a failed sign-in). */
  actor: AuditActor | null;
  subject: { type: string; id: string | null };
  details?: Record<string, unknown>;
}

/** Keys whose values must never reach the log, whoever passes them by mistake. */
const SECRET_KEY = /password|token|secret|hash/i;

function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, SECRET_KEY.test(key) ? '[redacted]' : value]),
  );
}

/**
 * Appends to the audit log. Pass the transaction's manager so the entry commits (or
 * rolls back) with the change it describes; null writes it on its own, for events
 * that are not changes (a refused sign-in).
 */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager | null, entry: AuditEntry): Promise<void> {
    const target = manager ?? this.dataSource.manager;
    const row: Omit<AuditLogEntry, 'id' | 'occurredAt'> = {
      action: entry.action,
      actorUserId: entry.actor?.userId ?? null,
      actorOrgId: entry.actor?.orgId ?? null,
      subjectType: entry.subject.type,
      subjectId: entry.subject.id,
      details: withoutSecrets(entry.details ?? {}),
      requestId: logContext.getStore()?.requestId ?? null,
      ip: requestOrigin.getStore()?.ip ?? null,
    };
    await target.save(AuditLogEntry, target.create(AuditLogEntry, row), { reload: false });
  }
}
