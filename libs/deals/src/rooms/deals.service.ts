import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { isOwnAchievement, researcherNames, researchersOfOrganisation } from '@kuaizhuan/catalog';
import {
  activeManagers,
  AuditLog,
  isActiveManager,
  isCompany,
  verifiedCompanies,
  type Caller,
} from '@kuaizhuan/identity';
import { connectionForDeal } from '@kuaizhuan/matching';
import { ConflictError, InvalidInputError, NotFoundError, pageOf, type Page } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { isManualAction, RECORDED_ACTIONS } from '../domain/deal-machine';
import { contributionProblem } from '../domain/income-split';
import { DealContribution } from '../entities/deal-room.entity';
import { Deal } from '../entities/deal.entity';
import type {
  AssignManagerDto,
  CompanyQueryDto,
  DealListQueryDto,
  DistributionDto,
  OpenDealDto,
  TransitionDto,
} from '../http/deal.dto';
import { LicenceTerms } from '../licences/licence-terms.service';
import { DealAccess } from '../steps/deal-access';
import { DealSteps } from '../steps/deal-steps';
import { DealNotices, openedNotice, stepNotice } from './deal-notices';
import { contributionsOf, countDeals, dealPage, isConnectionTaken, markSigned } from './deal.repository';
import {
  dealSummaries,
  dealView,
  type BrokerView,
  type CompanyView,
  type DealSummary,
  type DealView,
  type DistributionView,
} from './deal-views';

