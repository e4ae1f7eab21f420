import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  ManyToOne,
} from 'typeorm';
import {
  PAYMENT_MODES,
  TRIGGER_KINDS,
  type PaymentMode,
  type ScheduleKind,
  type TriggerKind,
} from '../domain/licence-terms';
import { Deal } from './deal.entity';

/** The terms of a use-first-pay-later licence in force, copied from the accepted term sheet at its start. */
@Entity('ufpl_licence')
export class UfplLicence {
  @PrimaryColumn({ type: 'uuid' })
  dealId: string;

  @OneToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'date' })
  freeUntil: string;

  @Column({ type: 'enum', enum: TRIGGER_KINDS, enumName: 'payment_trigger_kind' })
  triggerKind: TriggerKind;

  @Column({ type: 'date', nullable: true })
  triggerDate: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  triggerThreshold: string | null;

  @Column({ type: 'enum', enum: PAYMENT_MODES, enumName: 'payment_mode' })
  paymentMode: PaymentMode;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fee: string | null;

  @Column({ type: 'int', nullable: true })
  instalmentCount: number | null;

  @Column({ type: 'int', nullable: true })
  intervalMonths: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  entryFee: string | null;

  @Column({ type: 'numeric', precision: 7, scale: 4, nullable: true })
  royaltyPercent: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  royaltyCap: string | null;

  @Column({ type: 'int' })
  dueDays: number;

  @Column({ type: 'int' })
  graceDays: number;

  /** Set when the payment trigger was reached. */
  @Column({ type: 'date', nullable: true })
  triggeredOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A licensee's revenue report for one period. */
@Entity('revenue_report')
@Index(['dealId', 'periodStart'], { unique: true })
export class RevenueReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  revenue: string;

  /** The royalty this report gave rise to; null when no royalty was due (free period, no royalty). */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  royalty: string | null;

  @Column({ type: 'uuid' })
  reportedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const INSTALMENT_KINDS = [
  'lump_sum',
  'instalment',
  'entry_fee',
  'royalty',
] as const satisfies readonly ScheduleKind[];

/** One amount falling due (an invoice): instalments, a lump sum, an entry fee or a royalty. */
@Entity('instalment')
@Index(['dealId', 'seq'], { unique: true })
@Index(['dueOn'])
export class Instalment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'enum', enum: INSTALMENT_KINDS, enumName: 'instalment_kind' })
  kind: ScheduleKind;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'date' })
  dueOn: string;

  /** Invoice number, unique on the platform. */
  @Column({ type: 'varchar', length: 40, unique: true })
  invoiceNo: string;

  @Column({ type: 'uuid', nullable: true })
  revenueReportId: string | null;

  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const REMINDER_KINDS = ['trigger_check', 'before_due', 'overdue', 'default_check'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Something the worker must do at a moment: check a date trigger, remind before a due date,
 * mark an instalment overdue, put a licence in default. The row is the truth; the delayed
 * BullMQ job only says which row and when, and re-reads it.
 */
@Entity('deal_reminder')
@Index(['instalmentId', 'kind'], { unique: true, where: 'instalment_id IS NOT NULL' })
@Index(['runAt'], { where: 'done_at IS NULL' })
export class DealReminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'uuid', nullable: true })
  instalmentId: string | null;

  @ManyToOne(() => Instalment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instalment_id' })
  instalment?: Instalment;

  @Column({ type: 'enum', enum: REMINDER_KINDS, enumName: 'deal_reminder_kind' })
  kind: ReminderKind;

  @Column({ type: 'timestamptz' })
  runAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /** What the job did: `sent`, `marked_overdue`, `defaulted`, `triggered`, or why it did nothing. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;
}
