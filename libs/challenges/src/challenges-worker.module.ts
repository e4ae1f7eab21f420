import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotifierModule } from '@kuaizhuan/delivery';
import { MatchingCoreModule } from '@kuaizhuan/matching';
import { CHALLENGE_ENTITIES } from './challenges.module';
import { ChallengeJobs } from './jobs/challenge-jobs';
import { ChallengesProcessor } from './jobs/challenges.processor';

/** The worker side of open challenges: pushing a published one through the matcher, and reminders. */
@Module({
  imports: [TypeOrmModule.forFeature(CHALLENGE_ENTITIES), MatchingCoreModule, NotifierModule],
  providers: [ChallengeJobs, ChallengesProcessor],
})
export class ChallengesWorkerModule {}
