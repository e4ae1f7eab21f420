import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What the review queue knows of a technology manager: fields of expertise and capacity. */
@Entity('manager_profile')
export class ManagerProfile {
  /** The manager's user id. */
  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'uuid' })
  orgId: string;

  /** Technology field codes the manager reviews best (empty: any field). */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  fieldCodes: string[];

  /** Open reviews at which no more are assigned to this manager. */
  @Column({ type: 'int', default: 50 })
  capacity: number;

  /** Whether the manager takes new reviews. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
