import { Module } from '@nestjs/common';
import { CatalogIndexingModule } from '@kuaizhuan/catalog';
import { NotifierModule } from '@kuaizhuan/delivery';
import { MatchingCoreModule } from './matching-core.module';
import { AchievementMatcher } from './pipeline/achievement-matcher';
import { MatchJobs } from './pipeline/match-jobs';
import { MatchProcessor, MatchReconcileScheduler } from './pipeline/match.processor';
import { RecommendationWriter } from './pipeline/recommendation-writer';
import { ResearcherMatcher } from './pipeline/researcher-matcher';
import { RecommendationDelivery } from './push/recommendation-delivery';
import { ReviewerAssigner } from './review/reviewer-assigner';

/**
 * The worker side of matching: the `match` queue's processor and what it writes with, and
 * pushing approved recommendations (the `recommendation.deliver` job, on the `deliver` queue).
 */
@Module({
  imports: [MatchingCoreModule, CatalogIndexingModule, NotifierModule],
  providers: [
    AchievementMatcher,
    RecommendationWriter,
    ReviewerAssigner,
    MatchJobs,
    MatchProcessor,
    MatchReconcileScheduler,
    RecommendationDelivery,
    ResearcherMatcher,
  ],
})
export class MatchingWorkerModule {}
