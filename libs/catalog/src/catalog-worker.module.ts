import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CATALOG_ENTITIES } from './catalog.module';
import { ImportRunner } from './imports/import-runner';
import { ImportProcessor } from './imports/import.processor';
import { NeedsService } from './needs/needs.service';
import { CatalogIndexer } from './search/catalog-indexer';
import { IndexProcessor, ReconcileScheduler } from './search/index.processor';
import { CatalogReconciler } from './search/reconciler';
import { TaxonomyService } from './taxonomy/taxonomy.service';

/** The worker side of the catalogue: the `index` and `import` queues and the hourly reconciliation. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES)],
  providers: [
    TaxonomyService,
    NeedsService,
    CatalogIndexer,
    CatalogReconciler,
    ImportRunner,
    IndexProcessor,
    ImportProcessor,
    ReconcileScheduler,
  ],
  exports: [CatalogIndexer, CatalogReconciler],
})
export class CatalogWorkerModule {}
