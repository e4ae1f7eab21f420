import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Outbox } from '@kuaizhuan/platform';
import type { FeatureValue } from '../core/types';
import type { MatchTrigger } from '../domain/recommendation-status';
import { ReviewerAssigner } from '../review/reviewer-assigner';
import { MatchingSettings, MATCHER_VERSION } from './matching-settings';

export interface PairScore {
  needId: string;
  needOrgId: string;
  achievementId: string;
  achievementOrgId: string;
  score: number;
  features: FeatureValue[];
}

export interface WriteOutcome {
  created: number;
  updated: number;
  superseded: number;
  autoApproved: number;
}

/** Recommendations a new match may still change: not yet seen by a manager, or set aside earlier. */
const REWRITABLE = `('pending_review', 'superseded')`;
/** Recommendations closing a listing withdraws: not yet answered by both sides. */
const WITHDRAWABLE = `('pending_review', 'approved', 'delivered', 'viewed')`;

/**
 * Stores a match: one row per need × achievement (updated, never duplicated), the
 * pending ones it no longer ranks superseded, new ones assigned to a reviewer, and those
 * above the auto-approval score approved — all in one transaction, so a job that runs
 * twice leaves the same rows.
 */
@Injectable()
export class RecommendationWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly assigner: ReviewerAssigner,
    private readonly settings: MatchingSettings,
  ) {}

  write(trigger: MatchTrigger, subjectId: string, pairs: readonly PairScore[]): Promise<WriteOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const dueAt = new Date(Date.now() + this.settings.reviewHours * 3600_000);
      let created = 0;
      let updated = 0;
      const pendingIds: string[] = [];
      for (const pair of pairs) {
        const rows: { id: string; inserted: boolean; status: string }[] = await manager.query(
          `INSERT INTO recommendation
             (need_id, achievement_id, need_org_id, achievement_org_id, trigger, score, features, matcher_version,
              status, review_due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 'pending_review', $9)
           ON CONFLICT ON CONSTRAINT recommendation_pair DO UPDATE
              SET score = EXCLUDED.score, features = EXCLUDED.features, matcher_version = EXCLUDED.matcher_version,
                  status = 'pending_review', updated_at = now(),
                  review_due_at = CASE WHEN recommendation.status = 'superseded'
                                       THEN EXCLUDED.review_due_at ELSE recommendation.review_due_at END
            WHERE recommendation.status IN ${REWRITABLE}
           RETURNING id, (xmax = 0) AS inserted, status`,
          [
            pair.needId,
            pair.achievementId,
            pair.needOrgId,
            pair.achievementOrgId,
            trigger,
            pair.score,
            JSON.stringify(pair.features),
            MATCHER_VERSION,
            dueAt,
          ],
        );
        for (const row of rows) {
          if (row.inserted) created += 1;
          else updated += 1;
          pendingIds.push(row.id);
        }
      }
      const superseded = await this.supersede(manager, trigger, subjectId, pairs);
      await this.assigner.assign(manager, pendingIds, dueAt);
      const autoApproved = await this.autoApprove(manager, pendingIds);
      return { created, updated, superseded, autoApproved };
    });
  }

  /** Closing or unpublishing a listing withdraws what has not yet led to an answer. */
  async withdraw(trigger: MatchTrigger, subjectId: string): Promise<number> {
    const column = trigger === 'need' ? 'need_id' : 'achievement_id';
    // An UPDATE answers [rows, affected count] through TypeORM's PostgreSQL driver.
    const [, withdrawn]: [unknown[], number] = await this.dataSource.query(
      `UPDATE recommendation SET status = 'withdrawn', updated_at = now()
        WHERE ${column} = $1 AND status IN ${WITHDRAWABLE}`,
      [subjectId],
    );
    return withdrawn;
  }

  /**
   * Pending rows this side's earlier match made that the new one no longer ranks; a pair one side
   * asked for from a detail page (its answer already given) stays before its manager.
   */
  private async supersede(
    manager: EntityManager,
    trigger: MatchTrigger,
    subjectId: string,
    pairs: readonly PairScore[],
  ): Promise<number> {
    const [subject, other] = trigger === 'need' ? ['need_id', 'achievement_id'] : ['achievement_id', 'need_id'];
    const kept = pairs.map((p) => (trigger === 'need' ? p.achievementId : p.needId));
    const [, superseded]: [unknown[], number] = await manager.query(
      `UPDATE recommendation SET status = 'superseded', updated_at = now()
        WHERE ${subject} = $1 AND trigger = $2 AND status = 'pending_review' AND NOT (${other} = ANY($3::uuid[]))
          AND company_answer IS NULL AND institution_answer IS NULL`,
      [subjectId, trigger, kept],
    );
    return superseded;
  }

  private async autoApprove(manager: EntityManager, ids: readonly string[]): Promise<number> {
    const threshold = this.settings.autoApproveScore;
    if (threshold === null || ids.length === 0) return 0;
    const [approved]: [{ id: string }[], number] = await manager.query(
      `UPDATE recommendation SET status = 'approved', reviewed_at = now(), review_note = 'auto-approved', updated_at = now()
        WHERE id = ANY($1) AND status = 'pending_review' AND score >= $2 RETURNING id`,
      [ids, threshold],
    );
    for (const { id } of approved)
      await this.outbox.publish(manager, 'recommendation.approved', { recommendationId: id });
    return approved.length;
  }
}
