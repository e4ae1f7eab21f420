import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { PageQueryDto, PlausibleDate } from '@kuaizhuan/platform';
import { CHALLENGE_FORMS, DECLINE_REASONS, type ChallengeForm, type DeclineReason } from '../domain/challenge-rules';

/** A yuan amount as a decimal string: at most 12 integer digits and 2 decimals. */
const IsAmount = (): PropertyDecorator =>
  applyDecorators(
    IsString({ message: '$property must be a decimal string such as "1000.00"' }),
    Matches(/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/, {
      message: '$property must be a non-negative amount with at most two decimals',
    }),
  );

export class CriterionDto {
  /** What the company judges, e.g. 技术指标. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** Its weight in percent; the weights of a challenge add up to 100. */
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;
}

export class ExpectedMilestoneDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  /** What is delivered at this milestone. */
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  deliverable: string;
}

/**
 * A challenge: a company publishes one of its published needs (`needId`); the operator publishes
 * one for a government-sponsored list on a company's behalf (`companyOrgId`, `sponsor`, the text).
 */
export class PublishChallengeDto {
  /** The company's own published need (companies). */
  @IsOptional()
  @IsUUID()
  needId?: string;

  /** The company whose problem it is (the operator only). */
  @IsOptional()
  @IsUUID()
  companyOrgId?: string;

  /** Who sponsors the list, e.g. 重庆市科学技术局 (the operator only). */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  sponsor?: string;

  /** Defaults to the need's title. */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string;

  /** What the teams read; defaults to the need's public summary. */
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(10_000)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  keywords?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  fieldCodes?: string[];

  @IsAmount()
  rewardMin: string;

  @IsAmount()
  rewardMax: string;

  /** The moment proposals close (ISO 8601 with its offset), in the future. */
  @IsISO8601({ strict: true })
  deadline: string;

  /** Licence, transfer or joint development: at least one. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHALLENGE_FORMS, { each: true })
  forms: ChallengeForm[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExpectedMilestoneDto)
  milestones: ExpectedMilestoneDto[];
}

export const BOARD_PHASES = ['accepting', 'judging', 'decided'] as const;
export type BoardPhase = (typeof BOARD_PHASES)[number];

export class BoardQueryDto extends PageQueryDto {
  /** Words in the title, description or keywords. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  field?: string;

  @IsOptional()
  @IsIn(CHALLENGE_FORMS)
  form?: ChallengeForm;

  /** accepting (before the deadline), judging (after it, undecided) or decided. */
  @IsOptional()
  @IsIn(BOARD_PHASES)
  phase?: BoardPhase;

  /** Only challenges whose reward reaches at least this amount. */
  @IsOptional()
  @IsAmount()
  minReward?: string;
}

export class AssignChallengeManagerDto {
  @IsUUID()
  userId: string;
}

export class ExtendDto {
  /** The new deadline (ISO 8601 with its offset), in the future. */
  @IsISO8601({ strict: true })
  deadline: string;
}

export class ProposedMilestoneDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @PlausibleDate()
  dueOn: string;

  @IsAmount()
  amount: string;
}

/** A proposal's content: every revision sends it whole and becomes a new version. */
export class ProposalContentDto {
  /** The research team: researchers of the TTO's institution. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  researcherIds: string[];

  @IsString()
  @MinLength(10)
  @MaxLength(20_000)
  approach: string;

  /** With dates and amounts; the amounts add up to the price. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProposedMilestoneDto)
  milestones: ProposedMilestoneDto[];

  @IsAmount()
  price: string;

  /** One of the forms the challenge wants. */
  @IsIn(CHALLENGE_FORMS)
  form: ChallengeForm;

  /** The maturity stage it will reach (taxonomy `maturity_stage`, e.g. pilot). */
  @IsString()
  @MaxLength(40)
  maturity: string;
}

export class CreateProposalDto extends ProposalContentDto {
  /** The TTO's own achievement the proposal builds on. */
  @IsUUID()
  achievementId: string;
}

export class ScoreDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  criterion: string;

  @IsInt()
  @Min(0)
  @Max(10)
  score: number;
}

export class ScoresDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores: ScoreDto[];
}

export class DeclineDto {
  @IsIn(DECLINE_REASONS)
  reason: DeclineReason;

  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  note: string;
}

export class AwardDto {
  /** The winning proposal. */
  @IsUUID()
  proposalId: string;
}

export class NoAwardDto {
  /** Told to every team still in the running, with the reason `no_award`. */
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  note: string;
}
