import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, QueueProducers, type AnyJob } from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { MatchJobs } from './match-jobs';

/** How often unmatched listings are looked for. */
export const MATCH_RECONCILE_EVERY_MS = 60 * 60 * 1000;
/** A listing changed more recently than this is left to the match job its change started. */
export const MATCH_RECONCILE_SETTLE_MS = 10 * 60 * 1000;
/** Listings matched per reconciliation run and kind (the next run takes the rest). */
const MATCH_RECONCILE_LIMIT = 500;

/** The `match` queue. Errors are not caught: BullMQ retries by policy and keeps what fails for good. */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Match, { concurrency: 2, autorun: false })
export class MatchProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchProcessor.name);

  constructor(
    private readonly jobs: MatchJobs,
    private readonly producers: QueueProducers,
  ) {
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
        case 'match.reconcile':
          return this.reconcile(String(job.id));
        default:
          throw new Error(`job ${job.name} does not belong on the ${QueueName.Match} queue`);
      }
    });
  }

  /**
   * Matches the published listings whose latest version no match job finished (lost, or
   * failed for good while a dependency was down), in jobs of their own.
   */
  private async reconcile(runId: string): Promise<{ needs: number; achievements: number }> {
    const { needs, achievements } = await this.jobs.unmatched(MATCH_RECONCILE_SETTLE_MS, MATCH_RECONCILE_LIMIT);
    // One job per 25 listings, with ids unique to this run (a listing still unmatched next
    // hour gets a new job, not the failed one again).
    const batches = <K extends 'need' | 'achievement'>(kind: K, ids: string[]) =>
      Array.from({ length: Math.ceil(ids.length / 25) }, (_, i) => ({
        jobId: `reconcile-${runId}-${kind}-${i}`,
        data: { kind, ids: ids.slice(i * 25, i * 25 + 25) },
      }));
    await this.producers.add([
      ...batches('need', needs).map((job) => ({ name: 'match.need' as const, ...job })),
      ...batches('achievement', achievements).map((job) => ({ name: 'match.achievement' as const, ...job })),
    ]);
    return { needs: needs.length, achievements: achievements.length };
  }
}

/** Keeps one hourly match reconciliation scheduled, whichever worker starts first. */
@Injectable()
export class MatchReconcileScheduler implements OnApplicationBootstrap {
  constructor(private readonly producers: QueueProducers) {}

  onApplicationBootstrap(): Promise<void> {
    return this.producers.schedule('match.reconcile.hourly', 'match.reconcile', { every: MATCH_RECONCILE_EVERY_MS });
  }
}
