import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Need, Researcher } from '@kuaizhuan/catalog';
import type { FeatureValue } from '../core/types';

/** A researcher matched to a need directly by research area (beside those behind recommended achievements). */
@Entity('researcher_match')
@Unique('researcher_match_pair', ['needId', 'researcherId'])
export class ResearcherMatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  needId: string;

  @ManyToOne(() => Need, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need?: Need;

  @Column({ type: 'uuid' })
  researcherId: string;

  @ManyToOne(() => Researcher, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'researcher_id' })
  researcher?: Researcher;

  @Column({ type: 'uuid' })
  researcherOrgId: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  features: FeatureValue[];

  /** False once a newer match of the need no longer ranks this researcher. */
  @Column({ type: 'boolean', default: true })
  current: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
