import { Injectable, Logger } from '@nestjs/common';
import { Notifier } from '@kuaizhuan/delivery';
import { OnJob, QueueProducers } from '@kuaizhuan/platform';
import { DataSource, IsNull } from 'typeorm';
import { LicenceBook, today } from '../books/licence-book';
import { daysBetween } from '../domain/dates';
import { Deal } from '../entities/deal.entity';
import { DealReminder, Instalment, UfplLicence } from '../entities/licence.entity';
import { DealSteps } from '../steps/deal-steps';
import { reminderNotice } from './notices';

const SWEEP_BATCH = 500;

/** The BullMQ job id of a reminder row: one job per row, whoever plans it and however often. */
export function reminderJobId(reminderId: string): string {
  return `deal-reminder-${reminderId}`;
}

/**
 * Reminder jobs. Planning adds one delayed job per reminder row not yet done (delayed jobs live
 * in Redis and outlast worker restarts); running re-reads the row, returns when it is done
 * already, and records what it did. Errors are not caught: BullMQ retries by policy.
 */
@Injectable()
export class ReminderJobs {
  private readonly logger = new Logger(ReminderJobs.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly producers: QueueProducers,
    private readonly steps: DealSteps,
    private readonly book: LicenceBook,
    private readonly notifier: Notifier,
  ) {}

  @OnJob('deal.reminders.plan', ({ dealId }) => [dealId])
  async plan(dealId: string): Promise<number> {
    return this.addJobs(await this.dataSource.manager.find(DealReminder, { where: { dealId, doneAt: IsNull() } }));
  }

  /**
   * Re-adds the job of every reminder not yet done, so a job Redis lost (a flush, a restore)
   * is back within the hour; jobs Redis still holds keep their id and are not added twice.
   */
  @OnJob('deal.reminders.sweep')
  async sweep(): Promise<number> {
    let added = 0;
    for (let page = 0; ; page += 1) {
      const pending = await this.dataSource.manager.find(DealReminder, {
        where: { doneAt: IsNull() },
        order: { runAt: 'ASC', id: 'ASC' },
        skip: page * SWEEP_BATCH,
        take: SWEEP_BATCH,
      });
      added += await this.addJobs(pending);
      if (pending.length < SWEEP_BATCH) return added;
    }
  }

  private async addJobs(pending: readonly DealReminder[]): Promise<number> {
    const now = Date.now();
    await this.producers.add(
      pending.map((r) => ({
        name: 'deal.reminder' as const,
        data: { reminderId: r.id },
        jobId: reminderJobId(r.id),
        delayMs: Math.max(0, r.runAt.getTime() - now),
      })),
    );
    return pending.length;
  }

  @OnJob('deal.reminder', ({ reminderId }) => [reminderId])
  run(reminderId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const reminder = await manager.findOne(DealReminder, {
        where: { id: reminderId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reminder) return 'gone';
      if (reminder.doneAt) return reminder.outcome ?? 'done';
      const deal = await manager.findOne(Deal, { where: { id: reminder.dealId }, lock: { mode: 'pessimistic_write' } });
      const licence = await manager.findOneBy(UfplLicence, { dealId: reminder.dealId });
      const outcome = deal && licence ? await this.carryOut(manager, reminder, deal, licence) : 'no_licence';
      await manager.update(DealReminder, reminder.id, { doneAt: new Date(), outcome });
      this.logger.log({ msg: 'deal reminder done', reminderId, kind: reminder.kind, outcome });
      return outcome;
    });
  }

  private async carryOut(
    manager: DataSource['manager'],
    reminder: DealReminder,
    deal: Deal,
    licence: UfplLicence,
  ): Promise<string> {
    if (reminder.kind === 'trigger_check') {
      return (await this.book.checkTrigger(manager, deal, licence)) ? 'triggered' : 'not_reached';
    }
    const instalment = reminder.instalmentId
      ? await manager.findOneBy(Instalment, { id: reminder.instalmentId })
      : null;
    if (!instalment) return 'no_instalment';
    if (instalment.paidOn) return 'paid';
    if (['returned', 'terminated', 'completed', 'cancelled'].includes(deal.status)) return 'deal_closed';
    if (reminder.kind === 'before_due' && daysBetween(instalment.dueOn, today()) > 0) return 'past_due';
    if (reminder.kind === 'overdue' && deal.status === 'paying') {
      await this.steps.take(manager, deal, 'fall_overdue', 'system', null, { instalmentId: instalment.id });
    }
    if (reminder.kind === 'default_check') {
      // Reminders due together run in any order: a default check may come before the overdue step.
      if (deal.status === 'paying') {
        await this.steps.take(manager, deal, 'fall_overdue', 'system', null, { instalmentId: instalment.id });
      }
      if (deal.status !== 'overdue') return 'not_overdue';
      await this.steps.take(manager, deal, 'default', 'system', null, { instalmentId: instalment.id });
    }
    await this.notifier.notify(
      manager,
      reminderNotice({
        reminderId: reminder.id,
        kind: reminder.kind,
        deal,
        instalment: {
          seq: instalment.seq,
          amount: instalment.amount,
          dueOn: instalment.dueOn,
          invoiceNo: instalment.invoiceNo,
        },
      }),
    );
    return reminder.kind === 'default_check' ? 'defaulted' : 'sent';
  }
}
