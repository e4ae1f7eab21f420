import { Injectable, Logger } from '@nestjs/common';
import { Need } from '@kuaizhuan/catalog';
import { Notifier } from '@kuaizhuan/delivery';
import { NeedMatcher } from '@kuaizhuan/matching';
import { OnJob, QueueProducers } from '@kuaizhuan/platform';
import { DataSource, IsNull } from 'typeorm';
import { acceptsProposals } from '../domain/challenge-rules';
import { announcedNotice, reminderNotice } from '../domain/notices';
import { Challenge, ChallengeReminder } from '../entities/challenge.entity';
import { Proposal } from '../entities/proposal.entity';

/** The BullMQ job id of a reminder at its moment: a reminder moved to another moment is a new job. */
export function challengeReminderJobId(reminder: Pick<ChallengeReminder, 'id' | 'runAt'>): string {
  return `challenge-reminder-${reminder.id}-${reminder.runAt.getTime()}`;
}

/**
 * What a matcher reads of a challenge: its need when it was published from one, else a need
 * written from the challenge's own words (never stored).
 */
function needOf(challenge: Challenge, stored: Need | null): Need {
  if (stored) return stored;
  return Object.assign(new Need(), {
    id: challenge.id,
    orgId: challenge.companyOrgId,
    title: challenge.title,
    summary: challenge.description,
    description: '',
    problem: '',
    indicators: '',
    keywords: challenge.keywords,
    fieldCodes: challenge.fieldCodes,
    cooperationModes: challenge.forms,
    desiredStage: null,
    minTrl: null,
    budgetMin: challenge.rewardMin,
    budgetMax: challenge.rewardMax,
    regionCode: null,
  });
}

/**
 * The challenges queue's jobs. Each re-reads its rows, returns early when there is nothing left to
 * do, and records what it did; errors are not caught: BullMQ retries by policy.
 */
@Injectable()
export class ChallengeJobs {
  private readonly logger = new Logger(ChallengeJobs.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly matcher: NeedMatcher,
    private readonly notifier: Notifier,
    private readonly producers: QueueProducers,
  ) {}

  /**
   * Matches the challenge with the platform's matcher and pushes it to the TTOs whose achievements
   * fit. Safe to run twice: the notice reaches only organisations not reached yet.
   */
  @OnJob('challenge.announce', ({ challengeId }) => [challengeId])
  async announce(challengeId: string): Promise<number> {
    const challenge = await this.dataSource.manager.findOneBy(Challenge, { id: challengeId });
    if (!challenge || !acceptsProposals(challenge.status, challenge.deadline, new Date())) return 0;
    const need = challenge.needId ? await this.dataSource.manager.findOneBy(Need, { id: challenge.needId }) : null;
    const matches = await this.matcher.match(needOf(challenge, need));
    const organisationIds = [...new Set(matches.results.map((r) => r.achievementOrgId))];
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Challenge, challengeId, { announcedOrgIds: organisationIds, announcedAt: new Date() });
      if (organisationIds.length > 0) await this.notifier.notify(manager, announcedNotice(challenge, organisationIds));
    });
    this.logger.log({ msg: 'challenge announced', challengeId, organisations: organisationIds.length });
    return organisationIds.length;
  }

  /** Adds a delayed job for each reminder of the challenge not yet done. */
  @OnJob('challenge.reminders.plan', ({ challengeId }) => [challengeId])
  async plan(challengeId: string): Promise<number> {
    const pending = await this.dataSource.manager.find(ChallengeReminder, { where: { challengeId, doneAt: IsNull() } });
    const now = Date.now();
    await this.producers.add(
      pending.map((r) => ({
        name: 'challenge.reminder' as const,
        data: { reminderId: r.id },
        jobId: challengeReminderJobId(r),
        delayMs: Math.max(0, r.runAt.getTime() - now),
      })),
    );
    return pending.length;
  }

  /** Reminds the TTOs the challenge was pushed to and those that proposed, while proposals are taken. */
  @OnJob('challenge.reminder', ({ reminderId }) => [reminderId])
  run(reminderId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const reminder = await manager.findOne(ChallengeReminder, {
        where: { id: reminderId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reminder) return 'gone';
      if (reminder.doneAt) return reminder.outcome ?? 'done';
      const challenge = await manager.findOneByOrFail(Challenge, { id: reminder.challengeId });
      let outcome = 'sent';
      if (!acceptsProposals(challenge.status, challenge.deadline, new Date())) {
        outcome = 'closed';
      } else {
        const proposers = await manager.find(Proposal, {
          where: { challengeId: challenge.id },
          select: { orgId: true },
        });
        const organisationIds = [...new Set([...challenge.announcedOrgIds, ...proposers.map((p) => p.orgId)])];
        if (organisationIds.length === 0) outcome = 'nobody';
        else await this.notifier.notify(manager, reminderNotice(challenge, reminder.id, organisationIds));
      }
      await manager.update(ChallengeReminder, reminder.id, { doneAt: new Date(), outcome });
      this.logger.log({ msg: 'challenge reminder done', reminderId, outcome });
      return outcome;
    });
  }
}
