import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchModule } from '@kuaizhuan/platform';
import { CATALOG_ENTITIES } from '../catalog.module';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CatalogIndexer } from './catalog-indexer';
import { CatalogReconciler } from './reconciler';

/** Turning catalogue rows into search documents and repairing the index; no queue processors. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES), SearchModule],
  providers: [TaxonomyService, CatalogIndexer, CatalogReconciler],
  exports: [TaxonomyService, CatalogIndexer, CatalogReconciler],
})
export class CatalogIndexingModule {}
