import { Injectable } from '@nestjs/common';
import { Achievement, achievementTitles, isVisibleListing, Need, needTitles } from '@kuaizhuan/catalog';
import { AuditLog, isVerifiedOrganisation, type Caller } from '@kuaizhuan/identity';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AnswersService } from '../answers/answers.service';
import { rankForNeed } from '../core/score';
import type { FeatureValue } from '../core/types';
import type { Answer, RecommendationStatus, Side } from '../domain/recommendation-status';
import { FieldTreeSource } from '../pipeline/field-tree';
import { SHOWN_TO_SIDES } from '../recommendations/lifecycle';
import { MatchingSettings, MATCHER_VERSION } from '../pipeline/matching-settings';
import { AchievementProfiles, needProfile } from '../pipeline/profiles';
import { ReviewerAssigner } from '../review/reviewer-assigner';
import { interestStep, type ExistingPair } from './interest-step';

/** Where the pair stands after an expression of interest (or as it is now). */
export interface InterestState {
  recommendationId: string;
  needId: string;
  needTitle: string;
  achievementId: string;
  achievementTitle: string;
  status: RecommendationStatus;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  /** Set once both sides are interested and a manager approved: GET /api/connections/:id shows the contacts. */
  connectionId: string | null;
}

interface Pair {
  need: Need;
  achievement: Achievement;
}

const STATE_SELECT = `SELECT r.id AS "recommendationId", r.need_id AS "needId",
    r.achievement_id AS "achievementId", r.status,
    r.company_answer AS "companyAnswer", r.institution_answer AS "institutionAnswer", c.id AS "connectionId"
  FROM recommendation r
  LEFT JOIN connection c ON c.recommendation_id = r.id`;

/** The states with the listings' titles, read through catalog's door; a pair whose listing is gone is left out. */
async function withTitles(
  db: EntityManager,
  states: Omit<InterestState, 'needTitle' | 'achievementTitle'>[],
): Promise<InterestState[]> {
  const needs = await needTitles(
    db,
    states.map((s) => s.needId),
  );
  const achievements = await achievementTitles(
    db,
    states.map((s) => s.achievementId),
  );
  return states.flatMap((s) => {
    const needTitle = needs.get(s.needId);
    const achievementTitle = achievements.get(s.achievementId);
    return needTitle === undefined || achievementTitle === undefined ? [] : [{ ...s, needTitle, achievementTitle }];
  });
}

/**
 * Interest expressed from a detail page: a company that found an achievement (or a TTO that
 * found a need) says it is interested, naming its own published listing the other would serve.
 * This is the recommendation flow entered from the other end: the pair's recommendation is
 * created (or reopened) with this side's answer already given, a technology manager reviews
 * it as any other, and contacts are exchanged only once it is approved and the other side is
 * interested too. When the pair already reached both sides, this is simply the side's answer.
 */
