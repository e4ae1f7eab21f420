import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Achievement, Need } from '@kuaizhuan/catalog';
import type { FeatureValue } from '../core/types';
import {
  DECLINE_REASONS,
  MATCH_TRIGGERS,
  RECOMMENDATION_STATUSES,
  REJECT_REASONS,
  type Answer,
  type DeclineReason,
  type MatchTrigger,
  type RecommendationStatus,
  type RejectReason,
} from '../domain/recommendation-status';

export interface Annotation {
  by: string;
  at: string;
  text: string;
}

/**
 * One achievement recommended for one need, kept with the score and the features that
 * produced it. Unique per pair: matching again updates the row, never adds a second.
 */
@Entity('recommendation')
@Unique('recommendation_pair', ['needId', 'achievementId'])
@Index(['status', 'reviewDueAt'])
@Index(['reviewerId', 'status'])
@Index(['needOrgId', 'status'])
@Index(['achievementOrgId', 'status'])
export class Recommendation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  needId: string;

  @ManyToOne(() => Need, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need?: Need;

  @Column({ type: 'uuid' })
  achievementId: string;

  @ManyToOne(() => Achievement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'achievement_id' })
  achievement?: Achievement;

  /** The company that owns the need (copied for tenant queries). */
  @Column({ type: 'uuid' })
  needOrgId: string;

  /** The university or institute that owns the achievement. */
  @Column({ type: 'uuid' })
  achievementOrgId: string;

  @Column({ type: 'enum', enum: MATCH_TRIGGERS, enumName: 'match_trigger' })
  trigger: MatchTrigger;

  @Column({ type: 'double precision' })
  score: number;

  /** The features behind the score, each with its value and its reason in Chinese and English. */
  @Column({ type: 'jsonb' })
  features: FeatureValue[];

  @Column({ type: 'varchar', length: 40 })
  matcherVersion: string;

  @Column({ type: 'enum', enum: RECOMMENDATION_STATUSES, enumName: 'recommendation_status', default: 'pending_review' })
  status: RecommendationStatus;

  /** The technology manager who reviews it. */
  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'enum', enum: REJECT_REASONS, enumName: 'reject_reason', nullable: true })
  rejectReason: RejectReason | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  annotations: Annotation[];

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  viewedAt: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  companyAnswer: Answer | null;

  @Column({ type: 'enum', enum: DECLINE_REASONS, enumName: 'decline_reason', nullable: true })
  companyReason: DeclineReason | null;

  @Column({ type: 'timestamptz', nullable: true })
  companyAnsweredAt: Date | null;

  /** The company user who answered: the contact person shown to the other side once connected. */
  @Column({ type: 'uuid', nullable: true })
  companyAnsweredBy: string | null;

  @Column({ type: 'text', nullable: true })
  companyNote: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  institutionAnswer: Answer | null;

  @Column({ type: 'enum', enum: DECLINE_REASONS, enumName: 'decline_reason', nullable: true })
  institutionReason: DeclineReason | null;

  @Column({ type: 'timestamptz', nullable: true })
  institutionAnsweredAt: Date | null;

  /** The TTO user who answered: the contact person shown to the company once connected. */
  @Column({ type: 'uuid', nullable: true })
  institutionAnsweredBy: string | null;

  @Column({ type: 'text', nullable: true })
  institutionNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  connectedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
