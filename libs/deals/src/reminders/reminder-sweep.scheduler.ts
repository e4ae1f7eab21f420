import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JOB_POLICIES, QueueName } from '@kuaizhuan/platform';
import type { Queue } from 'bullmq';

export const REMINDER_SWEEP_SCHEDULER_ID = 'deal.reminders.hourly';

/** Keeps the hourly reminder sweep scheduled, whichever worker starts first. */
@Injectable()
export class ReminderSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderSweepScheduler.name);

  constructor(@InjectQueue(QueueName.Deals) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = JOB_POLICIES['deal.reminders.sweep'];
    try {
      await this.queue.upsertJobScheduler(
        REMINDER_SWEEP_SCHEDULER_ID,
        { pattern: '17 * * * *', tz: 'Asia/Shanghai' },
        {
          name: 'deal.reminders.sweep',
          data: { trigger: 'schedule' },
          opts: {
            attempts: policy.attempts,
            backoff: { type: 'exponential', delay: policy.backoffMs },
            removeOnComplete: { age: policy.keepCompletedSeconds },
            removeOnFail: { age: policy.keepFailedSeconds },
          },
        },
      );
    } catch (error) {
      // Redis may be down at boot: the reminder rows wait in Postgres, and the next worker start schedules the sweep.
      this.logger.warn({ msg: 'could not schedule the reminder sweep', error: String(error) });
    }
  }
}
