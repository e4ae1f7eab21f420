import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  InvalidInputError,
  logContext,
  MeilisearchTaskError,
  QueueName,
  QueueProducers,
  type AnyJob,
} from '@kuaizhuan/platform';
import type { Job } from 'bullmq';
import { NeedsService } from '../needs/needs.service';
import { CatalogIndexer } from './catalog-indexer';
import { IndexBatcher } from './index-batcher';
import { CatalogReconciler } from './reconciler';

/** How often the index is compared with PostgreSQL (and overdue needs expired). */
export const RECONCILE_EVERY_MS = 60 * 60 * 1000;
/**
 * Index jobs one worker holds at once. They are not written one by one: their ids are merged
 * into a few writes (IndexBatcher), so this bounds how many jobs one write can serve.
 */
export const INDEX_CONCURRENCY = 40;

/** A write the engine refused because of a document, not because it is away or slow. */
function refusedDocument(error: unknown): boolean {
  return error instanceof InvalidInputError || error instanceof MeilisearchTaskError;
}

/**
 * The `index` queue: re-reads rows named by id and upserts or removes their documents, the ids
 * of the jobs running at once merged into few writes (one engine task each on Meilisearch);
 * the hourly reconciliation repairs what a lost job left behind. Errors reach BullMQ.
 */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Index, { concurrency: INDEX_CONCURRENCY, autorun: false })
export class IndexProcessor extends WorkerHost {
  private readonly batcher: IndexBatcher;

  constructor(
    private readonly indexer: CatalogIndexer,
    private readonly reconciler: CatalogReconciler,
    private readonly needs: NeedsService,
  ) {
    super();
    this.batcher = new IndexBatcher((kind, ids) => this.indexer.write(kind, ids), refusedDocument);
  }

  process(job: Job): Promise<unknown> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    return logContext.run({ jobId: job.id }, async () => {
      switch (typed.name) {
        case 'catalog.index':
          return this.batcher.sync(typed.data.kind, typed.data.ids);
        case 'catalog.reconcile': {
          const expired = await this.needs.expireOverdue();
          return { expired, drift: await this.reconciler.reconcile() };
        }
        default:
          throw new Error(`job ${job.name} does not belong on the ${QueueName.Index} queue`);
      }
    });
  }
}

/** Keeps one hourly reconciliation scheduled, whichever worker starts first. */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap {
  constructor(private readonly producers: QueueProducers) {}

  onApplicationBootstrap(): Promise<void> {
    return this.producers.schedule('catalog.reconcile.hourly', 'catalog.reconcile', { every: RECONCILE_EVERY_MS });
  }
}
