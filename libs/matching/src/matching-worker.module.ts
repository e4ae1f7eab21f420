import { Module } from '@nestjs/common';
import { MatchingCoreModule } from './matching-core.module';
import { AchievementMatcher } from './pipeline/achievement-matcher';
import { MatchJobs } from './pipeline/match-jobs';
import { MatchProcessor } from './pipeline/match.processor';
import { RecommendationWriter } from './pipeline/recommendation-writer';
import { ReviewerAssigner } from './review/reviewer-assigner';

/** The worker side of matching: the `match` queue's processor and what it writes with. */
@Module({
  imports: [MatchingCoreModule],
  providers: [AchievementMatcher, RecommendationWriter, ReviewerAssigner, MatchJobs, MatchProcessor],
})
export class MatchingWorkerModule {}
