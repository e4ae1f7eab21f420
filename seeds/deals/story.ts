import type { CooperationMode } from '@kuaizhuan/catalog';
import type { Caller } from '@kuaizhuan/identity';
import type { DealAction, DealServices, DealType, LicenceScope, UfplTermsInput } from '@kuaizhuan/deals';
import type { DateText } from './calendar';
import type { Cast, PickedAchievement } from './parties';

/** The party that takes a step: the institution (TTO), the company, or the deal's manager. */
export type Party = keyof Cast;

/** Use-first-pay-later terms as a side offers them (amounts as decimal strings). */
export type UfplOffer = UfplTermsInput;

/** One thing that happens in a deal room, in the order the story tells them. */
export type Step =
  | { do: 'assign_manager' }
  | { do: 'message'; by: Party; on: DateText; body: string }
  | { do: 'offer'; by: 'institution' | 'company'; summary: string; price?: string; ufpl?: UfplOffer }
  /** Both sides accept the open term sheet, its proposer first: the deal is agreed. */
  | { do: 'accept' }
  | { do: 'sign'; by: 'institution' | 'manager' }
  /** The research team's shares (the achievement's researchers, first named most) and the costs recovered first. */
  | { do: 'distribute'; recoverableCosts: string }
  | { do: 'step'; action: Extract<DealAction, 'start' | 'register' | 'complete' | 'cancel'>; by: Party; note?: string }
  | { do: 'report'; from: DateText; to: DateText; revenue: string }
  | { do: 'pay'; seq: number; on: DateText; by: 'institution' | 'manager' }
  | { do: 'income'; kind: 'fee' | 'dividend'; amount: string; on: DateText }
  | { do: 'value'; value: string; method: string; appraiser: string; on: DateText; by: 'institution' | 'manager' }
  | {
      do: 'take_equity';
      companyName: string;
      newCompany: boolean;
      equityPercent: string;
      institutionPercent: string;
      teamPercent: string;
      on: DateText;
    }
  | { do: 'grant'; sharePercent: string; on: DateText };

/** A demo deal: who, about what, when it was opened and signed, and what happened in it. */
export interface DemoDeal {
  /** Keys of seeds/catalog/organisations.ts. */
  institution: string;
  company: string;
  type: DealType;
  licenceScope?: LicenceScope;
  /** Put after the achievement's title to name the deal, e.g. （先使用后付费许可）. */
  titleSuffix: string;
  /** What the achievement must offer (a cooperation mode) and the fields it is preferably in. */
  achievement: { mode: CooperationMode | null; fields: string[] };
  openedOn: DateText;
  /** Null for a deal never signed. */
  signedOn: DateText | null;
  steps: Step[];
}

/** Shares of the research team by how many researchers are named (at most the first three). */
const SHARES: Record<number, string[]> = { 1: ['100'], 2: ['60', '40'], 3: ['50', '30', '20'] };

/** Each message posted, with the day it stands for. */
export type Posted = { id: string; on: DateText }[];

/** Runs a demo deal's story through the deal services, as its parties would through the api. */
export class Story {
  readonly posted: Posted = [];

  constructor(
    private readonly services: DealServices,
    private readonly cast: Cast,
    private readonly achievement: PickedAchievement,
    readonly dealId: string,
    /** The day the story signs on (a past day: the terms are checked as of that day). */
    private readonly signedOn: DateText | null = null,
  ) {}

  /** Opens the deal room: the institution opens it directly for its achievement with the company. */
  static async open(
    services: DealServices,
    cast: Cast,
    deal: DemoDeal,
    achievement: PickedAchievement,
    title: string,
  ): Promise<Story> {
    const opened = await services.deals.open(cast.institution, {
      type: deal.type,
      title,
      achievementId: achievement.id,
      companyOrgId: cast.company.orgId,
      licenceScope: deal.licenceScope,
    });
    return new Story(services, cast, achievement, opened.id, deal.signedOn);
  }

