import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { OnJob, QueueProducers } from '@kuaizhuan/platform';
import { NeedsService } from '../needs/needs.service';
import { CatalogReconciler, type DriftReport } from './reconciler';

/** How often the index is compared with PostgreSQL (and overdue needs expired). */
export const RECONCILE_EVERY_MS = 60 * 60 * 1000;

/**
 * The hourly `catalog.reconcile` job: expires overdue needs, then compares the search index with
 * PostgreSQL and repairs the difference. One schedule is kept, whichever worker starts first.
 */
@Injectable()
export class HourlyReconciliation implements OnApplicationBootstrap {
  constructor(
    private readonly producers: QueueProducers,
    private readonly needs: NeedsService,
    private readonly reconciler: CatalogReconciler,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.producers.schedule('catalog.reconcile.hourly', 'catalog.reconcile', { every: RECONCILE_EVERY_MS });
  }

  @OnJob('catalog.reconcile')
  async run(): Promise<{ expired: number; drift: DriftReport[] }> {
    const expired = await this.needs.expireOverdue();
    return { expired, drift: await this.reconciler.reconcile() };
  }
}
