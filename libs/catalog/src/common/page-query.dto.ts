import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LISTING_STATUSES, type ListingStatus } from '../domain/vocabulary';

export class PageQueryDto {
  /** Page number, from 1. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  /** Items per page, 1–100 (default 20). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class OwnListQueryDto extends PageQueryDto {
  /** Only listings in this status. */
  @IsOptional()
  @IsIn(LISTING_STATUSES)
  status?: ListingStatus;
}
