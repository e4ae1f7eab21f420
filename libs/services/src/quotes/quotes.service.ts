import { Injectable } from '@nestjs/common';
import { AchievementsService, isPubliclyVisible, type ListingStatus } from '@kuaizhuan/catalog';
import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  pageOf,
  type Page,
} from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { quoteStep, type QuoteSide } from '../domain/quote-machine';
import { PlatformService, ServicePlatform } from '../entities/service-platform.entity';
import { ServiceQuote, ServiceQuoteMessage } from '../entities/service-quote.entity';
import { quoteNotice } from './quote-notices';
import type { QuoteListQueryDto, QuoteMessageDto, QuoteTransitionDto, RequestQuoteDto } from './quote.dto';
import { QUOTE_VIEW_SQL, quoteView, type QuoteMessageView, type QuoteRow, type QuoteView } from './quote-views';

interface AchievementFacts {
  org_id: string;
  title: string;
  status: ListingStatus;
  trl: number | null;
}

/** Where the caller's organisation stands in a quote; anyone else does not see it. */
const PARTY = `(q.requester_org_id = $1 OR q.platform_org_id = $1 OR q.achievement_org_id = $1)`;

/**
 * Quotes for proof-of-concept and pilot steps: a company or TTO asks a verified platform, the platform
 * quotes, the requester accepts, the platform completes the step and the achievement's TTO confirms
 * the maturity reached, which raises the achievement's. Every step is audited and told to the others.
 */
