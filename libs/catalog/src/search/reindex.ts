/**
 * Rebuilds the search index from PostgreSQL and swaps it in atomically (the port's rebuild):
 *   npm run reindex                                   (sources, through ts-register)
 *   node dist/libs/catalog/src/search/reindex.js      (built image)
 * Searches keep answering from the old index until the new one is complete; a failed rebuild
 * leaves the old one in place. Changes made while it runs are caught by the next reconciliation.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadDotEnv, PlatformModule, SearchIndex } from '@kuaizhuan/platform';
import { Presets, SingleBar } from 'cli-progress';
import { CatalogIndexer } from './catalog-indexer';
import { CATALOGUE_KINDS, catalogueDocuments } from './catalogue-documents';
import { CatalogIndexingModule } from './catalog-indexing.module';

@Module({ imports: [PlatformModule, CatalogIndexingModule] })
class ReindexModule {}

async function main(): Promise<void> {
  loadDotEnv();
  const app = await NestFactory.createApplicationContext(ReindexModule, { logger: ['error', 'warn'] });
  try {
    const indexer = app.get(CatalogIndexer);
    let total = 0;
    for (const kind of CATALOGUE_KINDS) total += await indexer.countRows(kind);
    const bar = new SingleBar(
      { format: 'reindex [{bar}] {percentage}% | {value}/{total} documents | {eta_formatted} left', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    const result = await app.get(SearchIndex).rebuild(catalogueDocuments(indexer, (n) => bar.increment(n)));
    bar.stop();
    console.log(
      JSON.stringify({
        level: 30,
        service: 'reindex',
        msg: 'search index rebuilt and swapped in',
        documents: result.documents,
      }),
    );
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(JSON.stringify({ level: 50, service: 'reindex', msg: 'reindex failed', error: String(error) }));
    process.exit(1);
  });
}
