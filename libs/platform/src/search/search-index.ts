import type { SearchDocument, SearchHealth, SearchQuery, SearchResult } from './search-document';

/** Batches of every document that should be in the index, for a rebuild. */
export type DocumentSource = Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]>;

/**
 * The search index port (and Nest injection token). Two adapters implement it, PostgreSQL
 * (default) and Meilisearch (when MEILI_HOST is set), and both pass one contract suite.
 * The index is derived data: the catalogue in PostgreSQL can always rebuild it.
 */
export abstract class SearchIndex {
  /** Adds or replaces documents by id; a version older (updatedAt) than the one indexed is ignored. */
  abstract upsert(documents: readonly SearchDocument[]): Promise<void>;

  /** Removes documents by id; unknown ids are ignored. */
  abstract remove(ids: readonly string[]): Promise<void>;

  abstract search(query: SearchQuery): Promise<SearchResult>;

  /**
   * Several searches at once, answered in order, each exactly as `search` would answer it
   * (one request to an engine that supports it, such as Meilisearch's multi-search).
   */
  abstract searchMany(queries: readonly SearchQuery[]): Promise<SearchResult[]>;

  /** Number of documents searchable now. */
  abstract count(): Promise<number>;

  /** Removes every document. */
  abstract clear(): Promise<void>;

  /**
   * Builds a fresh index from `source` beside the live one and swaps it in atomically:
   * searches keep answering from the old index until the new one is complete, and a
   * failed rebuild leaves the old one in place.
   */
  abstract rebuild(source: DocumentSource): Promise<{ documents: number }>;

  /** Whether the index answers; never throws. */
  abstract health(): Promise<SearchHealth>;
}
