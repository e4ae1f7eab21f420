import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Deal } from './deal.entity';

export const INCOME_KINDS = ['fee', 'instalment', 'royalty', 'dividend', 'exit'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

/** Money the institution received from a deal; split into ledger entries when recorded. */
@Entity('income_event')
@Index(['dealId', 'occurredOn'])
@Index(['institutionOrgId', 'occurredOn'])
export class IncomeEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'uuid' })
  institutionOrgId: string;

  @Column({ type: 'enum', enum: INCOME_KINDS, enumName: 'income_kind' })
  kind: IncomeKind;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'date' })
  occurredOn: string;

  /** The instalment this payment settled, when it was one. */
  @Column({ type: 'uuid', nullable: true, unique: true })
  instalmentId: string | null;

  /** The policy in force when it was split (percentages). */
  @Column({ type: 'jsonb' })
  policy: Record<string, string>;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const LEDGER_PARTIES = ['cost_recovery', 'institution', 'researcher'] as const;
export type LedgerParty = (typeof LEDGER_PARTIES)[number];

/** One part of an income event's split; the parts of an event sum exactly to its amount. */
@Entity('ledger_entry')
@Index(['incomeEventId'])
@Index(['researcherId'])
export class LedgerEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incomeEventId: string;

  @ManyToOne(() => IncomeEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'income_event_id' })
  incomeEvent?: IncomeEvent;

  @Column({ type: 'uuid' })
  institutionOrgId: string;

  @Column({ type: 'enum', enum: LEDGER_PARTIES, enumName: 'ledger_party' })
  party: LedgerParty;

  @Column({ type: 'uuid', nullable: true })
  researcherId: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;
}

/** An institution's income distribution policy; institutions without a row use 80 / 20. */
@Entity('income_policy')
export class IncomePolicyRow {
  @PrimaryColumn({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'numeric', precision: 7, scale: 4 })
  teamFloorPercent: string;

  @Column({ type: 'numeric', precision: 7, scale: 4 })
  institutionCapPercent: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Valuation of the rights put into a company (作价入股): value, method, appraiser, date. */
@Entity('deal_valuation')
@Index(['dealId'])
export class DealValuation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  value: string;

  @Column({ type: 'varchar', length: 100 })
  method: string;

  @Column({ type: 'varchar', length: 200 })
  appraiser: string;

  @Column({ type: 'date' })
  valuedOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Equity taken in the company for the rights, and its split between institution and research team. */
@Entity('deal_equity')
export class DealEquity {
  @PrimaryColumn({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'varchar', length: 200 })
  companyName: string;

  /** Whether the company was founded on the rights (counts towards companies incubated). */
  @Column({ type: 'boolean', default: false })
  newCompany: boolean;

  @Column({ type: 'numeric', precision: 7, scale: 4 })
  equityPercent: string;

  @Column({ type: 'numeric', precision: 7, scale: 4 })
  institutionPercent: string;

  @Column({ type: 'numeric', precision: 7, scale: 4 })
  teamPercent: string;

  @Column({ type: 'date' })
  takenOn: string;
}

/**
 * A money-moving request already answered: the same key with the same body gets the same
 * answer again; the same key with another body is refused.
 */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid' })
  orgId: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  scope: string;

  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'int' })
  status: number;

  @Column({ type: 'jsonb' })
  response: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const GRANT_KINDS = ['co_ownership', 'use_right'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/** Rights granted to researchers (赋权): a co-ownership share, or a long-term use right with its term. */
@Entity('rights_grant')
@Index(['dealId'])
export class RightsGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Deal;

  @Column({ type: 'enum', enum: GRANT_KINDS, enumName: 'rights_grant_kind' })
  kind: GrantKind;

  /** co_ownership: the researchers' share of the rights. */
  @Column({ type: 'numeric', precision: 7, scale: 4, nullable: true })
  sharePercent: string | null;

  /** use_right: the term in years. */
  @Column({ type: 'int', nullable: true })
  termYears: number | null;

  @Column({ type: 'uuid', array: true })
  researcherIds: string[];

  @Column({ type: 'date' })
  grantedOn: string;
}
