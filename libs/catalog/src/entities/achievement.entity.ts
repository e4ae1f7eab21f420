import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Organisation } from '@kuaizhuan/identity';
import { COOPERATION_MODES, LEGAL_STATUSES, type CooperationMode, type LegalStatus } from '../domain/vocabulary';
import { ListingColumns } from './listing-columns';

/** A university's or institute's research result (科技成果). */
@Entity('achievement')
@Index(['status', 'updatedAt'])
@Index('achievement_org_external_ref', ['orgId', 'externalRef'], { unique: true })
export class Achievement extends ListingColumns {
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_id' })
  organisation?: Organisation;

  /** The TTO's own reference; imports are keyed by it, so re-importing updates in place. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalRef: string | null;

  /** Hash of the imported row: a re-import of an unchanged row writes nothing. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceHash: string | null;

  /** The import that last wrote this row, if any. */
  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'text', default: '' })
  applicationScenarios: string;

  /** Advantages over existing solutions. */
  @Column({ type: 'text', default: '' })
  advantages: string;

  /** IP type code (taxonomy kind `ip_type`). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  ipType: string | null;

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  patentNumbers: string[];

  @Column({ type: 'enum', enum: LEGAL_STATUSES, enumName: 'legal_status', default: 'not_applicable' })
  legalStatus: LegalStatus;

  /** Technology readiness level 1–9. */
  @Column({ type: 'smallint', nullable: true })
  trl: number | null;

  /** Maturity stage code (实验室 / 小试 / 中试 / 产业化), taxonomy kind `maturity_stage`. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  maturityStage: string | null;

  @Column({ type: 'enum', enum: COOPERATION_MODES, enumName: 'cooperation_mode', array: true, default: () => "'{}'" })
  transferModes: CooperationMode[];

  /** Asking price in yuan (both bounds equal for a fixed price; none for "negotiable"). */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  priceMin: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  priceMax: string | null;

  /** Institution (and school or lab) as shown on the listing. */
  @Column({ type: 'varchar', length: 200, default: '' })
  institutionName: string;

  /** In the separate ledger for service inventions (职务科技成果单列管理). */
  @Column({ type: 'boolean', default: false })
  separateLedger: boolean;

  /** Notes for the TTO only: never shown outside the organisation nor indexed. */
  @Column({ type: 'text', default: '' })
  internalNotes: string;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
