import { Injectable } from '@nestjs/common';
import {
  achievementFacts,
  achievementView,
  listingIdsWhere,
  needFacts,
  needView,
  type AchievementView,
  type NeedView,
} from '@kuaizhuan/catalog';
import { AuditLog, userNames, type Caller } from '@kuaizhuan/identity';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  Outbox,
  pageOf,
  type Page,
} from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { FeatureValue } from '../core/types';
import type { Answer, RecommendationStatus, RejectReason } from '../domain/recommendation-status';
import { Recommendation, type Annotation } from '../entities/recommendation.entity';
import { transition, type RecommendationAction } from '../recommendations/lifecycle';
import type { ReviewQueryDto } from './review.dto';
import { mayDecide } from './review-policy';

/** One match as a manager reviews it: the need and the achievement side by side, the score and its reasons. */
export interface ReviewItem {
  id: string;
  status: RecommendationStatus;
  trigger: 'need' | 'achievement';
  score: number;
  features: FeatureValue[];
  reviewer: { id: string; name: string } | null;
  reviewDueAt: Date | null;
  /** Still pending after its due date. */
  overdue: boolean;
  reviewedBy: string | null;
  /** Who decided (approved or rejected), by name; null while pending and for automatic approvals. */
  decidedBy: { id: string; name: string } | null;
  reviewedAt: Date | null;
  /** A side that asked for this match from a detail page has answered before the review. */
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  rejectReason: RejectReason | null;
  reviewNote: string | null;
  annotations: (Annotation & { byName: string | null })[];
  createdAt: Date;
  updatedAt: Date;
  need: NeedView;
  achievement: AchievementView;
}

export type BulkOutcome = 'approved' | 'not_found' | 'forbidden' | 'conflict';

/** Bulk approval answers per id: each id is approved in its own transaction, or refused with the reason. */
export interface BulkApproveResult {
  approved: number;
  results: { id: string; outcome: BulkOutcome; message?: string }[];
}

export interface ManagerWorkload {
  userId: string;
  name: string;
  organisationName: string;
  /** Takes new reviews: an active account whose profile is not paused. */
  active: boolean;
  capacity: number;
  fieldCodes: string[];
  open: number;
  overdue: number;
}

export interface Workload {
  managers: ManagerWorkload[];
  unassigned: { open: number; overdue: number };
}

interface ItemRow extends Omit<ReviewItem, 'reviewer' | 'decidedBy' | 'need' | 'achievement' | 'annotations'> {
  reviewerId: string | null;
  annotations: Annotation[];
  needId: string;
  achievementId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OVERDUE = `(r.status = 'pending_review' AND coalesce(r.review_due_at < now(), false))`;

const ITEM_SELECT = `SELECT r.id, r.status, r.trigger, r.score, r.features,
    r.reviewer_id AS "reviewerId", r.review_due_at AS "reviewDueAt",
    ${OVERDUE} AS overdue, r.reviewed_by AS "reviewedBy",
    r.reviewed_at AS "reviewedAt", r.company_answer AS "companyAnswer", r.institution_answer AS "institutionAnswer",
    r.reject_reason AS "rejectReason", r.review_note AS "reviewNote", r.annotations,
    r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.need_id AS "needId", r.achievement_id AS "achievementId"
  FROM recommendation r`;

/**
 * The rows as managers see them: the listings through catalog's projection, the people by name
 * through identity. A row whose need or achievement is gone is left out.
 */
async function toItems(db: EntityManager, rows: readonly ItemRow[]): Promise<ReviewItem[]> {
  const needs = await needFacts(
    db,
    rows.map((row) => row.needId),
  );
  const achievements = await achievementFacts(
    db,
    rows.map((row) => row.achievementId),
  );
  const people = await userNames(
    db,
    rows.flatMap((row) => [
      ...(row.reviewerId === null ? [] : [row.reviewerId]),
      ...(row.reviewedBy === null ? [] : [row.reviewedBy]),
      // An annotation's author is a user id; anything else has no name to find.
      ...row.annotations.map((a) => a.by).filter((by) => UUID.test(by)),
    ]),
  );
  return rows.flatMap(({ reviewerId, needId, achievementId, annotations, ...rest }) => {
    const need = needs.get(needId);
    const achievement = achievements.get(achievementId);
    if (!need || !achievement) return [];
    return [
      {
        ...rest,
        reviewer: reviewerId === null ? null : { id: reviewerId, name: people.get(reviewerId) ?? '' },
        decidedBy: rest.reviewedBy === null ? null : { id: rest.reviewedBy, name: people.get(rest.reviewedBy) ?? '' },
        annotations: annotations.map((a) => ({ by: a.by, byName: people.get(a.by) ?? null, at: a.at, text: a.text })),
        need: needView(need),
        achievement: achievementView(achievement),
      },
    ];
  });
}

/** The WHERE clause of a queue query and its parameters; filters on the listings ask catalog which match. */
async function queueFilter(
  db: EntityManager,
  caller: Caller,
  query: ReviewQueryDto,
): Promise<{ where: string; params: unknown[] }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const either = async (filter: { fieldCode: string } | { titleContains: string }): Promise<string> => {
    const needs = param(await listingIdsWhere(db, 'need', filter));
    const achievements = param(await listingIdsWhere(db, 'achievement', filter));
    return `(r.achievement_id = ANY(${achievements}::uuid[]) OR r.need_id = ANY(${needs}::uuid[]))`;
  };
  const scope = query.scope ?? (caller.role === 'admin' ? 'all' : 'mine');
  if (scope === 'mine') conditions.push(`r.reviewer_id = ${param(caller.userId)}`);
  if (scope === 'unassigned') conditions.push('r.reviewer_id IS NULL');
  conditions.push(`r.status = ${param(query.status ?? 'pending_review')}`);
  if (query.field !== undefined) conditions.push(await either({ fieldCode: query.field }));
  if (query.q !== undefined) conditions.push(await either({ titleContains: query.q.toLowerCase() }));
  if (query.minScore !== undefined) conditions.push(`r.score >= ${param(query.minScore)}`);
  if (query.overdue !== undefined) conditions.push(query.overdue ? OVERDUE : `NOT ${OVERDUE}`);
  return { where: conditions.join(' AND '), params };
}

