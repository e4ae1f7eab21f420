import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@kuaizhuan/platform';
import { LISTING_STATUSES, type ListingStatus } from '../domain/vocabulary';

export { PageQueryDto };

export class OwnListQueryDto extends PageQueryDto {
  /** Only listings in this status. */
  @IsOptional()
  @IsIn(LISTING_STATUSES)
  status?: ListingStatus;
}
