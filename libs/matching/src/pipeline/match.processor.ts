import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor, QueueName, QueueProducers } from '@kuaizhuan/platform';

/** How often unmatched listings are looked for. */
export const MATCH_RECONCILE_EVERY_MS = 60 * 60 * 1000;

/** The `match` queue (its jobs' handlers: `MatchJobs`). */
@Processor(QueueName.Match, { concurrency: 2, autorun: false })
export class MatchProcessor extends JobProcessor {}

/** Keeps one hourly match reconciliation scheduled, whichever worker starts first. */
@Injectable()
export class MatchReconcileScheduler implements OnApplicationBootstrap {
  constructor(private readonly producers: QueueProducers) {}

  onApplicationBootstrap(): Promise<void> {
    return this.producers.schedule('match.reconcile.hourly', 'match.reconcile', { every: MATCH_RECONCILE_EVERY_MS });
  }
}