/**
 * The technology managers' review queue: list and read matches, approve (which starts the
 * push), reject with a reason, annotate, reassign. Every decision is an explicit transition,
 * taken under the row's lock and audited in the same transaction.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async list(caller: Caller, query: ReviewQueryDto): Promise<Page<ReviewItem>> {
    const { page, pageSize, skip } = pageOf(query);
    const db = this.dataSource.manager;
    const { where, params } = await queueFilter(db, caller, query);
    const [{ total }]: { total: number }[] = await db.query(
      `SELECT count(*)::int AS total FROM recommendation r WHERE ${where}`,
      params,
    );
    const rows: ItemRow[] = await db.query(
      `${ITEM_SELECT} WHERE ${where}
        ORDER BY r.review_due_at ASC NULLS LAST, r.score DESC, r.id
        LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    );
    return { items: await toItems(db, rows), total, page, pageSize };
  }

  async get(id: string): Promise<ReviewItem> {
    const db = this.dataSource.manager;
    const [item] = await toItems(db, await db.query(`${ITEM_SELECT} WHERE r.id = $1`, [id]));
    if (!item) throw new NotFoundError(`No recommendation ${id}`);
    return item;
  }

  async approve(caller: Caller, id: string, note: string | null): Promise<ReviewItem> {
    await this.approveOne(caller, id, note);
    return this.get(id);
  }

  async reject(caller: Caller, id: string, reason: RejectReason, note: string | null): Promise<ReviewItem> {
    await this.decide(caller, id, 'reject', async (manager, rec, to) => {
      await manager.update(Recommendation, id, {
        status: to,
        rejectReason: reason,
        reviewNote: note,
        reviewedBy: caller.userId,
        reviewedAt: new Date(),
      });
      await this.audit.record(manager, {
        action: 'recommendation.rejected',
        actor: caller,
        subject: { type: 'recommendation', id },
        details: { reason, note, reviewerId: rec.reviewerId },
      });
    });
    return this.get(id);
  }

  async reassign(caller: Caller, id: string, managerId: string): Promise<ReviewItem> {
    await this.decide(caller, id, 'reassign', async (manager, rec) => {
      if (!(await this.isActiveManager(manager, managerId))) {
        throw new InvalidInputError('managerId must be the user id of an active technology manager', 'managerId');
      }
      if (rec.reviewerId === managerId) return;
      await manager.update(Recommendation, id, { reviewerId: managerId });
      await this.audit.record(manager, {
        action: 'recommendation.reassigned',
        actor: caller,
        subject: { type: 'recommendation', id },
        details: { from: rec.reviewerId, to: managerId },
      });
    });
    return this.get(id);
  }

  /** Any manager may annotate, whatever the status: notes help whoever decides. */
  async annotate(caller: Caller, id: string, text: string): Promise<ReviewItem> {
    await this.dataSource.transaction(async (manager) => {
      const annotation: Annotation = { by: caller.userId, at: new Date().toISOString(), text };
      // For UPDATE … RETURNING the driver answers [rows, affected count].
      const [, updated]: [unknown[], number] = await manager.query(
        `UPDATE recommendation SET annotations = annotations || $2::jsonb, updated_at = now() WHERE id = $1 RETURNING id`,
        [id, JSON.stringify([annotation])],
      );
      if (updated === 0) throw new NotFoundError(`No recommendation ${id}`);
      await this.audit.record(manager, {
        action: 'recommendation.annotated',
        actor: caller,
        subject: { type: 'recommendation', id },
        details: { text },
      });
    });
    return this.get(id);
  }

  async bulkApprove(caller: Caller, ids: readonly string[], note: string | null): Promise<BulkApproveResult> {
    const results: BulkApproveResult['results'] = [];
    for (const id of ids) {
      try {
        await this.approveOne(caller, id, note);
        results.push({ id, outcome: 'approved' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, outcome: error.code as BulkOutcome, message: error.message });
      }
    }
    return { approved: results.filter((r) => r.outcome === 'approved').length, results };
  }

  async workload(): Promise<Workload> {
    const managers: ManagerWorkload[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS name, o.name AS "organisationName",
              (u.status = 'active' AND o.verification_status = 'verified' AND coalesce(p.active, true)) AS active,
              coalesce(p.capacity, 50) AS capacity, coalesce(p.field_codes, '{}') AS "fieldCodes",
              count(r.id)::int AS open, count(r.id) FILTER (WHERE ${OVERDUE})::int AS overdue
         FROM user_account u
         JOIN organisation o ON o.id = u.organisation_id
         LEFT JOIN manager_profile p ON p.user_id = u.id
         LEFT JOIN recommendation r ON r.reviewer_id = u.id AND r.status = 'pending_review'
        WHERE u.role = 'manager'
        GROUP BY u.id, o.name, o.verification_status, p.user_id
        ORDER BY overdue DESC, open DESC, u.display_name, u.id`,
    );
    const [unassigned]: { open: number; overdue: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
         FROM recommendation r WHERE r.status = 'pending_review' AND r.reviewer_id IS NULL`,
    );
    return { managers, unassigned };
  }

  private approveOne(caller: Caller, id: string, note: string | null): Promise<void> {
    return this.decide(caller, id, 'approve', async (manager, rec, to) => {
      await manager.update(Recommendation, id, {
        status: to,
        reviewNote: note,
        reviewedBy: caller.userId,
        reviewedAt: new Date(),
      });
      await this.outbox.publish(manager, 'recommendation.approved', { recommendationId: id });
      await this.audit.record(manager, {
        action: 'recommendation.approved',
        actor: caller,
        subject: { type: 'recommendation', id },
        details: { score: rec.score, note, reviewerId: rec.reviewerId },
      });
    });
  }

  /** Locks the row, checks who decides and whether the step is allowed, then applies it. */
  private decide(
    caller: Caller,
    id: string,
    action: RecommendationAction,
    apply: (manager: EntityManager, rec: Recommendation, to: RecommendationStatus) => Promise<void>,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const rec = await manager.findOne(Recommendation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rec) throw new NotFoundError(`No recommendation ${id}`);
      if (!mayDecide(caller, rec.reviewerId)) {
        throw new ForbiddenError('Only the assigned technology manager or an admin may decide this review');
      }
      const step = transition(rec.status, action);
      if (!step.ok) throw new ConflictError(step.message, 'status');
      await apply(manager, rec, step.to);
    });
  }

  private async isActiveManager(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM user_account u
         JOIN organisation o ON o.id = u.organisation_id AND o.verification_status = 'verified'
         LEFT JOIN manager_profile p ON p.user_id = u.id
        WHERE u.id = $1 AND u.role = 'manager' AND u.status = 'active' AND coalesce(p.active, true)`,
      [userId],
    );
    return rows.length > 0;
  }
}
