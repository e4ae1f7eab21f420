import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Delivery } from './delivery.entity';

/** One HTTP call made for a webhook delivery: the delivery log its organisation reads. */
@Entity('webhook_attempt')
@Index(['deliveryId', 'attempt'])
@Index(['endpointId', 'startedAt'])
export class WebhookAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => Delivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Delivery;

  /** Copied from the delivery, so the log is read by endpoint and organisation without a join. */
  @Column({ type: 'uuid' })
  endpointId: string;

  @Column({ type: 'uuid' })
  orgId: string;

  /** 1 for the first try. */
  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'int' })
  durationMs: number;

  /** The receiver's HTTP status; null when no answer came (refused, timed out, not allowed). */
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The start of the receiver's answer, to help its developers. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  responseExcerpt: string | null;
}