/** Deal rooms: opening one, reading it, assigning its manager, its research team and its steps. */
@Injectable()
export class DealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccess,
    private readonly steps: DealSteps,
    private readonly audit: AuditLog,
    private readonly licences: LicenceTerms,
    private readonly notices: DealNotices,
  ) {}

  open(caller: Caller, input: OpenDealDto): Promise<DealView> {
    return this.dataSource.transaction(async (manager) => {
      const parties = input.connectionId
        ? await this.fromConnection(manager, caller, input.connectionId)
        : await this.direct(manager, caller, input);
      const isLicence = input.type === 'licence' || input.type === 'use_first_pay_later';
      const deal = await manager.save(
        Deal,
        manager.create(Deal, {
          ...parties,
          type: input.type,
          title: input.title.trim(),
          licenceScope: isLicence ? (input.licenceScope ?? null) : null,
          createdBy: caller.userId,
        }),
      );
      await this.audit.record(manager, {
        action: 'deal.opened',
        actor: caller,
        subject: { type: 'deal', id: deal.id },
        details: { type: deal.type, connectionId: deal.connectionId },
      });
      await this.notices.send(manager, openedNotice(deal, caller.role === 'tto' ? 'institution' : 'company'));
      return dealView(manager, deal.id, caller.role === 'tto' ? 'institution' : 'company');
    });
  }

  private async fromConnection(
    manager: EntityManager,
    caller: Caller,
    connectionId: string,
  ): Promise<Pick<Deal, 'connectionId' | 'needId' | 'achievementId' | 'companyOrgId' | 'institutionOrgId'>> {
    const connection = await connectionForDeal(manager, connectionId, caller);
    if (!connection) throw new NotFoundError(`No connection ${connectionId}`, 'connectionId');
    if (await isConnectionTaken(manager, connectionId)) {
      throw new ConflictError('A deal room is already open for this connection', 'connectionId');
    }
    return {
      connectionId,
      needId: connection.needId,
      achievementId: connection.achievementId,
      companyOrgId: connection.companyOrgId,
      institutionOrgId: connection.institutionOrgId,
    };
  }

  /** A TTO opens a deal for one of its own achievements with a company, without a connection. */
  private async direct(
    manager: EntityManager,
    caller: Caller,
    input: OpenDealDto,
  ): Promise<Pick<Deal, 'connectionId' | 'needId' | 'achievementId' | 'companyOrgId' | 'institutionOrgId'>> {
    if (caller.role !== 'tto') {
      throw new InvalidInputError('Only a TTO may open a deal without a connection', 'connectionId');
    }
    if (!(await isOwnAchievement(manager, caller.orgId, input.achievementId!))) {
      throw new NotFoundError(`No achievement ${input.achievementId}`, 'achievementId');
    }
    if (!(await isCompany(manager, input.companyOrgId!))) {
      throw new InvalidInputError('companyOrgId must be a company', 'companyOrgId');
    }
    return {
      connectionId: null,
      needId: null,
      achievementId: input.achievementId!,
      companyOrgId: input.companyOrgId!,
      institutionOrgId: caller.orgId,
    };
  }

  async list(caller: Caller, query: DealListQueryDto): Promise<Page<DealSummary>> {
    const { page, pageSize, skip } = pageOf(query);
    const db = this.dataSource.manager;
    const filter = {
      orgId: caller.orgId,
      role: caller.role,
      userId: caller.userId,
      connectionId: query.connectionId ?? null,
    };
    const total = await countDeals(db, filter);
    const items: DealSummary[] = await dealSummaries(db, await dealPage(db, filter, pageSize, skip));
    return { items, total, page, pageSize };
  }

  async get(caller: Caller, id: string): Promise<DealView> {
    const { capacity } = await this.access.find(this.dataSource.manager, caller, id);
    return dealView(this.dataSource.manager, id, capacity);
  }

  assignManager(caller: Caller, id: string, input: AssignManagerDto): Promise<DealView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, id, ['institution']);
      if (!(await isActiveManager(manager, input.userId))) {
        throw new InvalidInputError('userId must be an active technology manager', 'userId');
      }
      await manager.update(Deal, deal.id, { managerUserId: input.userId });
      await this.audit.record(manager, {
        action: 'deal.manager_assigned',
        actor: caller,
        subject: { type: 'deal', id },
        details: { managerUserId: input.userId },
      });
      return dealView(manager, id, capacity);
    });
  }

  /** `at`: the moment the step is taken (now; the demo seed tells past deals on their own days). */
  transition(caller: Caller, id: string, input: TransitionDto, at = new Date()): Promise<DealView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.find(manager, caller, id, true);
      const recorded = RECORDED_ACTIONS[input.action];
      if (recorded) throw new InvalidInputError(`${input.action} is recorded with ${recorded}`, 'action');
      if (!isManualAction(deal.type, input.action)) {
        throw new InvalidInputError(
          `${input.action} is not a step anyone may ask for on a ${deal.type} deal`,
          'action',
        );
      }
      await this.steps.take(manager, deal, input.action, capacity, caller, { note: input.note ?? null });
      // After the state machine allowed the step (so a step out of order is refused as such); a refusal
      // here rolls the step back with the rest of the transaction.
      if (deal.type === 'use_first_pay_later' && input.action === 'sign') {
        await this.licences.assertSignable(manager, deal, at);
      }
      if (deal.type === 'use_first_pay_later' && input.action === 'start') {
        await this.licences.start(manager, deal);
      }
      if (input.action === 'sign') {
        await markSigned(manager, id);
      }
      await this.notices.send(manager, stepNotice(deal, input.action, capacity));
      return dealView(manager, id, capacity);
    });
  }

  /** The active technology managers, for the institution to pick a deal's broker from. */
  brokers(): Promise<BrokerView[]> {
    return activeManagers(this.dataSource.manager);
  }

  /** Verified companies whose name contains `q` (at most 20, by name), for a TTO opening a deal. */
  companies(query: CompanyQueryDto): Promise<CompanyView[]> {
    const q = query.q?.trim() ?? '';
    return verifiedCompanies(this.dataSource.manager, q);
  }

  /** The research team's shares and the costs recovered first (the institution and the manager). */
  async distribution(caller: Caller, id: string): Promise<DistributionView> {
    const manager = this.dataSource.manager;
    const { deal } = await this.access.findAs(manager, caller, id, ['institution', 'manager'], false);
    const shares = await contributionsOf(manager, id);
    // Largest share first; equal shares by the researcher's name, in the order catalog reads them.
    const names = await researcherNames(
      manager,
      shares.map((share) => share.researcherId),
    );
    const contributions: DistributionView['contributions'] = [];
    for (const { id: researcherId, name } of names) {
      const share = shares.find((s) => s.researcherId === researcherId);
      if (share) contributions.push({ researcherId, name, sharePercent: share.sharePercent });
    }
    contributions.sort((x, y) => new Decimal(y.sharePercent).comparedTo(x.sharePercent));
    return { recoverableCosts: deal.recoverableCosts, contributions };
  }

  /** The research team's shares and the costs recovered first; only the institution sets them. */
  setDistribution(caller: Caller, id: string, input: DistributionDto): Promise<DealView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, id, ['institution']);
      const problem = contributionProblem(input.contributions);
      if (problem) throw new InvalidInputError(`contributions: ${problem}`, 'contributions');
      const ids = input.contributions.map((c) => c.researcherId);
      const own = await researchersOfOrganisation(manager, deal.institutionOrgId, ids);
      const missing = ids.find((rid) => !own.has(rid));
      if (missing)
        throw new InvalidInputError(`researcher ${missing} is not one of the institution's`, 'contributions');
      await manager.delete(DealContribution, { dealId: id });
      await manager.insert(
        DealContribution,
        input.contributions.map((c) => ({ dealId: id, researcherId: c.researcherId, sharePercent: c.sharePercent })),
      );
      await manager.update(Deal, id, { recoverableCosts: input.recoverableCosts });
      await this.audit.record(manager, {
        action: 'deal.distribution_set',
        actor: caller,
        subject: { type: 'deal', id },
        details: { recoverableCosts: input.recoverableCosts, contributions: input.contributions },
      });
      return dealView(manager, id, capacity);
    });
  }
}
