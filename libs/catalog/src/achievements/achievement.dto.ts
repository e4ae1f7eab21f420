import { PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { Amount, NotAbove, StringList, Text } from '../common/fields';
import {
  COOPERATION_MODES,
  LEGAL_STATUSES,
  TRL_MAX,
  TRL_MIN,
  type CooperationMode,
  type LegalStatus,
} from '../domain/vocabulary';

export class CreateAchievementDto {
  /** Your own reference for the achievement (unique in your organisation); imports match on it. */
  @IsOptional()
  @Text(1, 100)
  externalRef?: string;

  /** Title of the result. */
  @Text(2, 200)
  title: string;

  /** What the result is. */
  @IsOptional()
  @Text(0, 20000)
  summary?: string;

  /** Where it can be applied. */
  @IsOptional()
  @Text(0, 20000)
  applicationScenarios?: string;

  /** Advantages over existing solutions. */
  @IsOptional()
  @Text(0, 20000)
  advantages?: string;

  /** Keywords, at most 20. */
  @IsOptional()
  @StringList(20, 50)
  keywords?: string[];

  /** Technology field codes from GET /api/taxonomies/field. */
  @IsOptional()
  @StringList(10, 40)
  fieldCodes?: string[];

  /** IP type code from GET /api/taxonomies/ip_type. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  ipType?: string;

  /** Patent (or registration) numbers, e.g. ZL202310000000.1. */
  @IsOptional()
  @StringList(50, 40)
  patentNumbers?: string[];

  /** Legal status of the rights. */
  @IsOptional()
  @IsIn(LEGAL_STATUSES)
  legalStatus?: LegalStatus;

  /** Technology readiness level, 1–9. */
  @IsOptional()
  @IsInt()
  @Min(TRL_MIN)
  @Max(TRL_MAX)
  trl?: number;

  /** Maturity stage code (lab / bench / pilot / industrial). */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  maturityStage?: string;

  /** Transfer modes offered; `use_first_pay_later` marks it eligible for 先使用后付费. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COOPERATION_MODES.length)
  @IsIn(COOPERATION_MODES, { each: true })
  transferModes?: CooperationMode[];

  /** Lowest asking price in yuan, as a decimal string. */
  @IsOptional()
  @Amount()
  @NotAbove('priceMax')
  priceMin?: string;

  /** Highest asking price in yuan, as a decimal string. */
  @IsOptional()
  @Amount()
  priceMax?: string;

  /** Institution, school or lab as shown on the listing. */
  @IsOptional()
  @Text(0, 200)
  institutionName?: string;

  /** In the separate ledger for service inventions (单列管理). */
  @IsOptional()
  @IsBoolean()
  separateLedger?: boolean;

  /** Your organisation's researchers behind the result, in order. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  researcherIds?: string[];

  /** Notes seen only by your organisation. */
  @IsOptional()
  @Text(0, 20000)
  internalNotes?: string;
}

/** Any subset of an achievement's fields; only drafts are edited. */
export class UpdateAchievementDto extends PartialType(CreateAchievementDto) {}
