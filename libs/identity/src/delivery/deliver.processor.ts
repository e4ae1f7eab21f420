import { Module } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { DeliverJobs } from './deliver-jobs';

/**
 * The one processor of the `deliver` queue. Errors are not caught here: BullMQ sees
 * them and retries by the job's policy, then keeps the job in the failed set.
 */
@Processor(QueueName.Deliver, { concurrency: 4 })
export class DeliverProcessor extends WorkerHost {
  constructor(private readonly jobs: DeliverJobs) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    return logContext.run({ jobId: job.id }, () => this.jobs.run(typed));
  }
}

/** Import it, then register handlers on `DeliverJobs` in your worker module's constructor. */
@Module({
  providers: [DeliverJobs, DeliverProcessor],
  exports: [DeliverJobs],
})
export class DeliverWorkerModule {}
