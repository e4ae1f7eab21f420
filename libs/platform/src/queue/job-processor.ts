import { Injectable, Logger } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { logContext } from '../logging/logger';
import { JobHandlers } from './job-handlers';

/**
 * What every queue's processor does: hands each job to its `@OnJob` handler, inside the job's
 * log context. A queue's processor is this class under the queue's `@Processor` (its
 * concurrency, its lock), declared by the library the queue belongs to, with `autorun: false`
 * (QueueWorkers starts the queues this process takes):
 *
 *   @Processor(QueueName.Match, { concurrency: 2, autorun: false })
 *   export class MatchProcessor extends JobProcessor {}
 *
 * Errors are not caught: BullMQ retries by the job's policy and keeps what fails for good. A job
 * with no handler on this queue fails for good at once.
 */
@Injectable()
export abstract class JobProcessor extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers.handlerOf(job.name, this.worker.name);
    return logContext.run({ jobId: job.id }, () => handler(job));
  }

  /**
   * The worker's own errors (a lost Redis connection, a job whose lock was lost), not a job's
   * failure: BullMQ records those itself. Logged, so they are seen and not printed raw.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'queue worker error', queue: this.worker.name, error: error.message });
  }
}
