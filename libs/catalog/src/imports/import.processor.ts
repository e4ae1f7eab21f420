import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor, QueueName } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { ImportRunner } from './import-runner';

/**
 * The `import` queue: one import at a time per worker (each is a long, write-heavy job run by
 * `ImportRunner`), its lock held long enough for a large chunk.
 */
@Processor(QueueName.Import, { concurrency: 1, lockDuration: 120_000, autorun: false })
export class ImportProcessor extends JobProcessor {
  constructor(
    handlers: JobHandlers,
    private readonly runner: ImportRunner,
  ) {
    super(handlers);
  }

  /** After the last attempt, the import itself says it failed, so a caller polling it is not left waiting. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ importId?: string }>, error: Error): Promise<void> {
    if (job.name !== 'catalog.import' || !job.data.importId) return;
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.runner.giveUp(job.data.importId, error.message);
  }
}
