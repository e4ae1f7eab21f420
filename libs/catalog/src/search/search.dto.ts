import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Amount, NotAbove } from '../common/fields';
import { COOPERATION_MODES, type CooperationMode } from '../domain/vocabulary';

/** `a,b` or repeated `?x=a&x=b` → ['a', 'b']. */
const list = Transform(({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean),
);

export class SearchQueryDto {
  /** What to search: achievements (default), needs or researchers. */
  @IsOptional()
  @IsIn(['achievement', 'need', 'researcher'])
  type?: 'achievement' | 'need' | 'researcher';

  /** Free text (Chinese or English); empty lists the newest. */
  @IsOptional()
  @IsString()
  @Length(0, 200)
  q?: string;

  /** `public` (default): published listings of everyone. `mine`: every listing of the caller's organisation. */
  @IsOptional()
  @IsIn(['public', 'mine'])
  scope?: 'public' | 'mine';

  /** Technology field codes (any of). */
  @IsOptional()
  @list
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  field?: string[];

  /** Region codes (any of). */
  @IsOptional()
  @list
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  region?: string[];

  /** Maturity stage codes (any of). */
  @IsOptional()
  @list
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  maturity?: string[];

  /** IP type codes (any of). */
  @IsOptional()
  @list
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  ipType?: string[];

  /** Transfer or cooperation modes (any of). */
  @IsOptional()
  @list
  @IsArray()
  @ArrayMaxSize(COOPERATION_MODES.length)
  @IsIn(COOPERATION_MODES, { each: true })
  mode?: CooperationMode[];

  /** Institution names (any of), as in the `institution` facet. */
  @IsOptional()
  @list
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  institution?: string[];

  /** Lowest price (achievements) or budget (needs) in yuan; keeps listings whose range reaches it. */
  @IsOptional()
  @Amount()
  @NotAbove('amountMax')
  amountMin?: string;

  /** Highest price or budget in yuan. */
  @IsOptional()
  @Amount()
  amountMax?: string;

  /** Page number, from 1. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  page?: number;

  /** Hits per page, 1–50 (default 20). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize?: number;
}
