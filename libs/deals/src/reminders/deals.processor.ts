import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { ReminderJobs } from './reminder-jobs';

/** The `deals` queue. Errors are not caught: BullMQ retries by policy and keeps what fails for good. */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Deals, { concurrency: 2, autorun: false })
export class DealsProcessor extends WorkerHost {
  private readonly logger = new Logger(DealsProcessor.name);

  constructor(private readonly jobs: ReminderJobs) {
    super();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'deals worker error', error: error.message });
  }

  process(job: Job): Promise<unknown> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    return logContext.run({ jobId: job.id }, () => {
      switch (typed.name) {
        case 'deal.reminders.plan':
          return this.jobs.plan(typed.data.dealId);
        case 'deal.reminder':
          return this.jobs.run(typed.data.reminderId);
        case 'deal.reminders.sweep':
          return this.jobs.sweep();
        default:
          throw new Error(`job ${job.name} does not belong on the ${QueueName.Deals} queue`);
      }
    });
  }
}
