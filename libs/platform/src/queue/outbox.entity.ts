import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job to start, written in the same transaction as the change that calls for it.
 * The worker's relay moves undispatched rows to BullMQ with jobId = id.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['createdAt'], { where: 'dispatched_at IS NULL' })
export class OutboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The domain event that caused this job, for tracing. */
  @Column({ type: 'varchar', length: 80 })
  event: string;

  @Column({ type: 'varchar', length: 80 })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  /** Failed hand-overs to Redis so far. */
  @Column({ type: 'int', default: 0 })
  relayAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
