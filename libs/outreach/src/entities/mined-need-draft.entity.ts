import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const MINED_NEED_STATUSES = ['awaiting_company', 'confirmed'] as const;
export type MinedNeedStatus = (typeof MINED_NEED_STATUSES)[number];

/**
 * A need a commissioner drafted on a company's behalf. The company reads and edits it, then
 * confirms it: only then does it become the company's need, sent to moderation.
 */
@Entity('mined_need_draft')
@Index('IDX_mined_need_draft_company', ['companyOrgId', 'status'])
@Index('IDX_mined_need_draft_appointment', ['appointmentId'])
export class MinedNeedDraft {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  appointmentId: string;

  @Column({ type: 'uuid' })
  companyOrgId: string;

  /** The visit the need came out of, when the commissioner names one. */
  @Column({ type: 'uuid', nullable: true })
  visitId: string | null;

  /** The need as drafted and edited: the fields of catalog's CreateNeedDto. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ type: 'enum', enum: MINED_NEED_STATUSES, enumName: 'mined_need_status', default: 'awaiting_company' })
  status: MinedNeedStatus;

  /** The company's need, once confirmed. */
  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ type: 'uuid' })
  draftedBy: string;

  /** Who changed it last, when someone has (the commissioner or the company). */
  @Column({ type: 'uuid', nullable: true })
  editedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
