import { Module } from '@nestjs/common';
import { AuditLog } from '@kuaizhuan/identity';
import { MatchingCoreModule } from './matching-core.module';
import { ReviewsController } from './review/reviews.controller';
import { ReviewsService } from './review/reviews.service';

/** The api side of matching: the managers' review queue. */
@Module({
  imports: [MatchingCoreModule],
  controllers: [ReviewsController],
  providers: [AuditLog, ReviewsService],
})
export class MatchingModule {}
