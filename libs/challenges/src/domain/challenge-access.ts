import { Injectable } from '@nestjs/common';
import type { Caller } from '@kuaizhuan/identity';
import { ForbiddenError, NotFoundError } from '@kuaizhuan/platform';
import type { EntityManager } from 'typeorm';
import { Challenge, ChallengeManager } from '../entities/challenge.entity';
import { Proposal } from '../entities/proposal.entity';

/**
 * In which capacity a caller sees a challenge's proposals: the company that judges, a manager it
 * assigned, or the TTO that wrote the proposal (its own proposals only).
 */
export type Capacity = 'company' | 'manager' | 'author';

export interface ProposalInHand {
  proposal: Proposal;
  challenge: Challenge;
  capacity: Capacity;
}

/**
 * Finds challenges and proposals for a caller. A proposal exists only for its authors, the company
 * and the managers assigned to the challenge: to anyone else it is a 404, so another team cannot
 * even learn that it exists.
 */
@Injectable()
export class ChallengeAccess {
  async challenge(manager: EntityManager, id: string, lock = false): Promise<Challenge> {
    const challenge = await manager.findOne(Challenge, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!challenge) throw new NotFoundError(`No challenge ${id}`);
    return challenge;
  }

  /** The caller's capacity as a judge of the challenge (company or assigned manager), or null. */
  async judgeCapacity(manager: EntityManager, caller: Caller, challenge: Challenge): Promise<Capacity | null> {
    if (caller.role === 'enterprise' && caller.orgId === challenge.companyOrgId) return 'company';
    if (caller.role === 'manager') {
      const assigned = await manager.existsBy(ChallengeManager, { challengeId: challenge.id, userId: caller.userId });
      if (assigned) return 'manager';
    }
    return null;
  }

  /** The challenge for one of its judges; 403 to anyone else (the challenge itself is public). */
  async asJudge(
    manager: EntityManager,
    caller: Caller,
    id: string,
    allowed: readonly Capacity[],
    lock = false,
  ): Promise<{ challenge: Challenge; capacity: Capacity }> {
    const challenge = await this.challenge(manager, id, lock);
    const capacity = await this.judgeCapacity(manager, caller, challenge);
    if (!capacity || !allowed.includes(capacity)) {
      throw new ForbiddenError(`Only the ${allowed.join(' or ')} of this challenge may do this`);
    }
    return { challenge, capacity };
  }

  /** A proposal the caller may see, with its challenge; 404 to everyone else. */
  async proposal(manager: EntityManager, caller: Caller, id: string, lock = false): Promise<ProposalInHand> {
    const proposal = await manager.findOne(Proposal, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!proposal) throw new NotFoundError(`No proposal ${id}`);
    const challenge = await this.challenge(manager, proposal.challengeId, lock);
    if (caller.role === 'tto' && caller.orgId === proposal.orgId) return { proposal, challenge, capacity: 'author' };
    const capacity = await this.judgeCapacity(manager, caller, challenge);
    // Judges never see a withdrawn proposal: it was taken back before the deadline.
    if (!capacity || proposal.status === 'withdrawn') throw new NotFoundError(`No proposal ${id}`);
    return { proposal, challenge, capacity };
  }

  /** As proposal, and refuses (403) a capacity not among `allowed`. */
  async proposalAs(
    manager: EntityManager,
    caller: Caller,
    id: string,
    allowed: readonly Capacity[],
  ): Promise<ProposalInHand> {
    const found = await this.proposal(manager, caller, id, true);
    if (!allowed.includes(found.capacity)) {
      throw new ForbiddenError(`Only the ${allowed.join(' or ')} may do this`);
    }
    return found;
  }
}
