import { Logger, Module } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { DeliverJobs } from './deliver-jobs';

/**
 * The one processor of the `deliver` queue. Errors are not caught here: BullMQ sees
 * them and retries by the job's policy, then keeps the job in the failed set.
 */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Deliver, { concurrency: 4, autorun: false })
export class DeliverProcessor extends WorkerHost {
  constructor(private readonly jobs: DeliverJobs) {
    super();
  }

  private readonly logger = new Logger(DeliverProcessor.name);

  /**
   * The worker's own errors (a lost Redis connection, a job whose lock was lost), not a
   * job's failure: BullMQ records those itself. Logged, so they are seen and not printed raw.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'deliver worker error', error: error.message });
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
