import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MeilisearchIndex } from './meilisearch/meilisearch-index';
import { PostgresSearchIndex } from './postgres/postgres-search-index';
import { SearchIndex } from './search-index';

/** The adapter the configuration asks for: Meilisearch when MEILI_HOST is set, PostgreSQL otherwise. */
export function createSearchIndex(config: AppConfig, dataSource: DataSource): SearchIndex {
  const host = config.optional('MEILI_HOST');
  if (host) return new MeilisearchIndex({ host, apiKey: config.optional('MEILI_MASTER_KEY') });
  return new PostgresSearchIndex(dataSource);
}

/**
 * Provides `SearchIndex`. Import it where search is used (catalogue indexing, matcher,
 * portal search); it needs the PlatformModule's config and database.
 */
@Module({
  providers: [{ provide: SearchIndex, inject: [AppConfig, DataSource], useFactory: createSearchIndex }],
  exports: [SearchIndex],
})
export class SearchModule {}
