import { Module } from '@nestjs/common';
import { NotifierModule } from '@kuaizhuan/delivery';
import { DealsCoreModule } from './deals-core.module';
import { DealsProcessor } from './reminders/deals.processor';
import { ReminderJobs } from './reminders/reminder-jobs';

/** The worker side of deals: the `deals` queue's reminder jobs. */
@Module({
  imports: [DealsCoreModule, NotifierModule],
  providers: [ReminderJobs, DealsProcessor],
})
export class DealsWorkerModule {}
