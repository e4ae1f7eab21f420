import { Injectable } from '@nestjs/common';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
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
import {
  DEAL_VIEW_SQL,
  dealView,
  type BrokerView,
  type CompanyView,
  type DealSummary,
  type DealView,
  type DistributionView,
} from './deal-views';

interface ConnectionRow {
  id: string;
  need_id: string;
  achievement_id: string;
  company_org_id: string;
  institution_org_id: string;
}

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
    const [connection]: ConnectionRow[] = await manager.query(
      `SELECT id, need_id, achievement_id, company_org_id, institution_org_id FROM connection
        WHERE id = $1 AND ((company_org_id = $2 AND $3 = 'enterprise') OR (institution_org_id = $2 AND $3 = 'tto'))`,
      [connectionId, caller.orgId, caller.role],
    );
    if (!connection) throw new NotFoundError(`No connection ${connectionId}`, 'connectionId');
    const taken: unknown[] = await manager.query(`SELECT 1 FROM deal WHERE connection_id = $1`, [connectionId]);
    if (taken.length > 0) throw new ConflictError('A deal room is already open for this connection', 'connectionId');
    return {
      connectionId,
      needId: connection.need_id,
      achievementId: connection.achievement_id,
      companyOrgId: connection.company_org_id,
      institutionOrgId: connection.institution_org_id,
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
    const own: unknown[] = await manager.query(`SELECT 1 FROM achievement WHERE id = $1 AND org_id = $2`, [
      input.achievementId,
      caller.orgId,
    ]);
    if (own.length === 0) throw new NotFoundError(`No achievement ${input.achievementId}`, 'achievementId');
    const company: unknown[] = await manager.query(`SELECT 1 FROM organisation WHERE id = $1 AND kind = 'enterprise'`, [
      input.companyOrgId,
    ]);
    if (company.length === 0) throw new InvalidInputError('companyOrgId must be a company', 'companyOrgId');
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
    const where = `WHERE ((d.institution_org_id = $1 AND $2 = 'tto') OR (d.company_org_id = $1 AND $2 = 'enterprise')
                      OR (d.manager_user_id = $3 AND $2 = 'manager'))
                     AND ($4::uuid IS NULL OR d.connection_id = $4)`;
    const params = [caller.orgId, caller.role, caller.userId, query.connectionId ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM deal d ${where}`,
      params,
    );
    const items: DealSummary[] = await this.dataSource.query(
      `${DEAL_VIEW_SQL} ${where} ORDER BY d.created_at DESC, d.id LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    );
    return { items, total, page, pageSize };
  }

  async get(caller: Caller, id: string): Promise<DealView> {
    const { capacity } = await this.access.find(this.dataSource.manager, caller, id);
    return dealView(this.dataSource.manager, id, capacity);
  }

  assignManager(caller: Caller, id: string, input: AssignManagerDto): Promise<DealView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, id, ['institution']);
      const found: unknown[] = await manager.query(
        `SELECT 1 FROM user_account u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.id = $1 AND u.role = 'manager' AND u.status = 'active' AND o.verification_status = 'verified'`,
        [input.userId],
      );
      if (found.length === 0) throw new InvalidInputError('userId must be an active technology manager', 'userId');
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
        await manager.query(`UPDATE deal SET signed_on = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = $1`, [
          id,
        ]);
      }
      await this.notices.send(manager, stepNotice(deal, input.action, capacity));
      return dealView(manager, id, capacity);
    });
  }

  /** The active technology managers, for the institution to pick a deal's broker from. */
  brokers(): Promise<BrokerView[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS name, o.name AS organisation
         FROM user_account u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.role = 'manager' AND u.status = 'active' AND o.verification_status = 'verified'
        ORDER BY o.name, u.display_name, u.id`,
    );
  }

  /** Verified companies whose name contains `q` (at most 20, by name), for a TTO opening a deal. */
  companies(query: CompanyQueryDto): Promise<CompanyView[]> {
    const q = query.q?.trim() ?? '';
    return this.dataSource.query(
      `SELECT id, name, region FROM organisation
        WHERE kind = 'enterprise' AND verification_status = 'verified'
          AND ($1 = '' OR strpos(lower(name), lower($1)) > 0)
        ORDER BY name, id LIMIT 20`,
      [q],
    );
  }

  /** The research team's shares and the costs recovered first (the institution and the manager). */
  async distribution(caller: Caller, id: string): Promise<DistributionView> {
    const manager = this.dataSource.manager;
    const { deal } = await this.access.findAs(manager, caller, id, ['institution', 'manager'], false);
    const contributions: DistributionView['contributions'] = await manager.query(
      `SELECT c.researcher_id AS "researcherId", r.name, trim_scale(c.share_percent)::text AS "sharePercent"
         FROM deal_contribution c JOIN researcher r ON r.id = c.researcher_id
        WHERE c.deal_id = $1
        ORDER BY c.share_percent DESC, r.name`,
      [id],
    );
    return { recoverableCosts: deal.recoverableCosts, contributions };
  }

  /** The research team's shares and the costs recovered first; only the institution sets them. */
  setDistribution(caller: Caller, id: string, input: DistributionDto): Promise<DealView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, id, ['institution']);
      const problem = contributionProblem(input.contributions);
      if (problem) throw new InvalidInputError(`contributions: ${problem}`, 'contributions');
      const ids = input.contributions.map((c) => c.researcherId);
      const own: { id: string }[] = await manager.query(
        `SELECT id FROM researcher WHERE id = ANY($1::uuid[]) AND org_id = $2`,
        [ids, deal.institutionOrgId],
      );
      const missing = ids.find((rid) => !own.some((row) => row.id === rid));
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
