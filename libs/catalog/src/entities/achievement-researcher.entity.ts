import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Achievement } from './achievement.entity';
import { Researcher } from './researcher.entity';

/** A researcher behind an achievement, in the order the listing names them. */
@Entity('achievement_researcher')
@Index(['researcherId'])
export class AchievementResearcher {
  @PrimaryColumn({ type: 'uuid' })
  achievementId: string;

  @PrimaryColumn({ type: 'uuid' })
  researcherId: string;

  @Column({ type: 'smallint', default: 0 })
  position: number;

  @ManyToOne(() => Achievement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'achievement_id' })
  achievement?: Achievement;

  @ManyToOne(() => Researcher, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'researcher_id' })
  researcher?: Researcher;
}
