import { Module } from '@nestjs/common';
import { CatalogIndexingModule } from '@kuaizhuan/catalog';
import { NotifierModule } from '@kuaizhuan/delivery';
import { DeliverJobs, DeliverWorkerModule } from '@kuaizhuan/identity';
import { SavedSearchAlerts } from './saved-searches/saved-search-alerts';

/** The worker side of outreach: the `saved_search.match` job on the shared `deliver` queue. */
@Module({
  imports: [CatalogIndexingModule, NotifierModule, DeliverWorkerModule],
  providers: [SavedSearchAlerts],
})
export class OutreachWorkerModule {
  // Registered while the application is built, before any BullMQ worker starts taking jobs.
  constructor(jobs: DeliverJobs, alerts: SavedSearchAlerts) {
    jobs.handle('saved_search.match', (job) => alerts.run(job.data.kind, job.data.ids));
  }
}
