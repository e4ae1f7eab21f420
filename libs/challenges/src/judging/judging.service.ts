import { Injectable } from '@nestjs/common';
import { DealOpenings } from '@kuaizhuan/deals';
import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { ConflictError, RequestValidationError } from '@kuaizhuan/platform';
import { badField } from '../domain/bad-field';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ChallengeAccess } from '../domain/challenge-access';
import { inJudging, proposalStep, type ProposalAction } from '../domain/challenge-rules';
import { declinedNotice, wonNotice } from '../domain/notices';
import { Challenge } from '../entities/challenge.entity';
import { Proposal, ProposalScore, ProposalVersion } from '../entities/proposal.entity';
import type { AwardDto, DeclineDto, NoAwardDto, ScoresDto } from '../http/challenge.dto';
import type { ChallengeView } from '../board/challenge-views';
import { ChallengesService } from '../board/challenges.service';
import { ProposalsService } from '../proposals/proposals.service';
import type { ProposalView } from '../proposals/proposal-views';

const LIVE = ['submitted', 'shortlisted'] as const;

/**
 * Judging after the deadline: the company and its assigned managers score and shortlist; the
 * company declines (a reason from the fixed list and a note, sent to the team), picks a winner,
 * whose proposal opens a deal room, or closes with none. Every step is audited.
 */
