import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DEAL_ACTIONS,
  DEAL_TYPES,
  LICENCE_SCOPES,
  type DealAction,
  type DealType,
  type LicenceScope,
} from '../domain/deal-machine';
import { PageQueryDto } from '@kuaizhuan/platform';
import { PAYMENT_MODES, TRIGGER_KINDS, type PaymentMode, type TriggerKind } from '../domain/licence-terms';
import { IsAmount, IsCalendarDate, IsPercent } from './fields';

export class OpenDealDto {
  @IsIn(DEAL_TYPES)
  type: DealType;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  /** Open the deal room from this connection (either side may); the parties come from it. */
  @IsOptional()
  @IsUUID()
  connectionId?: string;

  /** Without a connection: the TTO's own achievement … */
  @ValidateIf((body: OpenDealDto) => body.connectionId === undefined)
  @IsUUID()
  achievementId?: string;

  /** … and the company it deals with. */
  @ValidateIf((body: OpenDealDto) => body.connectionId === undefined)
  @IsUUID()
  companyOrgId?: string;

  /** Licences (and use-first-pay-later licences): exclusive, sole or non-exclusive. */
  @ValidateIf((body: OpenDealDto) => body.type === 'licence' || body.type === 'use_first_pay_later')
  @IsIn(LICENCE_SCOPES)
  licenceScope?: LicenceScope;
}

export class DealListQueryDto extends PageQueryDto {
  /** Only the deal opened from this connection. */
  @IsOptional()
  @IsUUID()
  connectionId?: string;
}

export class CompanyQueryDto {
  /** Part of the company's name. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class AssignManagerDto {
  /** A user with the manager role. */
  @IsUUID()
  userId: string;
}

export class TransitionDto {
  @IsIn(DEAL_ACTIONS)
  action: DealAction;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ContributionDto {
  @IsUUID()
  researcherId: string;

  /** The researcher's share of the team's income, in percent. */
  @IsPercent()
  sharePercent: string;
}

export class DistributionDto {
  /** Costs recovered from income before it is shared. */
  @IsAmount()
  recoverableCosts: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContributionDto)
  @ArrayMaxSize(50)
  contributions: ContributionDto[];
}

export class UfplTermsDto {
  /** Last day of free use. */
  @IsCalendarDate()
  freeUntil: string;

  @IsIn(TRIGGER_KINDS)
  triggerKind: TriggerKind;

  /** triggerKind `date`: the day payment starts. */
  @ValidateIf((body: UfplTermsDto) => body.triggerKind === 'date' || body.triggerDate !== undefined)
  @IsCalendarDate()
  triggerDate?: string;

  /** triggerKind `revenue_threshold`: cumulative revenue that starts payment. */
  @ValidateIf((body: UfplTermsDto) => body.triggerKind === 'revenue_threshold' || body.triggerThreshold !== undefined)
  @IsAmount()
  triggerThreshold?: string;

  @IsIn(PAYMENT_MODES)
  paymentMode: PaymentMode;

  /** lump_sum and instalments: the whole fee. */
  @ValidateIf(
    (b: UfplTermsDto) => b.paymentMode === 'lump_sum' || b.paymentMode === 'instalments' || b.fee !== undefined,
  )
  @IsAmount()
  fee?: string;

  @ValidateIf((b: UfplTermsDto) => b.paymentMode === 'instalments' || b.instalmentCount !== undefined)
  @IsInt()
  @Min(1)
  @Max(120)
  instalmentCount?: number;

  @ValidateIf((b: UfplTermsDto) => b.paymentMode === 'instalments' || b.intervalMonths !== undefined)
  @IsInt()
  @Min(1)
  @Max(24)
  intervalMonths?: number;

  @ValidateIf((b: UfplTermsDto) => b.paymentMode === 'entry_fee_royalty' || b.entryFee !== undefined)
  @IsAmount()
  entryFee?: string;

  @ValidateIf(
    (b: UfplTermsDto) =>
      b.paymentMode === 'royalty' || b.paymentMode === 'entry_fee_royalty' || b.royaltyPercent !== undefined,
  )
  @IsPercent()
  royaltyPercent?: string;

  /** Optional cap on all royalties together. */
  @IsOptional()
  @IsAmount()
  royaltyCap?: string;

  /** Days after the trigger (or after a revenue report, for royalties) that payment falls due. */
  @IsInt()
  @Min(0)
  @Max(365)
  dueDays: number;

  /** Days after a due date before an unpaid amount puts the licence in default. */
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays: number;
}

export class TermSheetDto {
  /** The terms in words (scope, territory, term, deliverables). */
  @IsString()
  @MinLength(2)
  @MaxLength(5000)
  summary: string;

  /** The price or fee, when there is one. */
  @IsOptional()
  @IsAmount()
  price?: string;

  /** Use-first-pay-later licences: required, the licence terms. */
  @IsOptional()
  @ValidateNested()
  @Type(() => UfplTermsDto)
  ufpl?: UfplTermsDto;
}

export class MessageDto {
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  body: string;
}

export class RevenueReportDto {
  @IsCalendarDate()
  periodStart: string;

  @IsCalendarDate()
  periodEnd: string;

  /** Revenue from the licensed technology in the period. */
  @IsAmount()
  revenue: string;
}

export class PaymentDto {
  @IsUUID()
  instalmentId: string;

  /** Must equal the instalment's amount. */
  @IsAmount()
  amount: string;

  @IsCalendarDate()
  paidOn: string;
}

export class IncomeDto {
  /** Income not tied to an instalment: dividends and exit proceeds of equity, or a fee. */
  @IsIn(['fee', 'dividend', 'exit'])
  kind: 'fee' | 'dividend' | 'exit';

  @IsAmount()
  amount: string;

  @IsCalendarDate()
  occurredOn: string;
}

export class PolicyDto {
  /** The research team's minimum share of income after costs, in percent (80 by default). */
  @IsPercent()
  teamFloorPercent: string;

  /** The institution's maximum share, in percent; with the floor, at most 100. */
  @IsPercent()
  institutionCapPercent: string;
}

export class ValuationDto {
  @IsAmount()
  value: string;

  /** e.g. 收益法, 市场法, 成本法. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  method: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  appraiser: string;

  @IsCalendarDate()
  valuedOn: string;
}

export class EquityDto {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  companyName: string;

  /** Whether the company was founded on these rights. */
  @IsOptional()
  @IsBoolean()
  newCompany?: boolean;

  /** Equity taken in the company, in percent. */
  @IsPercent()
  equityPercent: string;

  /** How that equity is held: the institution's part and the research team's, summing to 100. */
  @IsPercent()
  institutionPercent: string;

  @IsPercent()
  teamPercent: string;

  @IsCalendarDate()
  takenOn: string;
}

export class RightsGrantDto {
  @IsIn(['co_ownership', 'use_right'])
  kind: 'co_ownership' | 'use_right';

  /** co_ownership: the researchers' share of the rights, in percent. */
  @ValidateIf((b: RightsGrantDto) => b.kind === 'co_ownership' || b.sharePercent !== undefined)
  @IsPercent()
  sharePercent?: string;

  /** use_right: the term in years (at least 10 under Chongqing's pilot). */
  @ValidateIf((b: RightsGrantDto) => b.kind === 'use_right' || b.termYears !== undefined)
  @IsInt()
  @Min(10)
  @Max(50)
  termYears?: number;

  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  researcherIds: string[];

  @IsCalendarDate()
  grantedOn: string;
}