@Injectable()
export class QuotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly achievements: AchievementsService,
  ) {}

  request(caller: Caller, input: RequestQuoteDto): Promise<QuoteView> {
    return this.dataSource.transaction(async (manager) => {
      const { service, platform } = await this.listedService(manager, input.serviceId);
      if (platform.orgId === caller.orgId) {
        throw new InvalidInputError(
          'serviceId: your organisation cannot ask its own platform for a quote',
          'serviceId',
        );
      }
      const achievement = await this.askableAchievement(manager, caller, input.achievementId);
      if (achievement.trl !== null && achievement.trl < service.trlFrom) {
        throw new InvalidInputError(
          `serviceId: the service takes results at TRL ${service.trlFrom} or more; the achievement is at TRL ${achievement.trl}`,
          'serviceId',
        );
      }
      if (achievement.trl !== null && input.targetTrl <= achievement.trl) {
        throw new InvalidInputError(`targetTrl must be above the achievement's TRL ${achievement.trl}`, 'targetTrl');
      }
      if (input.targetTrl > service.trlTo) {
        throw new InvalidInputError(
          `targetTrl: the service brings results to TRL ${service.trlTo} at most`,
          'targetTrl',
        );
      }
      if (input.recommendationId) await this.ownRecommendation(manager, caller, input);
      const quote = await manager.save(
        manager.create(ServiceQuote, {
          serviceId: service.id,
          platformId: platform.id,
          platformOrgId: platform.orgId,
          requesterOrgId: caller.orgId,
          achievementId: input.achievementId,
          achievementOrgId: achievement.org_id,
          recommendationId: input.recommendationId ?? null,
          trlBefore: achievement.trl,
          targetTrl: input.targetTrl,
          createdBy: caller.userId,
        }),
      );
      await manager.insert(ServiceQuoteMessage, {
        quoteId: quote.id,
        authorUserId: caller.userId,
        authorOrgId: caller.orgId,
        body: input.message.trim(),
      });
      await this.audit.record(manager, {
        action: 'service_quote.requested',
        actor: caller,
        subject: { type: 'service_quote', id: quote.id },
        details: { serviceId: service.id, achievementId: input.achievementId, targetTrl: input.targetTrl },
      });
      await this.tell(manager, quote, 'request', caller.orgId, service.title, achievement.title);
      return this.view(manager, caller, quote.id, true);
    });
  }

  async list(caller: Caller, query: QuoteListQueryDto): Promise<Page<QuoteView>> {
    const { page, pageSize, skip } = pageOf(query);
    const where = `WHERE ${PARTY} AND ($2::service_quote_status IS NULL OR q.status = $2)`;
    const params = [caller.orgId, query.status ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM service_quote q ${where}`,
      params,
    );
    const rows: QuoteRow[] = await this.dataSource.query(
      `${QUOTE_VIEW_SQL} ${where} ORDER BY q.created_at DESC, q.id LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    );
    return { items: rows.map((row) => quoteView(row, caller.orgId)), total, page, pageSize };
  }

  get(caller: Caller, id: string): Promise<QuoteView> {
    return this.view(this.dataSource.manager, caller, id, true);
  }

  transition(caller: Caller, id: string, input: QuoteTransitionDto): Promise<QuoteView> {
    return this.dataSource.transaction(async (manager) => {
      const quote = await this.lockParty(manager, caller, id);
      const side: QuoteSide | null =
        quote.platformOrgId === caller.orgId ? 'platform' : quote.requesterOrgId === caller.orgId ? 'requester' : null;
      if (!side)
        throw new ForbiddenError(
          'Only the requester and the platform act on a quote; the institution confirms maturity',
        );
      const outcome = quoteStep(quote.status, input.action, side);
      if (!outcome.ok) {
        if (outcome.kind === 'wrong_side') throw new ForbiddenError(outcome.reason, 'action');
        throw new ConflictError(outcome.reason, 'action');
      }
      const platform = await manager.findOneByOrFail(ServicePlatform, { id: quote.platformId });
      if (platform.status !== 'verified' && input.action !== 'decline') {
        if (side === 'platform') {
          throw new ForbiddenError(`Your service platform is ${platform.status}: it may not quote or complete steps`);
        }
        throw new ConflictError('The platform is no longer verified: the quote may only be declined', 'action');
      }
      const now = new Date();
      switch (input.action) {
        case 'quote':
          Object.assign(quote, { price: input.price!, leadTimeDays: input.leadTimeDays!, quotedAt: now });
          break;
        case 'accept':
          quote.acceptedAt = now;
          break;
        case 'complete':
          if (quote.trlBefore !== null && input.trlReached! <= quote.trlBefore) {
            throw new InvalidInputError(
              `trlReached must be above the TRL ${quote.trlBefore} the step started from`,
              'trlReached',
            );
          }
          Object.assign(quote, { trlReached: input.trlReached!, report: input.note!.trim(), completedAt: now });
          break;
        case 'decline':
          Object.assign(quote, { declineReason: input.note!.trim(), declinedAt: now });
          break;
      }
      const from = quote.status;
      quote.status = outcome.to;
      await manager.save(quote);
      await this.audit.record(manager, {
        action: `service_quote.${outcome.to}`,
        actor: caller,
        subject: { type: 'service_quote', id },
        details: { from, to: outcome.to, side },
      });
      const titles = await this.titles(manager, quote);
      await this.tell(manager, quote, input.action, caller.orgId, titles.service, titles.achievement);
      return this.view(manager, caller, id, true);
    });
  }

  /** The achievement's TTO confirms the maturity a completed step reached; the achievement's TRL is raised. */
  confirmMaturity(caller: Caller, id: string): Promise<QuoteView> {
    return this.dataSource.transaction(async (manager) => {
      const quote = await this.lockParty(manager, caller, id);
      if (quote.achievementOrgId !== caller.orgId || caller.role !== 'tto') {
        throw new ForbiddenError("Only the achievement's institution confirms the maturity reached");
      }
      if (quote.status !== 'completed')
        throw new ConflictError(`A ${quote.status} quote has no step to confirm`, 'status');
      if (quote.maturityConfirmedAt) throw new ConflictError('The maturity reached is confirmed already', 'status');
      const trl = await this.achievements.raiseMaturity(manager, caller, quote.achievementId, quote.trlReached!, {
        serviceQuoteId: id,
      });
      Object.assign(quote, { maturityConfirmedAt: new Date(), maturityConfirmedBy: caller.userId });
      await manager.save(quote);
      await this.audit.record(manager, {
        action: 'service_quote.maturity_confirmed',
        actor: caller,
        subject: { type: 'service_quote', id },
        details: { trlReached: quote.trlReached, achievementTrl: trl },
      });
      const titles = await this.titles(manager, quote);
      await this.tell(manager, quote, 'confirm', caller.orgId, titles.service, titles.achievement);
      return this.view(manager, caller, id, true);
    });
  }

  postMessage(caller: Caller, id: string, input: QuoteMessageDto): Promise<QuoteView> {
    return this.dataSource.transaction(async (manager) => {
      const quote = await this.lockParty(manager, caller, id);
      if (quote.status === 'declined') throw new ConflictError('A declined quote takes no more messages', 'body');
      await manager.insert(ServiceQuoteMessage, {
        quoteId: id,
        authorUserId: caller.userId,
        authorOrgId: caller.orgId,
        body: input.body.trim(),
      });
      return this.view(manager, caller, id, true);
    });
  }

  private async listedService(
    manager: EntityManager,
    serviceId: string,
  ): Promise<{ service: PlatformService; platform: ServicePlatform }> {
    const service = await manager.findOneBy(PlatformService, { id: serviceId, active: true });
    const platform = service ? await manager.findOneBy(ServicePlatform, { id: service.platformId }) : null;
    // A service of a platform that is not verified is not listed: for requesters it does not exist.
    if (!service || !platform || platform.status !== 'verified') {
      throw new NotFoundError(`No service ${serviceId}`, 'serviceId');
    }
    return { service, platform };
  }

  /** A TTO asks for its own achievements; a company for a published one. */
  private async askableAchievement(manager: EntityManager, caller: Caller, id: string): Promise<AchievementFacts> {
    const [row]: AchievementFacts[] = await manager.query(
      `SELECT org_id, title, status, trl FROM achievement WHERE id = $1`,
      [id],
    );
    const askable = row && (caller.role === 'tto' ? row.org_id === caller.orgId : isPubliclyVisible(row.status));
    if (!askable) throw new NotFoundError(`No achievement ${id} you may ask a quote for`, 'achievementId');
    return row;
  }

  private async ownRecommendation(manager: EntityManager, caller: Caller, input: RequestQuoteDto): Promise<void> {
    const found: unknown[] = await manager.query(
      `SELECT 1 FROM recommendation WHERE id = $1 AND achievement_id = $2 AND (need_org_id = $3 OR achievement_org_id = $3)`,
      [input.recommendationId, input.achievementId, caller.orgId],
    );
    if (found.length === 0) {
      throw new NotFoundError(
        `No recommendation ${input.recommendationId} of yours for this achievement`,
        'recommendationId',
      );
    }
  }

  private async lockParty(manager: EntityManager, caller: Caller, id: string): Promise<ServiceQuote> {
    const quote = await manager.findOne(ServiceQuote, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const party = quote && [quote.requesterOrgId, quote.platformOrgId, quote.achievementOrgId].includes(caller.orgId);
    if (!quote || !party) throw new NotFoundError(`No quote ${id}`);
    return quote;
  }

  private async view(manager: EntityManager, caller: Caller, id: string, withMessages: boolean): Promise<QuoteView> {
    const [row]: QuoteRow[] = await manager.query(`${QUOTE_VIEW_SQL} WHERE q.id = $2 AND ${PARTY}`, [caller.orgId, id]);
    if (!row) throw new NotFoundError(`No quote ${id}`);
    return quoteView(row, caller.orgId, withMessages ? await this.messages(manager, caller, id) : undefined);
  }

  private async messages(manager: EntityManager, caller: Caller, id: string): Promise<QuoteMessageView[]> {
    const rows: (Omit<QuoteMessageView, 'mine'> & { orgId: string })[] = await manager.query(
      `SELECT m.id, m.body, m.created_at AS "createdAt", m.author_org_id AS "orgId",
              json_build_object('name', u.display_name, 'organisation', o.name) AS author
         FROM service_quote_message m
         JOIN user_account u ON u.id = m.author_user_id
         JOIN organisation o ON o.id = m.author_org_id
        WHERE m.quote_id = $1 ORDER BY m.created_at, m.id`,
      [id],
    );
    return rows.map(({ orgId, ...message }) => ({ ...message, mine: orgId === caller.orgId }));
  }

  private async titles(manager: EntityManager, quote: ServiceQuote): Promise<{ service: string; achievement: string }> {
    const [row]: { service: string; achievement: string }[] = await manager.query(
      `SELECT s.title AS service, a.title AS achievement FROM platform_service s, achievement a
        WHERE s.id = $1 AND a.id = $2`,
      [quote.serviceId, quote.achievementId],
    );
    return row;
  }

  private async tell(
    manager: EntityManager,
    quote: ServiceQuote,
    step: Parameters<typeof quoteNotice>[1],
    actorOrgId: string,
    serviceTitle: string,
    achievementTitle: string,
  ): Promise<void> {
    const notice = quoteNotice(quote, step, actorOrgId, serviceTitle, achievementTitle);
    if (notice) await this.notifier.notify(manager, notice);
  }
}
