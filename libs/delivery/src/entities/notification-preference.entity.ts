import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@kuaizhuan/identity';
import { EMAIL_MODES, type EmailMode, type NotificationType } from '../domain/notification-types';

/** A user's channels for one notification type. No row means the defaults (inbox and immediate e-mail). */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  type: NotificationType;

  @Column({ type: 'boolean' })
  inbox: boolean;

  @Column({ type: 'boolean' })
  email: boolean;

  @Column({ type: 'enum', enum: EMAIL_MODES, enumName: 'email_mode' })
  emailMode: EmailMode;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
