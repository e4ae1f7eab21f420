import { Module } from '@nestjs/common';
import { CatalogIndexingModule } from '@kuaizhuan/catalog';
import { NotifierModule } from '@kuaizhuan/delivery';
import { DeliverJobs, DeliverWorkerModule } from '@kuaizhuan/identity';
import { RecommendationDelivery } from './delivery/recommendation-delivery';
import { MatchingCoreModule } from './matching-core.module';
import { AchievementMatcher } from './pipeline/achievement-matcher';
import { MatchJobs } from './pipeline/match-jobs';
import { MatchProcessor, MatchReconcileScheduler } from './pipeline/match.processor';
import { RecommendationWriter } from './pipeline/recommendation-writer';
import { ResearcherMatcher } from './recommendations/researcher-matcher';
import { ReviewerAssigner } from './review/reviewer-assigner';

/**
 * The worker side of matching: the `match` queue's processor and what it writes with, and the
 * `recommendation.deliver` job on the shared `deliver` queue (through identity's handler registry).
 */
@Module({
  imports: [MatchingCoreModule, CatalogIndexingModule, NotifierModule, DeliverWorkerModule],
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
export class MatchingWorkerModule {
  // Registered while the application is built, before any BullMQ worker starts taking jobs.
  constructor(jobs: DeliverJobs, delivery: RecommendationDelivery) {
    jobs.handle('recommendation.deliver', (job) => delivery.deliver(job.data.recommendationId));
  }
}
