import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Recommendation } from './recommendation.entity';

/** A connection (对接): both sides said they are interested; each may now see the other's contacts. */
@Entity('connection')
@Index(['companyOrgId'])
@Index(['institutionOrgId'])
export class Connection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recommendationId: string;

  @OneToOne(() => Recommendation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: Recommendation;

  @Column({ type: 'uuid' })
  needId: string;

  @Column({ type: 'uuid' })
  achievementId: string;

  @Column({ type: 'uuid' })
  companyOrgId: string;

  @Column({ type: 'uuid' })
  institutionOrgId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
