import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation, User } from '@kuaizhuan/identity';
import {
  CHANNELS,
  DELIVERY_STATUSES,
  EMAIL_MODES,
  type Channel,
  type DeliveryStatus,
  type EmailMode,
} from '../domain/notification-types';
import { Notification } from './notification.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/**
 * One notification to one recipient on one channel: a user's inbox item or e-mail, or a call
 * to one webhook endpoint. The idempotency key is unique, so it exists at most once.
 */
@Entity('delivery')
@Check('delivery_recipient_fits_channel', `("channel" = 'webhook') = ("endpoint_id" IS NOT NULL AND "user_id" IS NULL)`)
@Check('delivery_email_mode_fits_channel', `("channel" = 'email') = ("email_mode" IS NOT NULL)`)
@Index('delivery_inbox_idx', ['userId', 'createdAt'], { where: `"channel" = 'inbox'` })
@Index('delivery_inbox_unread_idx', ['userId'], { where: `"channel" = 'inbox' AND "read_at" IS NULL` })
@Index('delivery_digest_pending_idx', ['userId'], {
  where: `"channel" = 'email' AND "email_mode" = 'digest' AND "status" IN ('pending', 'retrying')`,
})
@Index('delivery_endpoint_idx', ['endpointId', 'createdAt'])
@Index('delivery_failed_idx', ['updatedAt'], { where: `"status" = 'failed'` })
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @Column({ type: 'enum', enum: CHANNELS, enumName: 'delivery_channel' })
  channel: Channel;

  /** The recipient of an inbox item or e-mail. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The endpoint of a webhook delivery. */
  @Column({ type: 'uuid', nullable: true })
  endpointId: string | null;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  /** The recipient's organisation (the endpoint's owner): every tenant query filters on it. */
  @Index()
  @Column({ type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id' })
  organisation?: Organisation;

  /** `type|subject|channel|recipient`: see deliveryKey(). */
  @Column({ type: 'varchar', length: 400, unique: true })
  idempotencyKey: string;

  /** E-mail only: sent at once or gathered into the daily digest. */
  @Column({ type: 'enum', enum: EMAIL_MODES, enumName: 'email_mode', nullable: true })
  emailMode: EmailMode | null;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, enumName: 'delivery_status', default: 'pending' })
  status: DeliveryStatus;

  /** Attempts made in the current run (e-mail and webhook); a resend starts it again. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** While set in the future, one worker is calling the webhook; others keep off. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Inbox only: when the user read it. */
  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
