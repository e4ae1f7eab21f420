import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '@kuaizhuan/identity';

/** A researcher (科技人员) of a university or institute, managed by its TTO. */
@Entity('researcher')
@Index('researcher_org_external_ref', ['orgId', 'externalRef'], { unique: true })
@Index(['active', 'updatedAt'])
export class Researcher {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalRef: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Professional title (职称), e.g. 教授. */
  @Column({ type: 'varchar', length: 100, default: '' })
  title: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  institutionName: string;

  @Column({ type: 'text', default: '' })
  profile: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  researchAreas: string[];

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  fieldCodes: string[];

  /** Available to companies as a sci-tech commissioner (科技特派员). */
  @Column({ type: 'boolean', default: false })
  commissionerAvailable: boolean;

  @Column({ type: 'text', default: '' })
  commissionerNote: string;

  /** Private to the institution: revealed to a company only after a connection. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** Listed on the portal; an archived profile is kept for the achievements that name it. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
