import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { QUOTE_STATUSES, type QuoteStatus } from '../domain/quote-machine';

/** A company's or TTO's request to a platform for one service step on an achievement, and its answer. */
@Entity('service_quote')
@Index('IDX_service_quote_requester', ['requesterOrgId', 'createdAt'])
@Index('IDX_service_quote_platform', ['platformOrgId', 'createdAt'])
@Index('IDX_service_quote_achievement', ['achievementOrgId', 'createdAt'])
export class ServiceQuote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  serviceId: string;

  @Column({ type: 'uuid' })
  platformId: string;

  @Column({ type: 'uuid' })
  platformOrgId: string;

  @Column({ type: 'uuid' })
  requesterOrgId: string;

  @Column({ type: 'uuid' })
  achievementId: string;

  /** The TTO that owns the achievement: it confirms the maturity reached. */
  @Column({ type: 'uuid' })
  achievementOrgId: string;

  /** The recommendation whose maturity gap led to the request, if any. */
  @Column({ type: 'uuid', nullable: true })
  recommendationId: string | null;

  @Column({ type: 'enum', enum: QUOTE_STATUSES, enumName: 'service_quote_status', default: 'requested' })
  status: QuoteStatus;

  /** The achievement's recorded maturity when the quote was asked for. */
  @Column({ type: 'smallint', nullable: true })
  trlBefore: number | null;

  @Column({ type: 'smallint' })
  targetTrl: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  price: string | null;

  @Column({ type: 'integer', nullable: true })
  leadTimeDays: number | null;

  /** The maturity the platform reports at completion. */
  @Column({ type: 'smallint', nullable: true })
  trlReached: number | null;

  @Column({ type: 'text', nullable: true })
  report: string | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  quotedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  declinedAt: Date | null;

  /** When the achievement's TTO confirmed the maturity reached (and the achievement's was raised). */
  @Column({ type: 'timestamptz', nullable: true })
  maturityConfirmedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  maturityConfirmedBy: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A message between the parties of a quote. */
@Entity('service_quote_message')
@Index('IDX_service_quote_message_quote', ['quoteId', 'createdAt'])
export class ServiceQuoteMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  quoteId: string;

  @Column({ type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'uuid' })
  authorOrgId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
