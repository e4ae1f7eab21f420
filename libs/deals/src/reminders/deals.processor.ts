import { Processor } from '@nestjs/bullmq';
import { JobProcessor, QueueName } from '@kuaizhuan/platform';

/** The `deals` queue (its jobs' handlers: `ReminderJobs`). */
@Processor(QueueName.Deals, { concurrency: 2, autorun: false })
export class DealsProcessor extends JobProcessor {}
