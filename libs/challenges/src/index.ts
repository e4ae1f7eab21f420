// The public door of @kuaizhuan/challenges: other libs and apps import only from here.
export { ChallengesModule, CHALLENGE_ENTITIES } from './challenges.module';
export { ChallengesWorkerModule } from './challenges-worker.module';
export { ChallengesService } from './board/challenges.service';
export { ProposalsService } from './proposals/proposals.service';
export { JudgingService } from './judging/judging.service';
export { ChallengeAccess } from './domain/challenge-access';
export * from './domain/challenge-rules';
export type { ChallengeView } from './board/challenge-views';
export type { ProposalView } from './proposals/proposal-views';
export { challengeServices, type ChallengeServices } from './challenge-services';
