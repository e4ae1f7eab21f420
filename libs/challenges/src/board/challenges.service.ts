import { Injectable } from '@nestjs/common';
import { Need, TaxonomyTerm } from '@kuaizhuan/catalog';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  Outbox,
  pageOf,
  RequestValidationError,
  type Page,
} from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { badField } from '../domain/bad-field';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { ChallengeAccess } from '../domain/challenge-access';
import { criteriaProblems, extensionRefusal, reminderTimes } from '../domain/challenge-rules';
import { Challenge, ChallengeManager, ChallengeReminder } from '../entities/challenge.entity';
import { Proposal } from '../entities/proposal.entity';
import type { AssignChallengeManagerDto, BoardQueryDto, ExtendDto, PublishChallengeDto } from '../http/challenge.dto';
import { CHALLENGE_VIEW_SQL, challengeView, type ChallengeRow, type ChallengeView } from './challenge-views';

const YEAR_MS = 366 * 24 * 3600 * 1000;

/** The future deadline a request names, or a 400 naming `field`. */
function futureDeadline(text: string, now: Date, field: string): Date {
  const deadline = new Date(text);
  if (Number.isNaN(deadline.getTime())) throw badField(field, `${field} is not a moment`);
  if (deadline.getTime() <= now.getTime()) throw badField(field, `${field} must be in the future`);
  if (deadline.getTime() > now.getTime() + 2 * YEAR_MS) {
    throw badField(field, `${field} must be within two years`);
  }
  return deadline;
}

