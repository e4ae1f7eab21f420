import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  ORGANISATION_KINDS,
  VERIFICATION_STATUSES,
  type OrganisationKind,
  type VerificationStatus,
} from '../domain/roles';

/** A company, university TTO, institute, service agency or government body; every user belongs to one. */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  /** 统一社会信用代码; unique when present (PostgreSQL lets several rows have none). */
  @Column({ type: 'varchar', length: 18, nullable: true, unique: true })
  creditCode: string | null;

  /** Region code, e.g. a Chongqing district; free text for now. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  region: string | null;

  @Column({
    type: 'enum',
    enum: VERIFICATION_STATUSES,
    enumName: 'verification_status',
    default: 'pending',
  })
  verificationStatus: VerificationStatus;

  /** Why the organisation was rejected (shown to its members). */
  @Column({ type: 'text', nullable: true })
  verificationReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /** The admin who verified it. No foreign key: kept for the record, like the audit log. */
  @Column({ type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
