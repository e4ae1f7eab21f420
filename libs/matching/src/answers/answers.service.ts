import { Injectable } from '@nestjs/common';
import { achievementTitles, needTitles } from '@kuaizhuan/catalog';
import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { ConflictError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { connectionNotice } from '../push/notices';
import type { Answer, RecommendationStatus, Side } from '../domain/recommendation-status';
import { Recommendation } from '../entities/recommendation.entity';
import { answerStep, shownToSides } from '../recommendations/lifecycle';
import type { AnswerDto } from './answer.dto';

export interface AnswerResult {
  id: string;
  side: Side;
  status: RecommendationStatus;
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  /** Set when this answer connected the two sides. */
  connectionId: string | null;
}

/** The side the caller answers for: the company owning the need, or the TTO owning the achievement. */
function sideOf(caller: Caller, rec: Recommendation): Side | null {
  if (caller.role === 'enterprise' && caller.orgId === rec.needOrgId) return 'company';
  if (caller.role === 'tto' && caller.orgId === rec.achievementOrgId) return 'institution';
  return null;
}

/**
 * Answers of the two sides. Either side's decline closes the recommendation; the second
 * interest connects them: a connection row, the status, a `connection.made` notice to both,
 * all in the answer's transaction and audited.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  answer(caller: Caller, id: string, input: AnswerDto): Promise<AnswerResult> {
    return this.dataSource.transaction(async (manager) => {
      const rec = await manager.findOne(Recommendation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const side = rec ? sideOf(caller, rec) : null;
      // Before delivery the sides do not know it exists; other organisations never do.
      if (!rec || !side || !shownToSides(rec.status)) throw new NotFoundError(`No recommendation ${id}`);
      const step = answerStep(rec, side, input.answer);
      if (!step.ok) throw new ConflictError(step.message, step.reason === 'already_answered' ? 'answer' : 'status');

      const reason = input.answer === 'declined' ? (input.reason ?? null) : null;
      const now = new Date();
      const own =
        side === 'company'
          ? {
              companyAnswer: input.answer,
              companyReason: reason,
              companyNote: input.note ?? null,
              companyAnsweredAt: now,
              companyAnsweredBy: caller.userId,
            }
          : {
              institutionAnswer: input.answer,
              institutionReason: reason,
              institutionNote: input.note ?? null,
              institutionAnsweredAt: now,
              institutionAnsweredBy: caller.userId,
            };
      await manager.update(Recommendation, id, {
        ...own,
        status: step.status,
        ...(step.connect ? { connectedAt: now } : {}),
      });
      await this.audit.record(manager, {
        action: 'recommendation.answered',
        actor: caller,
        subject: { type: 'recommendation', id },
        details: { side, answer: input.answer, reason, status: step.status },
      });
      const connectionId = step.connect ? await this.connect(manager, caller, rec) : null;
      return {
        id,
        side,
        status: step.status,
        companyAnswer: step.companyAnswer,
        institutionAnswer: step.institutionAnswer,
        connectionId,
      };
    });
  }

  private async connect(manager: EntityManager, caller: Caller, rec: Recommendation): Promise<string> {
    const [connection]: { id: string }[] = await manager.query(
      `INSERT INTO connection (recommendation_id, need_id, achievement_id, company_org_id, institution_org_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (recommendation_id) DO UPDATE SET recommendation_id = EXCLUDED.recommendation_id
       RETURNING id`,
      [rec.id, rec.needId, rec.achievementId, rec.needOrgId, rec.achievementOrgId],
    );
    const titles = {
      need: (await needTitles(manager, [rec.needId])).get(rec.needId)!,
      achievement: (await achievementTitles(manager, [rec.achievementId])).get(rec.achievementId)!,
    };
    await this.notifier.notify(
      manager,
      connectionNotice({
        connectionId: connection.id,
        recommendationId: rec.id,
        need: { id: rec.needId, orgId: rec.needOrgId, title: titles.need },
        achievement: { id: rec.achievementId, orgId: rec.achievementOrgId, title: titles.achievement },
      }),
    );
    await this.audit.record(manager, {
      action: 'connection.made',
      actor: caller,
      subject: { type: 'connection', id: connection.id },
      details: { recommendationId: rec.id, companyOrgId: rec.needOrgId, institutionOrgId: rec.achievementOrgId },
    });
    return connection.id;
  }
}
