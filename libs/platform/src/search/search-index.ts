import type { SearchDocument, SearchHealth, SearchKind, SearchQuery, SearchResult } from './search-document';

/** Batches of every document that should be in the index, for a rebuild. */
export type DocumentSource = Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]>;

/** A document as the index holds it: its id and the version (updatedAt, epoch milliseconds). */
export interface IndexedVersion {
  id: string;
  updatedAtMs: number;
}

/**
 * The search index port (and Nest injection token). Two adapters implement it, PostgreSQL
 * and Meilisearch (SEARCH_ENGINE), and both pass one contract suite.
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

  /**
   * Every document of `kind` in the index with its version, in batches, however many there are
   * (search results stop at a few thousand on some engines): what reconciliation compares.
   */
  abstract versions(kind: SearchKind): AsyncIterable<IndexedVersion[]>;

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
