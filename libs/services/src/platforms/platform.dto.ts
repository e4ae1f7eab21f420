import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '@kuaizhuan/platform';
import { AMOUNT_PATTERN, MAX_TRL, MIN_TRL, PLATFORM_KINDS, type PlatformKind } from '../domain/vocabulary';

const REGION = /^\d{2,6}$/;
const REGION_MESSAGE = '$property must be an administrative division code of 2 to 6 digits, such as 500112';
const AMOUNT_MESSAGE = '$property must be a non-negative amount with at most two decimals, as a string';

export class ApplyPlatformDto {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  /** proof_of_concept (概念验证中心), pilot (中试验证平台), incubator (孵化器): at least one. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(PLATFORM_KINDS, { each: true })
  kinds: PlatformKind[];

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @IsOptional()
  @Matches(REGION, { message: REGION_MESSAGE })
  regionCode?: string;
}

export class RejectPlatformDto {
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}

export class ServiceDto {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  /** Technology fields (taxonomy `field` codes); none means every field. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  fieldCodes?: string[];

  /** The maturity (TRL 1–9) at which the service takes a result … */
  @IsInt()
  @Min(MIN_TRL)
  @Max(MAX_TRL)
  trlFrom: number;

  /** … and the maturity it brings it to (at least trlFrom). */
  @IsInt()
  @Min(MIN_TRL)
  @Max(MAX_TRL)
  trlTo: number;

  /** Equipment, lines and labs the service uses. */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  facilities?: string;

  /** Yuan, as a decimal string. */
  @IsOptional()
  @Matches(AMOUNT_PATTERN, { message: AMOUNT_MESSAGE })
  priceMin?: string;

  @IsOptional()
  @Matches(AMOUNT_PATTERN, { message: AMOUNT_MESSAGE })
  priceMax?: string;

  /** Days from acceptance to completion, typically. */
  @IsInt()
  @Min(1)
  @Max(3650)
  leadTimeDays: number;

  /** Where the service is done; the platform's region when left out. */
  @IsOptional()
  @Matches(REGION, { message: REGION_MESSAGE })
  regionCode?: string;

  /** A withdrawn service is no longer listed nor proposed. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class PlatformListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PLATFORM_KINDS)
  kind?: PlatformKind;

  /** Platforms with a service in this technology field (or in every field). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  fieldCode?: string;

  /** Platforms with a service that takes results at this maturity. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_TRL)
  @Max(MAX_TRL)
  trl?: number;
}
