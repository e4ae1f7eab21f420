import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Achievement, Need } from '@kuaizhuan/catalog';
import { OnJob, QueueProducers } from '@kuaizhuan/platform';
import { AchievementMatcher } from './achievement-matcher';
import { NeedMatcher } from './need-matcher';
import { RecommendationWriter, type WriteOutcome } from './recommendation-writer';
import { ResearcherMatcher } from './researcher-matcher';

export interface MatchJobOutcome {
  matched: number;
  withdrawn: number;
  recommendations: WriteOutcome;
}

/** A listing changed more recently than this is left to the match job its change started. */
export const MATCH_RECONCILE_SETTLE_MS = 10 * 60 * 1000;
/** Listings matched per reconciliation run and kind (the next run takes the rest). */
const MATCH_RECONCILE_LIMIT = 500;

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
 * published, withdraw its open recommendations when it no longer is, and note the version
 * matched. Safe to run twice. The `match.reconcile` job starts them for what none matched.
 */
@Injectable()
export class MatchJobs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly needs: NeedMatcher,
    private readonly achievements: AchievementMatcher,
    private readonly writer: RecommendationWriter,
    private readonly researchers: ResearcherMatcher,
    private readonly producers: QueueProducers,
  ) {}

  @OnJob('match.need', ({ ids }) => [ids])
  async matchNeeds(ids: readonly string[]): Promise<MatchJobOutcome> {
    const outcome = emptyOutcome();
    for (const id of new Set(ids)) {
      const need = await this.dataSource.getRepository(Need).findOneBy({ id });
      if (!need) continue;
      if (need.status !== 'published') {
        outcome.withdrawn += await this.writer.withdraw('need', id);
        await this.researchers.retire(id);
        await this.recordRun('need', id, need.updatedAt);
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
      await this.recordRun('need', id, need.updatedAt);
    }
    return outcome;
  }

  @OnJob('match.achievement', ({ ids }) => [ids])
  async matchAchievements(ids: readonly string[]): Promise<MatchJobOutcome> {
    const outcome = emptyOutcome();
    for (const id of new Set(ids)) {
      const achievement = await this.dataSource.getRepository(Achievement).findOneBy({ id });
      if (!achievement) continue;
      if (achievement.status !== 'published') {
        outcome.withdrawn += await this.writer.withdraw('achievement', id);
        await this.recordRun('achievement', id, achievement.updatedAt);
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
      await this.recordRun('achievement', id, achievement.updatedAt);
    }
    return outcome;
  }

  /**
   * Matches the published listings whose latest version no match job finished (lost, or
   * failed for good while a dependency was down), in jobs of their own.
   */
  @OnJob('match.reconcile')
  async reconcile(_data: unknown, job: Job): Promise<{ needs: number; achievements: number }> {
    const runId = String(job.id);
    const { needs, achievements } = await this.unmatched(MATCH_RECONCILE_SETTLE_MS, MATCH_RECONCILE_LIMIT);
    // One job per 25 listings, with ids unique to this run (a listing still unmatched next
    // hour gets a new job, not the failed one again).
    const batches = <K extends 'need' | 'achievement'>(kind: K, ids: string[]) =>
      Array.from({ length: Math.ceil(ids.length / 25) }, (_, i) => ({
        jobId: `reconcile-${runId}-${kind}-${i}`,
        data: { kind, ids: ids.slice(i * 25, i * 25 + 25) },
      }));
    await this.producers.add([
      ...batches('need', needs).map((batch) => ({ name: 'match.need' as const, ...batch })),
      ...batches('achievement', achievements).map((batch) => ({ name: 'match.achievement' as const, ...batch })),
    ]);
    return { needs: needs.length, achievements: achievements.length };
  }

  /**
   * Published needs and achievements whose latest version was never matched (a match job lost
   * or failed for good), changed at least `settleMs` ago so jobs still in flight are left alone;
   * at most `limit` of each, oldest change first.
   */
  async unmatched(settleMs: number, limit: number): Promise<{ needs: string[]; achievements: string[] }> {
    const find = async (table: 'need' | 'achievement'): Promise<string[]> => {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT l.id FROM ${table} l
         LEFT JOIN match_run r ON r.subject_kind = $1 AND r.subject_id = l.id
         WHERE l.status = 'published' AND l.updated_at < now() - make_interval(secs => $2::float8 / 1000)
           -- The version was recorded from a JavaScript Date: compare at its millisecond precision.
           AND (r.subject_id IS NULL OR r.subject_updated_at < date_trunc('milliseconds', l.updated_at))
         ORDER BY l.updated_at LIMIT $3`,
        [table, settleMs, limit],
      );
      return rows.map((row) => row.id);
    };
    return { needs: await find('need'), achievements: await find('achievement') };
  }

  /** Notes that the matcher ran on this version of a listing (a later version still counts as unmatched). */
  private async recordRun(kind: 'need' | 'achievement', id: string, updatedAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO match_run (subject_kind, subject_id, subject_updated_at, matched_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (subject_kind, subject_id) DO UPDATE
       SET subject_updated_at = greatest(match_run.subject_updated_at, excluded.subject_updated_at), matched_at = now()`,
      [kind, id, updatedAt],
    );
  }
}
