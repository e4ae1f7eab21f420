import { Module } from '@nestjs/common';
import { NotifierModule } from '@kuaizhuan/delivery';
import { DealsCoreModule } from './deals-core.module';
import { DealsProcessor } from './reminders/deals.processor';
import { ReminderJobs } from './reminders/reminder-jobs';
import { ReminderSweepScheduler } from './reminders/reminder-sweep.scheduler';

/** The worker side of deals: the `deals` queue's reminder jobs and their hourly sweep. */
@Module({
  imports: [DealsCoreModule, NotifierModule],
  providers: [ReminderJobs, DealsProcessor, ReminderSweepScheduler],
})
export class DealsWorkerModule {}
