import { Module } from '@nestjs/common';
import { AuditLog } from '@kuaizhuan/identity';
import { ImportRunner } from './imports/import-runner';
import { ImportProcessor } from './imports/import.processor';
import { NeedsService } from './needs/needs.service';
import { CatalogIndexingModule } from './search/catalog-indexing.module';
import { HourlyReconciliation } from './search/hourly-reconciliation';
import { IndexProcessor } from './search/index.processor';

/** The worker side of the catalogue: the `index` and `import` queues and the hourly reconciliation. */
@Module({
  imports: [CatalogIndexingModule],
  providers: [AuditLog, NeedsService, ImportRunner, IndexProcessor, ImportProcessor, HourlyReconciliation],
  exports: [CatalogIndexingModule],
})
export class CatalogWorkerModule {}
