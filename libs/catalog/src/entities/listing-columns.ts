import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LISTING_STATUSES, type ListingStatus } from '../domain/vocabulary';

/** Columns every moderated listing (need, achievement) has: owner, status, moderation, times. */
export abstract class ListingColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The owning organisation; every tenant query filters on it. */
  @Index()
  @Column({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'enum', enum: LISTING_STATUSES, enumName: 'listing_status', default: 'draft' })
  status: ListingStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  /** Technology field codes (taxonomy kind `field`). */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  fieldCodes: string[];

  /** The moderator's reason when a submission was sent back, or a note on approval. */
  @Column({ type: 'text', nullable: true })
  moderationNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
