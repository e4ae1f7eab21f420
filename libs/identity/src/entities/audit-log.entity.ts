import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which object, and from where. Append-only: a trigger refuses UPDATE,
 * DELETE and TRUNCATE. No foreign keys, so entries outlive what they describe.
 */
@Entity('audit_log')
@Index(['subjectType', 'subjectId'])
@Index(['actorOrgId', 'occurredAt'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** Null for anonymous actions (a failed sign-in with an unknown e-mail). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorOrgId: string | null;

  /** e.g. `auth.login`, `organisation.verified`. */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  subjectId: string | null;

  /** Context of the action. Never secrets: no passwords, tokens or hashes. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;
}
