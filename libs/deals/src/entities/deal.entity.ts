import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  DEAL_STATUSES,
  DEAL_TYPES,
  LICENCE_SCOPES,
  type DealStatus,
  type DealType,
  type LicenceScope,
} from '../domain/deal-machine';

/**
 * A deal room: the institution (TTO) offering an achievement, the company taking it up, the
 * technology manager brokering it, and the deal's status in its type's state machine.
 */
@Entity('deal')
@Index(['institutionOrgId'])
@Index(['companyOrgId'])
@Index(['managerUserId'])
export class Deal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: DEAL_TYPES, enumName: 'deal_type' })
  type: DealType;

  @Column({ type: 'enum', enum: DEAL_STATUSES, enumName: 'deal_status', default: 'negotiating' })
  status: DealStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Licences only: exclusive, sole or non-exclusive. */
  @Column({ type: 'enum', enum: LICENCE_SCOPES, enumName: 'licence_scope', nullable: true })
  licenceScope: LicenceScope | null;

  @Column({ type: 'uuid' })
  institutionOrgId: string;

  @Column({ type: 'uuid' })
  companyOrgId: string;

  /** The connection it was opened from; null when a TTO opened it directly. */
  @Column({ type: 'uuid', nullable: true, unique: true })
  connectionId: string | null;

  @Column({ type: 'uuid' })
  achievementId: string;

  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ type: 'uuid', nullable: true })
  managerUserId: string | null;

  /** Costs the institution recovers from income before it is shared (patent fees, appraisal). */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  recoverableCosts: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
