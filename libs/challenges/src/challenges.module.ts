import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DealOpeningsModule } from '@kuaizhuan/deals';
import { NotifierModule } from '@kuaizhuan/delivery';
import { AuditLog } from '@kuaizhuan/identity';
import { ChallengesService } from './board/challenges.service';
import { ChallengeAccess } from './domain/challenge-access';
import { Challenge, ChallengeManager, ChallengeReminder } from './entities/challenge.entity';
import { Proposal, ProposalAttachment, ProposalScore, ProposalVersion } from './entities/proposal.entity';
import { ChallengesController, ProposalsController } from './http/challenges.controller';
import { JudgingService } from './judging/judging.service';
import { ProposalsService } from './proposals/proposals.service';

export const CHALLENGE_ENTITIES = [
  Challenge,
  ChallengeManager,
  ChallengeReminder,
  Proposal,
  ProposalVersion,
  ProposalAttachment,
  ProposalScore,
];

/** The api side of open challenges: publishing, the board, proposals and judging. */
@Module({
  imports: [TypeOrmModule.forFeature(CHALLENGE_ENTITIES), NotifierModule, DealOpeningsModule],
  controllers: [ChallengesController, ProposalsController],
  providers: [AuditLog, ChallengeAccess, ChallengesService, ProposalsService, JudgingService],
})
export class ChallengesModule {}
