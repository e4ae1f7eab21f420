import { Injectable } from '@nestjs/common';
import { achievementFacts, needFacts, type AchievementFacts, type NeedFacts } from '@kuaizhuan/catalog';
import { Notifier, type NotifyResult } from '@kuaizhuan/delivery';
import { OnJob } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import type { FeatureValue } from '../core/types';
import type { RecommendationStatus } from '../domain/recommendation-status';
import { MatchingSettings } from '../pipeline/matching-settings';
import { transition } from '../recommendations/lifecycle';
import { approvalNotice, type ApprovalFacts } from './notices';

interface DeliverRow {
  id: string;
  status: RecommendationStatus;
  score: number;
  features: FeatureValue[];
  needId: string;
  achievementId: string;
}

export type DeliverOutcome =
  | { outcome: 'delivered'; company: NotifyResult['created']; institution: NotifyResult['created'] }
  | { outcome: 'skipped'; reason: string };

/**
 * The `recommendation.deliver` job: pushes an approved recommendation to the company (the
 * need's owner) and to the TTO (the achievement's owner), then marks it delivered — in one
 * transaction holding the row's lock. Safe to run twice: a second run finds it delivered and
 * does nothing, and even concurrent runs could not push twice (the notifier's idempotency
 * keys are type × subject × channel × recipient).
 */
@Injectable()
export class RecommendationDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
    private readonly settings: MatchingSettings,
  ) {}

  @OnJob('recommendation.deliver', ({ recommendationId }) => [recommendationId])
  deliver(recommendationId: string): Promise<DeliverOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: DeliverRow[] = await manager.query(
        `SELECT r.id, r.status, r.score, r.features, r.need_id AS "needId", r.achievement_id AS "achievementId"
           FROM recommendation r
          WHERE r.id = $1
            FOR UPDATE OF r`,
        [recommendationId],
      );
      const need: NeedFacts | undefined = row && (await needFacts(manager, [row.needId])).get(row.needId);
      const achievement: AchievementFacts | undefined =
        row && (await achievementFacts(manager, [row.achievementId])).get(row.achievementId);
      if (!row || !need || !achievement) return { outcome: 'skipped', reason: 'the recommendation no longer exists' };
      const step = transition(row.status, 'deliver');
      if (!step.ok) return { outcome: 'skipped', reason: step.message };

      const facts: ApprovalFacts = {
        recommendationId: row.id,
        score: row.score,
        features: row.features,
        need,
        achievement,
      };
      const company = await this.notifier.notify(manager, approvalNotice('company', facts, this.settings.weights));
      const institution = await this.notifier.notify(
        manager,
        approvalNotice('institution', facts, this.settings.weights),
      );
      await manager.query(
        `UPDATE recommendation SET status = $2, delivered_at = now(), updated_at = now() WHERE id = $1`,
        [row.id, step.to],
      );
      return { outcome: 'delivered', company: company.created, institution: institution.created };
    });
  }
}
