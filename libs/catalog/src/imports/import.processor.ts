import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { ImportRunner } from './import-runner';

/** The `import` queue: one import at a time per worker (each is a long, write-heavy job). */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Import, { concurrency: 1, lockDuration: 120_000, autorun: false })
export class ImportProcessor extends WorkerHost {
  constructor(private readonly runner: ImportRunner) {
    super();
  }

  process(job: Job): Promise<void> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    if (typed.name !== 'catalog.import') {
      throw new Error(`job ${job.name} does not belong on the ${QueueName.Import} queue`);
    }
    return logContext.run({ jobId: job.id }, () => this.runner.run(typed.data.importId));
  }

  /** After the last attempt, the import itself says it failed, so a caller polling it is not left waiting. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ importId?: string }>, error: Error): Promise<void> {
    if (job.name !== 'catalog.import' || !job.data.importId) return;
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.runner.giveUp(job.data.importId, error.message);
  }
}
