import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@kuaizhuan/platform';
import { LISTING_STATUSES, type ListingStatus } from '../domain/vocabulary';

export { PageQueryDto };

export class OwnListQueryDto extends PageQueryDto {
  /** Only listings in this status. */
  @IsOptional()
  @IsIn(LISTING_STATUSES)
  status?: ListingStatus;

  /** Only listings whose title contains this text. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
