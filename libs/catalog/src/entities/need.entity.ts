import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Organisation } from '@kuaizhuan/identity';
import { COOPERATION_MODES, CONFIDENTIALITIES, type Confidentiality, type CooperationMode } from '../domain/vocabulary';
import { ListingColumns } from './listing-columns';

/** A company's technology need (技术需求). */
@Entity('need')
@Index(['status', 'updatedAt'])
export class Need extends ListingColumns {
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'org_id' })
  organisation?: Organisation;

  /** Public summary: shown to everyone once published, whatever the confidentiality. */
  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The problem to solve. */
  @Column({ type: 'text', default: '' })
  problem: string;

  /** Technical indicators (指标) the solution must reach. */
  @Column({ type: 'text', default: '' })
  indicators: string;

  /** What the company already has: equipment, staff, prior work. */
  @Column({ type: 'text', default: '' })
  existingConditions: string;

  /** Desired maturity stage (taxonomy kind `maturity_stage`). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  desiredStage: string | null;

  /** Lowest acceptable technology readiness level, 1–9. */
  @Column({ type: 'smallint', nullable: true })
  minTrl: number | null;

  /** Budget in yuan; numeric, read and written as decimal strings. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetMin: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetMax: string | null;

  @Column({ type: 'enum', enum: COOPERATION_MODES, enumName: 'cooperation_mode', array: true, default: () => "'{}'" })
  cooperationModes: CooperationMode[];

  /** Region code (GB/T 2260), taxonomy kind `region`. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  regionCode: string | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'enum', enum: CONFIDENTIALITIES, enumName: 'need_confidentiality', default: 'public' })
  confidentiality: Confidentiality;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /**
   * The commissioner's appointment (科技特派员, outreach) under which the need was mined: drafted by
   * the commissioner, confirmed by the company. Null for a need the company wrote itself.
   */
  @Column({ type: 'uuid', nullable: true })
  minedByAppointmentId: string | null;
}
