import { Module } from '@nestjs/common';
import { CatalogIndexingModule } from '@kuaizhuan/catalog';
import { NotifierModule } from '@kuaizhuan/delivery';
import { SavedSearchAlerts } from './saved-searches/saved-search-alerts';

/** The worker side of outreach: saved-search alerts (the `saved_search.match` job, on the `deliver` queue). */
@Module({
  imports: [CatalogIndexingModule, NotifierModule],
  providers: [SavedSearchAlerts],
})
export class OutreachWorkerModule {}
