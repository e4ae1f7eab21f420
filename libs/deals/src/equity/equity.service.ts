import { Injectable } from '@nestjs/common';
import { researchersOfOrganisation } from '@kuaizhuan/catalog';
import type { Caller } from '@kuaizhuan/identity';
import { InvalidInputError, NotFoundError } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { DealEquity, DealValuation, RightsGrant } from '../entities/ledger.entity';
import type { EquityDto, RightsGrantDto, ValuationDto } from '../http/deal.dto';
import { DealAccess } from '../steps/deal-access';
import { DealSteps } from '../steps/deal-steps';

export interface EquityView {
  valuations: Omit<DealValuation, 'deal'>[];
  equity: Omit<DealEquity, 'deal'> | null;
  grants: Omit<RightsGrant, 'deal'>[];
}

/** Rights-for-equity (valuation, equity taken and its split) and rights grants to researchers. */
@Injectable()
export class EquityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccess,
    private readonly steps: DealSteps,
  ) {}

  async view(caller: Caller, dealId: string): Promise<EquityView> {
    await this.access.find(this.dataSource.manager, caller, dealId);
    return this.viewIn(this.dataSource.manager, dealId);
  }

  valuation(caller: Caller, dealId: string, input: ValuationDto): Promise<EquityView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, dealId, ['institution', 'manager']);
      if (deal.type !== 'rights_for_equity') {
        throw new InvalidInputError('A valuation is recorded for rights-for-equity deals', 'dealId');
      }
      if (new Decimal(input.value).lte(0)) throw new InvalidInputError('value must be more than 0', 'value');
      await this.steps.take(manager, deal, 'value', capacity, caller, { value: input.value, method: input.method });
      await manager.insert(DealValuation, { dealId, ...input });
      return this.viewIn(manager, dealId);
    });
  }

  equity(caller: Caller, dealId: string, input: EquityDto): Promise<EquityView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, dealId, ['institution']);
      if (deal.type !== 'rights_for_equity') {
        throw new InvalidInputError('Equity is recorded for rights-for-equity deals', 'dealId');
      }
      if (!new Decimal(input.institutionPercent).plus(input.teamPercent).equals(100)) {
        throw new InvalidInputError('institutionPercent and teamPercent must add up to 100', 'teamPercent');
      }
      if (new Decimal(input.equityPercent).lte(0)) {
        throw new InvalidInputError('equityPercent must be more than 0', 'equityPercent');
      }
      await this.steps.take(manager, deal, 'take_equity', capacity, caller, { equityPercent: input.equityPercent });
      await manager.insert(DealEquity, { dealId, ...input, newCompany: input.newCompany ?? false });
      return this.viewIn(manager, dealId);
    });
  }

  grant(caller: Caller, dealId: string, input: RightsGrantDto): Promise<EquityView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, dealId, ['institution']);
      if (deal.type !== 'rights_grant') {
        throw new InvalidInputError('Rights are granted under a rights_grant deal', 'dealId');
      }
      const own = await researchersOfOrganisation(manager, deal.institutionOrgId, input.researcherIds);
      if (own.size !== new Set(input.researcherIds).size) {
        throw new NotFoundError("researcherIds must name the institution's own researchers", 'researcherIds');
      }
      await this.steps.take(manager, deal, 'grant', capacity, caller, { kind: input.kind });
      await manager.insert(RightsGrant, {
        dealId,
        kind: input.kind,
        sharePercent: input.kind === 'co_ownership' ? (input.sharePercent ?? null) : null,
        termYears: input.kind === 'use_right' ? (input.termYears ?? null) : null,
        researcherIds: input.researcherIds,
        grantedOn: input.grantedOn,
      });
      return this.viewIn(manager, dealId);
    });
  }

  private async viewIn(manager: DataSource['manager'], dealId: string): Promise<EquityView> {
    const valuations = await manager.find(DealValuation, { where: { dealId }, order: { createdAt: 'ASC' } });
    const equity = await manager.findOneBy(DealEquity, { dealId });
    const grants = await manager.find(RightsGrant, { where: { dealId }, order: { grantedOn: 'ASC' } });
    return { valuations, equity, grants };
  }
}