/** Publishing challenges, the public board, the company's managers and the one extension. */
@Injectable()
export class ChallengesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  publish(caller: Caller, input: PublishChallengeDto, now = new Date()): Promise<ChallengeView> {
    return this.dataSource.transaction(async (manager) => {
      const origin =
        caller.role === 'admin' ? await this.forCompany(manager, input) : await this.fromNeed(manager, caller, input);
      const deadline = futureDeadline(input.deadline, now, 'deadline');
      if (new Decimal(input.rewardMin).gt(input.rewardMax)) {
        throw badField('rewardMax', 'rewardMax must not be below rewardMin');
      }
      const problems = criteriaProblems(input.criteria);
      if (problems.length > 0) throw new RequestValidationError(problems);
      await this.checkFields(manager, origin.fieldCodes);
      const challenge = await manager.save(
        Challenge,
        manager.create(Challenge, {
          ...origin,
          rewardMin: input.rewardMin,
          rewardMax: input.rewardMax,
          deadline,
          forms: input.forms,
          criteria: input.criteria.map((c) => ({ name: c.name.trim(), weight: c.weight })),
          milestones: input.milestones.map((m) => ({ title: m.title.trim(), deliverable: m.deliverable.trim() })),
          publishedBy: caller.userId,
        }),
      );
      await this.audit.record(manager, {
        action: 'challenge.published',
        actor: caller,
        subject: { type: 'challenge', id: challenge.id },
        details: { to: 'open', needId: challenge.needId, deadline: deadline.toISOString() },
      });
      await this.writeReminders(manager, challenge.id, deadline, now);
      await this.outbox.publish(manager, 'challenge.published', { challengeId: challenge.id });
      return this.view(manager, challenge.id, now);
    });
  }

  /** A company publishes one of its own published needs. */
  private async fromNeed(
    manager: EntityManager,
    caller: Caller,
    input: PublishChallengeDto,
  ): Promise<
    Pick<Challenge, 'companyOrgId' | 'needId' | 'sponsor' | 'title' | 'description' | 'keywords' | 'fieldCodes'>
  > {
    if (input.companyOrgId !== undefined) {
      throw badField('companyOrgId', 'companyOrgId is set only by the operator');
    }
    if (input.sponsor !== undefined) throw badField('sponsor', 'sponsor is set only by the operator');
    if (!input.needId) throw badField('needId', 'needId is required: a challenge is published from a need');
    const need = await manager.findOneBy(Need, { id: input.needId, orgId: caller.orgId });
    if (!need) throw new NotFoundError(`No need ${input.needId}`, 'needId');
    if (need.status !== 'published') {
      throw new ConflictError(`Only a published need may become a challenge; this one is ${need.status}`, 'needId');
    }
    if (await manager.existsBy(Challenge, { needId: need.id })) {
      throw new ConflictError('This need is already a challenge', 'needId');
    }
    const description =
      input.description ?? (need.confidentiality === 'public' && need.description ? need.description : need.summary);
    if (description.trim().length < 10) {
      throw badField('description', 'description is required: the need has no public summary to use');
    }
    return {
      companyOrgId: caller.orgId,
      needId: need.id,
      sponsor: null,
      title: (input.title ?? need.title).trim(),
      description: description.trim(),
      keywords: input.keywords ?? need.keywords,
      fieldCodes: input.fieldCodes ?? need.fieldCodes,
    };
  }

  /** The operator publishes a government-sponsored challenge on a verified company's behalf. */
  private async forCompany(
    manager: EntityManager,
    input: PublishChallengeDto,
  ): Promise<
    Pick<Challenge, 'companyOrgId' | 'needId' | 'sponsor' | 'title' | 'description' | 'keywords' | 'fieldCodes'>
  > {
    if (input.needId !== undefined) throw badField('needId', 'needId is for a company’s own need');
    const missing = (['companyOrgId', 'sponsor', 'title', 'description'] as const).filter((f) => !input[f]);
    if (missing.length > 0) {
      throw new RequestValidationError(missing.map((field) => ({ field, message: `${field} is required` })));
    }
    const company: unknown[] = await manager.query(
      `SELECT 1 FROM organisation WHERE id = $1 AND kind = 'enterprise' AND verification_status = 'verified'`,
      [input.companyOrgId],
    );
    if (company.length === 0) throw badField('companyOrgId', 'companyOrgId must be a verified company');
    return {
      companyOrgId: input.companyOrgId!,
      needId: null,
      sponsor: input.sponsor!.trim(),
      title: input.title!.trim(),
      description: input.description!.trim(),
      keywords: input.keywords ?? [],
      fieldCodes: input.fieldCodes ?? [],
    };
  }

  private async checkFields(manager: EntityManager, codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    const known = await manager.findBy(TaxonomyTerm, { kind: 'field', code: In(codes), active: true });
    const unknown = codes.filter((code) => !known.some((term) => term.code === code));
    if (unknown.length > 0) throw badField('fieldCodes', `fieldCodes: unknown field "${unknown[0]}"`);
  }

  /** Replaces the reminders not yet sent by those of `deadline`. */
  private async writeReminders(manager: EntityManager, challengeId: string, deadline: Date, now: Date): Promise<void> {
    await manager.update(ChallengeReminder, { challengeId, doneAt: IsNull() }, { doneAt: now, outcome: 'superseded' });
    for (const runAt of reminderTimes(deadline, now)) {
      await manager.insert(ChallengeReminder, { challengeId, runAt });
    }
  }

  async list(query: BoardQueryDto, now = new Date()): Promise<Page<ChallengeView>> {
    const { page, pageSize, skip } = pageOf(query);
    const where = `WHERE ($1::text IS NULL OR c.title ILIKE $1 OR c.description ILIKE $1
                          OR array_to_string(c.keywords, ' ') ILIKE $1 OR o.name ILIKE $1)
                     AND ($2::text IS NULL OR $2 = ANY(c.field_codes))
                     AND ($3::text IS NULL OR $3::challenge_form = ANY(c.forms))
                     AND ($4::numeric IS NULL OR c.reward_max >= $4)
                     AND (CASE $5::text WHEN 'accepting' THEN c.status = 'open' AND c.deadline > $6
                                        WHEN 'judging' THEN c.status = 'open' AND c.deadline <= $6
                                        WHEN 'decided' THEN c.status <> 'open'
                                        ELSE true END)`;
    const like = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
    const params = [like, query.field ?? null, query.form ?? null, query.minReward ?? null, query.phase ?? null, now];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM challenge c JOIN organisation o ON o.id = c.company_org_id ${where}`,
      params,
    );
    const rows: ChallengeRow[] = await this.dataSource.query(
      `${CHALLENGE_VIEW_SQL} ${where}
        ORDER BY (c.status = 'open' AND c.deadline > $6) DESC, c.deadline ASC, c.id LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    );
    return { items: rows.map((row) => challengeView(row, now)), total, page, pageSize };
  }

  get(id: string, now = new Date()): Promise<ChallengeView> {
    return this.view(this.dataSource.manager, id, now);
  }

  async view(manager: EntityManager, id: string, now: Date): Promise<ChallengeView> {
    const [row]: ChallengeRow[] = await manager.query(`${CHALLENGE_VIEW_SQL} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundError(`No challenge ${id}`);
    return challengeView(row, now);
  }

  /** The company assigns a technology manager to help judge. */
  assignManager(caller: Caller, id: string, input: AssignChallengeManagerDto): Promise<{ userIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge } = await this.access.asJudge(manager, caller, id, ['company'], true);
      const found: unknown[] = await manager.query(
        `SELECT 1 FROM user_account u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.id = $1 AND u.role = 'manager' AND u.status = 'active' AND o.verification_status = 'verified'`,
        [input.userId],
      );
      if (found.length === 0) throw badField('userId', 'userId must be an active technology manager');
      await manager
        .createQueryBuilder()
        .insert()
        .into(ChallengeManager)
        .values({ challengeId: challenge.id, userId: input.userId })
        .orIgnore()
        .execute();
      await this.audit.record(manager, {
        action: 'challenge.manager_assigned',
        actor: caller,
        subject: { type: 'challenge', id },
        details: { managerUserId: input.userId },
      });
      return { userIds: await this.managerIds(manager, id) };
    });
  }

  async managerIds(manager: EntityManager, challengeId: string): Promise<string[]> {
    const rows = await manager.find(ChallengeManager, { where: { challengeId }, order: { assignedAt: 'ASC' } });
    return rows.map((row) => row.userId);
  }

  /** Moves the deadline once, after it passed with no proposal in the running (the company or operator). */
  extend(caller: Caller, id: string, input: ExtendDto, now = new Date()): Promise<ChallengeView> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.access.challenge(manager, id, true);
      if (caller.role !== 'admin' && !(caller.role === 'enterprise' && caller.orgId === challenge.companyOrgId)) {
        throw new ForbiddenError('Only the company of this challenge may extend it');
      }
      const deadline = futureDeadline(input.deadline, now, 'deadline');
      const live = await manager.countBy(Proposal, { challengeId: id, status: In(['submitted', 'shortlisted']) });
      const refusal = extensionRefusal(
        { status: challenge.status, deadline: challenge.deadline, extended: challenge.extendedAt !== null },
        live,
        deadline,
        now,
      );
      if (refusal) throw new ConflictError(refusal.message, 'deadline');
      await manager.update(Challenge, id, { deadline, extendedAt: now });
      await this.audit.record(manager, {
        action: 'challenge.extended',
        actor: caller,
        subject: { type: 'challenge', id },
        details: { from: challenge.deadline.toISOString(), to: deadline.toISOString() },
      });
      await this.writeReminders(manager, id, deadline, now);
      await this.outbox.publish(manager, 'challenge.reminders.changed', { challengeId: id });
      return this.view(manager, id, now);
    });
  }
}
