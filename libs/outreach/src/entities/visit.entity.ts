import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A commissioner's visit to the company of an appointment: when, and what was found. */
@Entity('commissioner_visit')
@Index('IDX_commissioner_visit_appointment', ['appointmentId', 'visitedOn'])
export class CommissionerVisit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  appointmentId: string;

  @Column({ type: 'uuid' })
  companyOrgId: string;

  @Column({ type: 'date' })
  visitedOn: string;

  @Column({ type: 'text' })
  findings: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