@Injectable()
export class InterestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly answers: AnswersService,
    private readonly assigner: ReviewerAssigner,
    private readonly settings: MatchingSettings,
    private readonly fields: FieldTreeSource,
    private readonly profiles: AchievementProfiles,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The caller's organisation's pairs with this listing: those that reached the two sides, and
   * those the caller asked for itself. A match still waiting for its first review stays unknown
   * to the sides, as everywhere else.
   */
  async pairsOf(caller: Caller, kind: 'need' | 'achievement', id: string): Promise<InterestState[]> {
    const db = this.dataSource.manager;
    if (!(await isVisibleListing(db, kind, id, caller.orgId))) throw new NotFoundError(`No ${kind} ${id}`);
    const [subject, own, answer] =
      kind === 'need'
        ? ['r.need_id', 'r.achievement_org_id', 'r.institution_answer']
        : ['r.achievement_id', 'r.need_org_id', 'r.company_answer'];
    return withTitles(
      db,
      await db.query(
        `${STATE_SELECT}
          WHERE ${subject} = $1 AND ${own} = $2
            AND (r.status = ANY($3::recommendation_status[]) OR ${answer} IS NOT NULL)
          ORDER BY r.updated_at DESC`,
        [id, caller.orgId, SHOWN_TO_SIDES],
      ),
    );
  }

  async express(caller: Caller, needId: string, achievementId: string): Promise<InterestState> {
    const side: Side = caller.role === 'enterprise' ? 'company' : 'institution';
    await this.checkVerified(caller.orgId);
    const pair = await this.pairFor(caller, side, needId, achievementId);
    const scored = await this.score(pair);
    const delegate = await this.dataSource.transaction(async (manager) => {
      const dueAt = new Date(Date.now() + this.settings.reviewHours * 3600_000);
      let existing = await this.lockPair(manager, needId, achievementId);
      if (existing === null) {
        const created = await this.insertPending(manager, caller, side, pair, scored, dueAt);
        if (created !== null) {
          await this.recorded(manager, caller, created, side, 'create', null);
          return null;
        }
        // The matcher wrote the pair meanwhile: carry on with its row.
        existing = await this.lockPair(manager, needId, achievementId);
      }
      const step = interestStep(existing, side);
      if (step.kind === 'refused') throw new ConflictError(step.message, step.field);
      if (existing === null || step.kind === 'nothing') return null;
      if (step.kind === 'answer') return existing.id;
      const answered = this.answerColumns(side, caller.userId);
      const sets = Object.keys(answered).map((column, i) => `${column} = $${i + 2}`);
      // Reopening puts a decided (or set aside) match back before a manager, due anew.
      const reopen =
        step.kind === 'reopen'
          ? `, status = 'pending_review', reject_reason = NULL, reviewed_by = NULL, reviewed_at = NULL,
             review_due_at = CASE WHEN status = 'pending_review' THEN review_due_at ELSE $${sets.length + 2}::timestamptz END`
          : '';
      await manager.query(
        `UPDATE recommendation SET ${sets.join(', ')}, updated_at = now()${reopen} WHERE id = $1`,
        step.kind === 'reopen'
          ? [existing.id, ...Object.values(answered), dueAt]
          : [existing.id, ...Object.values(answered)],
      );
      if (step.kind === 'reopen') await this.assigner.assign(manager, [existing.id], dueAt);
      await this.recorded(manager, caller, existing.id, side, step.kind, existing.status);
      return null;
    });
    if (delegate !== null) await this.answers.answer(caller, delegate, { answer: 'interested' });
    const db = this.dataSource.manager;
    const [state] = await withTitles(
      db,
      await db.query(`${STATE_SELECT} WHERE r.need_id = $1 AND r.achievement_id = $2`, [needId, achievementId]),
    );
    return state;
  }

  /** A new recommendation waiting for review, this side's answer given; null when the pair exists already. */
  private async insertPending(
    manager: EntityManager,
    caller: Caller,
    side: Side,
    pair: Pair,
    scored: { score: number; features: FeatureValue[] },
    dueAt: Date,
  ): Promise<string | null> {
    const answered = this.answerColumns(side, caller.userId);
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO recommendation (need_id, achievement_id, need_org_id, achievement_org_id, trigger, score, features,
         matcher_version, status, review_due_at, ${Object.keys(answered).join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 'pending_review', $9, $10, $11, $12)
       ON CONFLICT ON CONSTRAINT recommendation_pair DO NOTHING
       RETURNING id`,
      [
        pair.need.id,
        pair.achievement.id,
        pair.need.orgId,
        pair.achievement.orgId,
        side === 'company' ? 'need' : 'achievement',
        scored.score,
        JSON.stringify(scored.features),
        MATCHER_VERSION,
        dueAt,
        ...Object.values(answered),
      ],
    );
    if (!row) return null;
    await this.assigner.assign(manager, [row.id], dueAt);
    return row.id;
  }

  private async recorded(
    manager: EntityManager,
    caller: Caller,
    id: string,
    side: Side,
    step: string,
    from: RecommendationStatus | null,
  ): Promise<void> {
    await this.audit.record(manager, {
      action: 'recommendation.interest_expressed',
      actor: caller,
      subject: { type: 'recommendation', id },
      details: { side, step, from },
    });
  }

  private answerColumns(side: Side, userId: string): Record<string, unknown> {
    const prefix = side === 'company' ? 'company' : 'institution';
    return {
      [`${prefix}_answer`]: 'interested',
      [`${prefix}_answered_at`]: new Date(),
      [`${prefix}_answered_by`]: userId,
    };
  }

  /** Interest reaches another organisation: only a verified one may express it. */
  private async checkVerified(orgId: string): Promise<void> {
    if (!(await isVerifiedOrganisation(this.dataSource.manager, orgId))) {
      throw new ForbiddenError('Your organisation is not verified yet: interest can be expressed once it is');
    }
  }

  /**
   * The need and the achievement, the caller's own listing named in the body (422 naming that
   * field when it is not the caller's published one) and the other found by the path (404 unless
   * published).
   */
  private async pairFor(caller: Caller, side: Side, needId: string, achievementId: string): Promise<Pair> {
    const need = await this.dataSource.manager.findOneBy(Need, { id: needId });
    const achievement = await this.dataSource.manager.findOneBy(Achievement, { id: achievementId });
    const [subject, subjectId, own, ownField] =
      side === 'company' ? [achievement, achievementId, need, 'needId'] : [need, needId, achievement, 'achievementId'];
    if (!subject || subject.status !== 'published' || subject.orgId === caller.orgId) {
      throw new NotFoundError(`No published ${side === 'company' ? 'achievement' : 'need'} ${subjectId}`);
    }
    if (!own || own.orgId !== caller.orgId || own.status !== 'published') {
      throw new InvalidInputError(
        `${ownField} must be one of your organisation's published ${side === 'company' ? 'needs' : 'achievements'}`,
        ownField,
      );
    }
    return { need: need!, achievement: achievement! };
  }

  /** The pair scored by the matcher's own features; text relevance is not measured here (no search). */
  private async score(pair: Pair): Promise<{ score: number; features: FeatureValue[] }> {
    const tree = await this.fields.get();
    const loaded = await this.profiles.load([pair.achievement.id], tree);
    const achievement = loaded.get(pair.achievement.id);
    if (!achievement) throw new NotFoundError(`No achievement ${pair.achievement.id}`);
    const [best] = rankForNeed(
      needProfile(pair.need, tree),
      [{ achievement, textScore: 0, coverage: 0, sharedWords: [] }],
      {
        weights: this.settings.weights,
        intercept: this.settings.intercept,
        topK: 1,
        floor: 0,
        fieldName: (code) => tree.name(code),
      },
    );
    return { score: best?.score ?? 0, features: best?.features ?? [] };
  }

  private async lockPair(
    manager: EntityManager,
    needId: string,
    achievementId: string,
  ): Promise<(ExistingPair & { id: string }) | null> {
    const [row]: (ExistingPair & { id: string })[] = await manager.query(
      `SELECT id, status, company_answer AS "companyAnswer", institution_answer AS "institutionAnswer"
         FROM recommendation WHERE need_id = $1 AND achievement_id = $2 FOR UPDATE`,
      [needId, achievementId],
    );
    return row ?? null;
  }
}
