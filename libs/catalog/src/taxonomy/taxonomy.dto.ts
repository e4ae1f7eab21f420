import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../domain/vocabulary';

export class TaxonomyKindParams {
  /** field, region, ip_type or maturity_stage. */
  @IsIn(TAXONOMY_KINDS)
  kind: TaxonomyKind;
}

export class TaxonomyTermParams extends TaxonomyKindParams {
  /** The term's code: letters, digits, `-` and `_`. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'code must be 1–40 letters, digits, - or _' })
  code: string;
}

export class TaxonomyListQuery {
  /** Include retired terms (admins editing the taxonomy). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export class PutTermDto {
  /** Chinese name. */
  @IsString()
  @Length(1, 100)
  nameZh: string;

  /** English name. */
  @IsString()
  @Length(1, 160)
  nameEn: string;

  /** Code of the term this one sits under (same kind), or null for a top-level term. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'parentCode must be 1–40 letters, digits, - or _' })
  parentCode?: string | null;

  /** Position among its siblings. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder?: number;

  /** false retires the term. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
