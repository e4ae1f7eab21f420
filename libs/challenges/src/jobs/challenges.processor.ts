import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { ChallengeJobs } from './challenge-jobs';

/** The `challenges` queue. Errors are not caught: BullMQ retries by policy and keeps what fails for good. */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Challenges, { concurrency: 2, autorun: false })
export class ChallengesProcessor extends WorkerHost {
  private readonly logger = new Logger(ChallengesProcessor.name);

  constructor(private readonly jobs: ChallengeJobs) {
    super();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'challenges worker error', error: error.message });
  }

  process(job: Job): Promise<unknown> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    return logContext.run({ jobId: job.id }, () => {
      switch (typed.name) {
        case 'challenge.announce':
          return this.jobs.announce(typed.data.challengeId);
        case 'challenge.reminders.plan':
          return this.jobs.plan(typed.data.challengeId);
        case 'challenge.reminder':
          return this.jobs.run(typed.data.reminderId);
        default:
          throw new Error(`job ${job.name} does not belong on the ${QueueName.Challenges} queue`);
      }
    });
  }
}
