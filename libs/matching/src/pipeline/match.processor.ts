import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { MatchJobs } from './match-jobs';

/** The `match` queue. Errors are not caught: BullMQ retries by policy and keeps what fails for good. */
@Processor(QueueName.Match, { concurrency: 2 })
export class MatchProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchProcessor.name);

  constructor(private readonly jobs: MatchJobs) {
    super();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'match worker error', error: error.message });
  }

  process(job: Job): Promise<unknown> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    return logContext.run({ jobId: job.id }, () => {
      switch (typed.name) {
        case 'match.need':
          return this.jobs.matchNeeds(typed.data.ids);
        case 'match.achievement':
          return this.jobs.matchAchievements(typed.data.ids);
        default:
          throw new Error(`job ${job.name} does not belong on the ${QueueName.Match} queue`);
      }
    });
  }
}
