import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  CHALLENGE_FORMS,
  CHALLENGE_STATUSES,
  type ChallengeForm,
  type ChallengeStatus,
  type Criterion,
} from '../domain/challenge-rules';

/** A milestone the company expects, with what is delivered at it. */
export interface ExpectedMilestone {
  title: string;
  deliverable: string;
}

/**
 * An open challenge (揭榜挂帅): a company's problem with a reward or budget and a deadline, answered
 * by proposals. Published by the company from one of its needs, or by the operator for a
 * government-sponsored list on a company's behalf; either way the company judges.
 */
@Entity('challenge')
@Index(['status', 'deadline'])
@Index(['companyOrgId'])
export class Challenge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The company whose problem it is, and who judges. */
  @Column({ type: 'uuid' })
  companyOrgId: string;

  /** The need it was published from; null for a challenge the operator wrote. */
  @Column({ type: 'uuid', nullable: true, unique: true })
  needId: string | null;

  /** Who sponsors the list (e.g. a science bureau); null for a company's own challenge. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  sponsor: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  fieldCodes: string[];

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  rewardMin: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  rewardMax: string;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  /** When the deadline was moved once, after it passed with no proposal; null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  extendedAt: Date | null;

  @Column({ type: 'enum', enum: CHALLENGE_FORMS, enumName: 'challenge_form', array: true })
  forms: ChallengeForm[];

  @Column({ type: 'jsonb' })
  criteria: Criterion[];

  @Column({ type: 'jsonb' })
  milestones: ExpectedMilestone[];

  @Column({ type: 'enum', enum: CHALLENGE_STATUSES, enumName: 'challenge_status', default: 'open' })
  status: ChallengeStatus;

  /** The organisations the publication was pushed to (whose achievements fit), set by the worker. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  announcedOrgIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  announcedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  winnerProposalId: string | null;

  @Column({ type: 'uuid', nullable: true })
  dealId: string | null;

  @Column({ type: 'uuid' })
  publishedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A technology manager the company assigned to help judge; sees every proposal. */
@Entity('challenge_manager')
@Index(['challengeId', 'userId'], { unique: true })
export class ChallengeManager {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt: Date;
}

/** A reminder of the deadline to the teams, carried out by a delayed job at `runAt`. */
@Entity('challenge_reminder')
@Index(['doneAt', 'runAt'])
export class ChallengeReminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'timestamptz' })
  runAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;
}