  async tell(steps: readonly Step[]): Promise<void> {
    for (const [index, step] of steps.entries()) await this.take(step, `demo-seed:${this.dealId}:${index}`);
  }

  private async take(step: Step, key: string): Promise<void> {
    const { services, cast, dealId } = this;
    switch (step.do) {
      case 'assign_manager':
        await services.deals.assignManager(cast.institution, dealId, { userId: cast.manager.userId });
        return;
      case 'message': {
        const message = await services.rooms.postMessage(cast[step.by], dealId, { body: step.body });
        this.posted.push({ id: message.id, on: step.on });
        return;
      }
      case 'offer':
        await services.rooms.offer(cast[step.by], dealId, {
          summary: step.summary,
          price: step.price,
          ufpl: step.ufpl,
        });
        return;
      case 'accept':
        return this.accept();
      case 'sign':
        await services.deals.transition(
          cast[step.by],
          dealId,
          { action: 'sign' },
          this.signedOn ? new Date(`${this.signedOn}T12:00:00+08:00`) : undefined,
        );
        return;
      case 'distribute':
        return this.distribute(step.recoverableCosts);
      case 'step':
        await services.deals.transition(cast[step.by], dealId, { action: step.action, note: step.note });
        return;
      case 'report':
        await services.licences.report(cast.company, dealId, key, {
          periodStart: step.from,
          periodEnd: step.to,
          revenue: step.revenue,
        });
        return;
      case 'pay':
        return this.pay(cast[step.by], step.seq, step.on, key);
      case 'income':
        await services.income.record(cast.institution, dealId, key, {
          kind: step.kind,
          amount: step.amount,
          occurredOn: step.on,
        });
        return;
      default:
        return this.record(step);
    }
  }

  /** The steps that write a record of their own: a valuation, the equity taken, a rights grant. */
  private async record(step: Extract<Step, { do: 'value' | 'take_equity' | 'grant' }>): Promise<void> {
    const { services, cast, dealId } = this;
    switch (step.do) {
      case 'value':
        await services.equity.valuation(cast[step.by], dealId, {
          value: step.value,
          method: step.method,
          appraiser: step.appraiser,
          valuedOn: step.on,
        });
        return;
      case 'take_equity': {
        const { do: _do, on, ...equity } = step;
        await services.equity.equity(cast.institution, dealId, { ...equity, takenOn: on });
        return;
      }
      case 'grant':
        await services.equity.grant(cast.institution, dealId, {
          kind: 'co_ownership',
          sharePercent: step.sharePercent,
          researcherIds: this.achievement.researcherIds,
          grantedOn: step.on,
        });
        return;
    }
  }

  private async accept(): Promise<void> {
    const sheets = await this.services.rooms.termSheets(this.cast.institution, this.dealId);
    const open = sheets.find((s) => s.status === 'open');
    if (!open) throw new Error(`deal ${this.dealId} has no open term sheet to accept`);
    const sides =
      open.proposedBy === 'institution' ? (['institution', 'company'] as const) : (['company', 'institution'] as const);
    for (const side of sides) await this.services.rooms.respond(this.cast[side], this.dealId, open.id, 'accept');
  }

  private async distribute(recoverableCosts: string): Promise<void> {
    const team = this.achievement.researcherIds.slice(0, 3);
    const shares = SHARES[team.length];
    await this.services.deals.setDistribution(this.cast.institution, this.dealId, {
      recoverableCosts,
      contributions: team.map((researcherId, i) => ({ researcherId, sharePercent: shares[i] })),
    });
  }

  /** Records the payment of the instalment numbered `seq`, for its exact amount. */
  private async pay(by: Caller, seq: number, paidOn: DateText, key: string): Promise<void> {
    const licence = await this.services.licences.view(by, this.dealId);
    const instalment = licence.instalments.find((i) => i.seq === seq);
    if (!instalment) throw new Error(`deal ${this.dealId} has no instalment ${seq}`);
    await this.services.licences.pay(by, this.dealId, key, {
      instalmentId: instalment.id,
      amount: instalment.amount,
      paidOn,
    });
  }
}
