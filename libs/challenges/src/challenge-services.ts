import { dealOpenings } from '@kuaizhuan/deals';
import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog } from '@kuaizhuan/identity';
import { Outbox } from '@kuaizhuan/platform';
import type { DataSource } from 'typeorm';
import { ChallengesService } from './board/challenges.service';
import { ChallengeAccess } from './domain/challenge-access';
import { JudgingService } from './judging/judging.service';
import { ProposalsService } from './proposals/proposals.service';

export interface ChallengeServices {
  challenges: ChallengesService;
  proposals: ProposalsService;
  judging: JudgingService;
}

/**
 * The services behind the challenge endpoints over a DataSource, without a Nest context, for
 * scripts such as the demo seed: the very classes ChallengesModule provides, wired the same way,
 * so a script publishes, proposes and judges exactly as the api does (checks, audit, pushes).
 */
export function challengeServices(dataSource: DataSource): ChallengeServices {
  const access = new ChallengeAccess();
  const audit = new AuditLog(dataSource);
  const notifier = new Notifier(new Outbox());
  const challenges = new ChallengesService(dataSource, access, audit, new Outbox());
  const proposals = new ProposalsService(dataSource, access, challenges, audit, notifier);
  const judging = new JudgingService(
    dataSource,
    access,
    challenges,
    proposals,
    dealOpenings(dataSource),
    audit,
    notifier,
  );
  return { challenges, proposals, judging };
}
