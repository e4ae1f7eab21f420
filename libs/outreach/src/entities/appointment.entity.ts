import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The operator's appointment of a researcher as technology commissioner (科技特派员) to one company
 * for a period, both days included. `userId` is the researcher's own account, the one that acts.
 */
@Entity('commissioner_appointment')
@Index('IDX_commissioner_appointment_user', ['userId', 'endsOn'])
@Index('IDX_commissioner_appointment_company', ['companyOrgId'])
export class CommissionerAppointment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  researcherId: string;

  /** The university or institute the researcher belongs to. */
  @Column({ type: 'uuid' })
  institutionOrgId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  companyOrgId: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid' })
  appointedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
