import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueProducers } from '@kuaizhuan/platform';

export const REMINDER_SWEEP_SCHEDULER_ID = 'deal.reminders.hourly';

/** Keeps the hourly reminder sweep scheduled, whichever worker starts first. */
@Injectable()
export class ReminderSweepScheduler implements OnApplicationBootstrap {
  constructor(private readonly producers: QueueProducers) {}

  onApplicationBootstrap(): Promise<void> {
    return this.producers.schedule(REMINDER_SWEEP_SCHEDULER_ID, 'deal.reminders.sweep', {
      pattern: '17 * * * *',
      tz: 'Asia/Shanghai',
    });
  }
}
