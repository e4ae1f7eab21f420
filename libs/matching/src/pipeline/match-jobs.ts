import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Achievement, Need } from '@kuaizhuan/catalog';
import { ResearcherMatcher } from '../recommendations/researcher-matcher';
import { AchievementMatcher } from './achievement-matcher';
import { NeedMatcher } from './need-matcher';
import { RecommendationWriter, type WriteOutcome } from './recommendation-writer';

export interface MatchJobOutcome {
  matched: number;
  withdrawn: number;
  recommendations: WriteOutcome;
}

function emptyOutcome(): MatchJobOutcome {
  return { matched: 0, withdrawn: 0, recommendations: { created: 0, updated: 0, superseded: 0, autoApproved: 0 } };
}

function add(outcome: MatchJobOutcome, written: WriteOutcome): void {
  outcome.matched += 1;
  outcome.recommendations.created += written.created;
  outcome.recommendations.updated += written.updated;
  outcome.recommendations.superseded += written.superseded;
  outcome.recommendations.autoApproved += written.autoApproved;
}

/**
 * The `match.need` and `match.achievement` jobs: re-read each row, match it when it is
 * published, withdraw its open recommendations when it no longer is. Safe to run twice.
 */
@Injectable()
export class MatchJobs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly needs: NeedMatcher,
    private readonly achievements: AchievementMatcher,
    private readonly writer: RecommendationWriter,
    private readonly researchers: ResearcherMatcher,
  ) {}

  async matchNeeds(ids: readonly string[]): Promise<MatchJobOutcome> {
    const outcome = emptyOutcome();
    for (const id of new Set(ids)) {
      const need = await this.dataSource.getRepository(Need).findOneBy({ id });
      if (!need) continue;
      if (need.status !== 'published') {
        outcome.withdrawn += await this.writer.withdraw('need', id);
        await this.researchers.retire(id);
        continue;
      }
      const { results } = await this.needs.match(need);
      const written = await this.writer.write(
        'need',
        id,
        results.map((r) => ({
          needId: id,
          needOrgId: need.orgId,
          achievementId: r.achievementId,
          achievementOrgId: r.achievementOrgId,
          score: r.score,
          features: r.features,
        })),
      );
      add(outcome, written);
      await this.researchers.match(need);
    }
    return outcome;
  }

  async matchAchievements(ids: readonly string[]): Promise<MatchJobOutcome> {
    const outcome = emptyOutcome();
    for (const id of new Set(ids)) {
      const achievement = await this.dataSource.getRepository(Achievement).findOneBy({ id });
      if (!achievement) continue;
      if (achievement.status !== 'published') {
        outcome.withdrawn += await this.writer.withdraw('achievement', id);
        continue;
      }
      const { results } = await this.achievements.match(achievement);
      const written = await this.writer.write(
        'achievement',
        id,
        results.map((r) => ({
          needId: r.needId,
          needOrgId: r.needOrgId,
          achievementId: id,
          achievementOrgId: achievement.orgId,
          score: r.score,
          features: r.features,
        })),
      );
      add(outcome, written);
    }
    return outcome;
  }
}
