import { Module } from '@nestjs/common';
import { NotifierModule } from '@kuaizhuan/delivery';
import { AuditLog } from '@kuaizhuan/identity';
import { MaturityGapsModule } from '@kuaizhuan/services';
import { AnswersController } from './answers/answers.controller';
import { AnswersService } from './answers/answers.service';
import { ConnectionsController } from './connections/connections.controller';
import { ConnectionsService } from './connections/connections.service';
import { AchievementInterestController, NeedInterestController } from './interest/interest.controller';
import { InterestService } from './interest/interest.service';
import { MatchingCoreModule } from './matching-core.module';
import {
  AchievementRecommendationsController,
  NeedRecommendationsController,
} from './recommendations/recommendations.controller';
import { RecommendationsService } from './recommendations/recommendations.service';
import { ReviewsController } from './review/reviews.controller';
import { ReviewerAssigner } from './review/reviewer-assigner';
import { ReviewsService } from './review/reviews.service';
import { MatchOverview, MatchOverviewController } from './recommendations/match-overview';

/**
 * The api side of matching: the managers' review queue, each side's recommendations and
 * answers, and connections with their contacts.
 */
@Module({
  imports: [MatchingCoreModule, NotifierModule, MaturityGapsModule],
  controllers: [
    ReviewsController,
    NeedRecommendationsController,
    AchievementRecommendationsController,
    AnswersController,
    ConnectionsController,
    AchievementInterestController,
    NeedInterestController,
    MatchOverviewController,
  ],
  providers: [
    AuditLog,
    ReviewsService,
    RecommendationsService,
    AnswersService,
    ConnectionsService,
    ReviewerAssigner,
    InterestService,
    MatchOverview,
  ],
})
export class MatchingModule {}
