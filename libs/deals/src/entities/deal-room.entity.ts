import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TERM_SHEET_STATUSES, type Side, type TermSheetStatus } from '../domain/term-sheet';
import { Deal } from './deal.entity';

/** One version of the terms under negotiation; versions count up per deal. */
@Entity('term_sheet')
@Index(['dealId', 'version'], { unique: true })
export class TermSheet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  proposedBy: Side;

  @Column({ type: 'uuid' })
  proposedByUser: string;

  @Column({ type: 'enum', enum: TERM_SHEET_STATUSES, enumName: 'term_sheet_status', default: 'open' })
  status: TermSheetStatus;

  /** The terms as offered (validated by type when offered). Amounts are decimal strings. */
  @Column({ type: 'jsonb' })
  terms: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  institutionAcceptedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  institutionAcceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  companyAcceptedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  companyAcceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The deal room's message thread. */
@Entity('deal_message')
@Index(['dealId', 'createdAt'])
export class DealMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'uuid' })
  authorOrgId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A file shared in the deal room, kept in PostgreSQL (size- and type-checked on upload). */
@Entity('deal_attachment')
@Index(['dealId', 'createdAt'])
export class DealAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A researcher's share of the team's income from a deal (percent; the shares sum to 100). */
@Entity('deal_contribution')
@Index(['dealId', 'researcherId'], { unique: true })
export class DealContribution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'uuid' })
  researcherId: string;

  @Column({ type: 'numeric', precision: 7, scale: 4 })
  sharePercent: string;
}
