import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PLATFORM_KINDS, PLATFORM_STATUSES, type PlatformKind, type PlatformStatus } from '../domain/vocabulary';

/**
 * An organisation's standing as a service platform (概念验证中心, 中试验证平台, 孵化器): it applies,
 * the operator verifies it; only a verified platform lists services and answers quotes.
 */
@Entity('service_platform')
export class ServicePlatform {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organisation that runs it: one platform per organisation. */
  @Index('IDX_service_platform_org', { unique: true })
  @Column({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: PLATFORM_KINDS, enumName: 'service_platform_kind', array: true })
  kinds: PlatformKind[];

  @Column({ type: 'text', default: '' })
  description: string;

  /** Administrative division code (GB/T 2260) where its facilities are. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ type: 'enum', enum: PLATFORM_STATUSES, enumName: 'service_platform_status', default: 'pending' })
  status: PlatformStatus;

  /** Why the operator rejected it (shown to its members). */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One service a platform offers: what it does, for which fields and maturity, at what price and pace. */
@Entity('platform_service')
@Index('IDX_platform_service_platform_active', ['platformId', 'active'])
export class PlatformService {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  platformId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Technology fields (taxonomy kind `field`); none means every field. */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  fieldCodes: string[];

  /** The maturity it takes a result at … */
  @Column({ type: 'smallint' })
  trlFrom: number;

  /** … and the maturity it brings it to. */
  @Column({ type: 'smallint' })
  trlTo: number;

  @Column({ type: 'text', default: '' })
  facilities: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  priceMin: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  priceMax: string | null;

  @Column({ type: 'integer' })
  leadTimeDays: number;

  /** Where the service is done; the platform's region when left out. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
