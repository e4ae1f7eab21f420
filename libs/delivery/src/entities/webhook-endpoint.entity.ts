import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '@kuaizhuan/identity';
import type { NotificationType } from '../domain/notification-types';

/** A URL an organisation registered to receive signed notifications of the types it chose. */
@Entity('webhook_endpoint')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  /** Notification types it receives. */
  @Column({ type: 'varchar', length: 60, array: true })
  eventTypes: NotificationType[];

  /** The signing secret, sealed with SecretBox; shown to the organisation only when made. */
  @Column({ type: 'text' })
  secretSealed: string;

  /** `whsec_…abcd`: which secret is in use. */
  @Column({ type: 'varchar', length: 20 })
  secretHint: string;

  /** Deliveries that failed for good since the last success. */
  @Column({ type: 'int', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  disabledReason: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
