import { PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PlausibleDate } from '@kuaizhuan/platform';
import { Amount, NotAbove, StringList, Text } from '../common/fields';
import {
  CONFIDENTIALITIES,
  COOPERATION_MODES,
  TRL_MAX,
  TRL_MIN,
  type Confidentiality,
  type CooperationMode,
} from '../domain/vocabulary';

export class CreateNeedDto {
  /** Short title of the need, e.g. "新能源汽车电池包轻量化技术". */
  @Text(2, 200)
  title: string;

  /** Public summary, shown to everyone once published even when the details are confidential. */
  @IsOptional()
  @Text(0, 2000)
  summary?: string;

  /** Full description of the need. */
  @IsOptional()
  @Text(0, 20000)
  description?: string;

  /** The technical problem to solve. */
  @IsOptional()
  @Text(0, 20000)
  problem?: string;

  /** Technical indicators (指标) a solution must reach. */
  @IsOptional()
  @Text(0, 20000)
  indicators?: string;

  /** What the company already has: equipment, staff, prior work. */
  @IsOptional()
  @Text(0, 20000)
  existingConditions?: string;

  /** Keywords, at most 20. */
  @IsOptional()
  @StringList(20, 50)
  keywords?: string[];

  /** Technology field codes from GET /api/taxonomies/field. */
  @IsOptional()
  @StringList(10, 40)
  fieldCodes?: string[];

  /** Desired maturity stage code from GET /api/taxonomies/maturity_stage. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  desiredStage?: string;

  /** Lowest technology readiness level the company can use (1–9). */
  @IsOptional()
  @IsInt()
  @Min(TRL_MIN)
  @Max(TRL_MAX)
  minTrl?: number;

  /** Lowest budget in yuan, as a decimal string. */
  @IsOptional()
  @Amount()
  @NotAbove('budgetMax')
  budgetMin?: string;

  /** Highest budget in yuan, as a decimal string. */
  @IsOptional()
  @Amount()
  budgetMax?: string;

  /** Cooperation modes the company accepts. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COOPERATION_MODES.length)
  @IsIn(COOPERATION_MODES, { each: true })
  cooperationModes?: CooperationMode[];

  /** Region code (GB/T 2260) from GET /api/taxonomies/region. */
  @IsOptional()
  @IsString()
  @Length(2, 40)
  regionCode?: string;

  /** Date after which the need expires (YYYY-MM-DD). */
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  @PlausibleDate()
  deadline?: string;

  /** `public`: everyone sees the details; `summary_only`: others see title and summary only. */
  @IsOptional()
  @IsIn(CONFIDENTIALITIES)
  confidentiality?: Confidentiality;
}

/** Any subset of a need's fields; only drafts are edited. */
export class UpdateNeedDto extends PartialType(CreateNeedDto) {}
