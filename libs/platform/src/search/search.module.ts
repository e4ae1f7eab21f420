import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MeilisearchIndex } from './meilisearch/meilisearch-index';
import { PostgresSearchIndex } from './postgres/postgres-search-index';
import { SearchIndex } from './search-index';
import { TermStatistics } from './statistics/term-statistics';

export type SearchEngine = 'meilisearch' | 'postgres';

/** The engine the configuration names: SEARCH_ENGINE, else Meilisearch when MEILI_HOST is set. */
export function searchEngineOf(config: AppConfig): SearchEngine {
  return config.optional('SEARCH_ENGINE') ?? (config.optional('MEILI_HOST') ? 'meilisearch' : 'postgres');
}

/** The adapter the configuration asks for (see `searchEngineOf`). */
export function createSearchIndex(config: AppConfig, dataSource: DataSource): SearchIndex {
  if (searchEngineOf(config) === 'postgres') return new PostgresSearchIndex(dataSource);
  return new MeilisearchIndex({
    host: config.get('MEILI_HOST'),
    apiKey: config.optional('MEILI_MASTER_KEY'),
    indexUid: config.get('MEILI_INDEX'),
  });
}

/**
 * Provides `SearchIndex`, and the engine-independent `TermStatistics` the catalogue keeps beside it. Import it where search is used (catalogue indexing, matcher,
 * portal search); it needs the PlatformModule's config and database.
 */
@Module({
  providers: [{ provide: SearchIndex, inject: [AppConfig, DataSource], useFactory: createSearchIndex }, TermStatistics],
  exports: [SearchIndex, TermStatistics],
})
export class SearchModule {}