@Injectable()
export class JudgingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
    private readonly challenges: ChallengesService,
    private readonly proposals: ProposalsService,
    private readonly deals: DealOpenings,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  score(caller: Caller, id: string, input: ScoresDto, now = new Date()): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const { proposal, challenge, capacity } = await this.access.proposalAs(manager, caller, id, [
        'company',
        'manager',
      ]);
      if (!inJudging(challenge.status, challenge.deadline, now) || !LIVE.some((s) => s === proposal.status)) {
        throw new ConflictError(
          'Proposals in the running are scored after the deadline, before the decision',
          'status',
        );
      }
      const names = new Set(challenge.criteria.map((c) => c.name));
      const problems = input.scores
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => !names.has(s.criterion))
        .map(({ s, i }) => ({
          field: `scores[${i}].criterion`,
          message: `"${s.criterion}" is not a criterion of this challenge`,
        }));
      if (problems.length > 0) throw new RequestValidationError(problems);
      for (const { criterion, score } of input.scores) {
        await manager.upsert(ProposalScore, { proposalId: id, criterion, score, scoredBy: caller.userId }, [
          'proposalId',
          'criterion',
          'scoredBy',
        ]);
      }
      await this.audit.record(manager, {
        action: 'proposal.scored',
        actor: caller,
        subject: { type: 'proposal', id },
        details: { challengeId: challenge.id, as: capacity, scores: input.scores },
      });
      return this.proposals.view(manager, id, capacity, challenge);
    });
  }

  shortlist(caller: Caller, id: string, now = new Date()): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const { proposal, challenge, capacity } = await this.access.proposalAs(manager, caller, id, [
        'company',
        'manager',
      ]);
      await this.step(manager, caller, proposal, challenge, 'shortlist', now);
      return this.proposals.view(manager, id, capacity, challenge);
    });
  }

  decline(caller: Caller, id: string, input: DeclineDto, now = new Date()): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const { proposal, challenge, capacity } = await this.access.proposalAs(manager, caller, id, ['company']);
      if (input.reason === 'no_award') {
        throw badField('reason', 'no_award is the reason of a challenge closed without a winner');
      }
      await this.step(manager, caller, proposal, challenge, 'decline', now, input);
      return this.proposals.view(manager, id, capacity, challenge);
    });
  }

  /** Picks the winner once every other proposal in the running was declined with a reason. */
  award(caller: Caller, challengeId: string, input: AwardDto, now = new Date()): Promise<ChallengeView> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge } = await this.access.asJudge(manager, caller, challengeId, ['company'], true);
      const proposal = await manager.findOne(Proposal, {
        where: { id: input.proposalId, challengeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal || proposal.status === 'withdrawn') {
        throw badField('proposalId', 'proposalId must be a proposal to this challenge');
      }
      const others = await manager.countBy(Proposal, { challengeId, status: In([...LIVE]) });
      const undecided = others - (LIVE.some((s) => s === proposal.status) ? 1 : 0);
      if (undecided > 0 && inJudging(challenge.status, challenge.deadline, now)) {
        throw new ConflictError(
          `Decline the ${undecided} other proposal(s) in the running with a reason before picking a winner`,
          'proposalId',
        );
      }
      await this.step(manager, caller, proposal, challenge, 'win', now);
      const version = await manager.findOneByOrFail(ProposalVersion, {
        proposalId: proposal.id,
        version: proposal.currentVersion,
      });
      const { dealId } = await this.deals.openWithTerms(manager, caller, {
        type: version.form,
        title: challenge.title,
        companyOrgId: challenge.companyOrgId,
        institutionOrgId: proposal.orgId,
        achievementId: proposal.achievementId,
        needId: challenge.needId,
        offeredBy: version.createdBy,
        terms: {
          summary: `揭榜方案（第 ${version.version} 版）：${version.approach}`.slice(0, 5000),
          price: version.price,
          milestones: version.milestones,
          maturity: version.maturity,
          challengeId: challenge.id,
          proposalId: proposal.id,
        },
        origin: { challengeId: challenge.id, proposalId: proposal.id },
      });
      await manager.update(Challenge, challengeId, { status: 'awarded', winnerProposalId: proposal.id, dealId });
      await this.audit.record(manager, {
        action: 'challenge.awarded',
        actor: caller,
        subject: { type: 'challenge', id: challengeId },
        details: { from: 'open', to: 'awarded', proposalId: proposal.id, dealId },
      });
      await this.notifier.notify(manager, wonNotice(challenge, proposal, dealId));
      return this.challenges.view(manager, challengeId, now);
    });
  }

  /** Closes with no winner: every team still in the running is told, with the reason `no_award`. */
  noAward(caller: Caller, challengeId: string, input: NoAwardDto, now = new Date()): Promise<ChallengeView> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge } = await this.access.asJudge(manager, caller, challengeId, ['company'], true);
      if (!inJudging(challenge.status, challenge.deadline, now)) {
        throw new ConflictError(
          challenge.status === 'open'
            ? 'A challenge is decided once its deadline has passed'
            : `The challenge is ${challenge.status}`,
          'status',
        );
      }
      const live = await manager.find(Proposal, {
        where: { challengeId, status: In([...LIVE]) },
        lock: { mode: 'pessimistic_write' },
      });
      for (const proposal of live) {
        await this.step(manager, caller, proposal, challenge, 'decline', now, { reason: 'no_award', note: input.note });
      }
      await manager.update(Challenge, challengeId, { status: 'unawarded' });
      await this.audit.record(manager, {
        action: 'challenge.unawarded',
        actor: caller,
        subject: { type: 'challenge', id: challengeId },
        details: { from: 'open', to: 'unawarded', declined: live.length },
      });
      return this.challenges.view(manager, challengeId, now);
    });
  }

  /** One audited step of a proposal; a decline also tells the team why. */
  private async step(
    manager: EntityManager,
    caller: Caller,
    proposal: Proposal,
    challenge: Challenge,
    action: ProposalAction,
    now: Date,
    decline?: DeclineDto,
  ): Promise<void> {
    const step = proposalStep(challenge, proposal.status, action, now);
    if (!step.ok) throw new ConflictError(step.message, step.reason === 'wrong_status' ? 'status' : 'deadline');
    await manager.update(Proposal, proposal.id, {
      status: step.to,
      ...(decline ? { declineReason: decline.reason, declineNote: decline.note.trim() } : {}),
    });
    await this.audit.record(manager, {
      action: `proposal.${step.to}`,
      actor: caller,
      subject: { type: 'proposal', id: proposal.id },
      details: { challengeId: challenge.id, from: proposal.status, to: step.to, ...(decline ?? {}) },
    });
    const from = proposal.status;
    proposal.status = step.to;
    if (decline && from !== step.to) {
      await this.notifier.notify(manager, declinedNotice(challenge, proposal, decline.reason, decline.note.trim()));
    }
  }
}
