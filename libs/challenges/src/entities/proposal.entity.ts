import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  CHALLENGE_FORMS,
  DECLINE_REASONS,
  PROPOSAL_STATUSES,
  type ChallengeForm,
  type DeclineReason,
  type ProposalStatus,
} from '../domain/challenge-rules';

/** A milestone the team commits to: what, by when, for how much (yuan, decimal string). */
export interface ProposedMilestone {
  title: string;
  dueOn: string;
  amount: string;
}

/** A TTO's answer to a challenge for one of its research teams (揭榜方案); its text lives in versions. */
@Entity('proposal')
@Index(['challengeId', 'status'])
@Index(['orgId'])
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  /** The TTO's organisation: the authors. */
  @Column({ type: 'uuid' })
  orgId: string;

  /** The TTO's achievement the proposal builds on (the deal room is opened for it). */
  @Column({ type: 'uuid' })
  achievementId: string;

  @Column({ type: 'enum', enum: PROPOSAL_STATUSES, enumName: 'proposal_status', default: 'submitted' })
  status: ProposalStatus;

  @Column({ type: 'int', default: 1 })
  currentVersion: number;

  @Column({ type: 'enum', enum: DECLINE_REASONS, enumName: 'proposal_decline_reason', nullable: true })
  declineReason: DeclineReason | null;

  @Column({ type: 'text', nullable: true })
  declineNote: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One version of a proposal; a revision adds a version and keeps the earlier ones. */
@Entity('proposal_version')
@Index(['proposalId', 'version'], { unique: true })
export class ProposalVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'int' })
  version: number;

  /** The research team: researchers of the TTO's institution. */
  @Column({ type: 'uuid', array: true })
  researcherIds: string[];

  @Column({ type: 'text' })
  approach: string;

  @Column({ type: 'jsonb' })
  milestones: ProposedMilestone[];

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  price: string;

  @Column({ type: 'enum', enum: CHALLENGE_FORMS, enumName: 'challenge_form' })
  form: ChallengeForm;

  /** The maturity stage it will reach (taxonomy kind `maturity_stage`). */
  @Column({ type: 'varchar', length: 40 })
  maturity: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A file attached to a proposal, kept in PostgreSQL (checked like a deal room's files). */
@Entity('proposal_attachment')
@Index(['proposalId', 'createdAt'])
export class ProposalAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One judge's score of one proposal on one criterion, 0–10; scoring again replaces it. */
@Entity('proposal_score')
@Index(['proposalId', 'criterion', 'scoredBy'], { unique: true })
export class ProposalScore {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'varchar', length: 100 })
  criterion: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'uuid' })
  scoredBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  scoredAt: Date;
}
