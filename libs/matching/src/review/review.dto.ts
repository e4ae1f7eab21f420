import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { PageQueryDto } from '@kuaizhuan/platform';
import { QueryBoolean } from '../http/common';
import {
  RECOMMENDATION_STATUSES,
  REJECT_REASONS,
  type RecommendationStatus,
  type RejectReason,
} from '../domain/recommendation-status';

export const REVIEW_SCOPES = ['mine', 'unassigned', 'all'] as const;
export type ReviewScope = (typeof REVIEW_SCOPES)[number];

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Filters of the review queue; sorted by due date (soonest first), then by score. */
export class ReviewQueryDto extends PageQueryDto {
  /** `mine` (a manager's default): assigned to me; `unassigned`; `all` (an admin's default). */
  @IsOptional()
  @IsIn(REVIEW_SCOPES)
  scope?: ReviewScope;

  /** Only recommendations whose need or achievement is in this technology field (code). */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,39}$/, { message: 'field must be a technology field code' })
  field?: string;

  /** Only recommendations whose need or achievement title contains this text (case-insensitive). */
  @IsOptional()
  @trim
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;

  /** Only recommendations scoring at least this much, 0–1. */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;

  /** `true`: only reviews past their due date; `false`: only those not overdue. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  /** Recommendation status (default `pending_review`). */
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUSES)
  status?: RecommendationStatus;
}

export class ApproveDto {
  /** A note for the record (shown in the review history, not to the two sides). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectDto {
  /** Why the match is not pushed; `not_relevant` also teaches the matcher. */
  @IsIn(REJECT_REASONS)
  reason: RejectReason;

  /** A note for the record; required when the reason is `other` (it is the reason then). */
  @trim
  @ValidateBy({
    name: 'noteForOther',
    validator: {
      validate: (value: unknown, args) => {
        if (value === undefined) return (args?.object as RejectDto).reason !== 'other';
        return typeof value === 'string' && value.length <= 2000 && value.trim() !== '';
      },
      defaultMessage: (args) =>
        args?.value === undefined
          ? 'note must say why when the reason is other'
          : 'note must be a text of 1 to 2000 characters',
    },
  })
  note?: string;
}

export class AnnotateDto {
  /** The annotation, seen by every manager reviewing the match. */
  @trim
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;
}

export class ReassignDto {
  /** The user id of an active technology manager. */
  @IsUUID('all')
  managerId: string;
}

export class BulkApproveDto {
  /** Up to 100 recommendation ids; each is approved or refused on its own (see the per-id results). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];

  /** A note recorded on each approval. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
