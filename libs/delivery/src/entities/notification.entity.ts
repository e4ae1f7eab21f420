import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { NotificationType } from '../domain/notification-types';

/**
 * Something the platform tells people, as its caller rendered it (Chinese and English).
 * One per type and subject: announcing the same thing again reuses it.
 */
@Entity('notification')
@Unique('notification_type_subject_uq', ['type', 'subjectType', 'subjectId'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A key of NOTIFICATION_TYPES, e.g. `recommendation.approved`. */
  @Column({ type: 'varchar', length: 60 })
  type: NotificationType;

  /** What it is about, e.g. `recommendation`. */
  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ type: 'varchar', length: 64 })
  subjectId: string;

  @Column({ type: 'varchar', length: 200 })
  titleZh: string;

  @Column({ type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ type: 'text' })
  bodyZh: string;

  @Column({ type: 'text' })
  bodyEn: string;

  /** Path in the portal, starting with `/`. */
  @Column({ type: 'varchar', length: 500 })
  link: string;

  /** Structured facts for webhook receivers (ids, scores); never contact details. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
