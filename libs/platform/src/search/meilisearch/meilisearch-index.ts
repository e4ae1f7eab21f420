import {
  Meilisearch,
  type EnqueuedTaskPromise,
  type MultiSearchParams,
  type SearchParams,
  type SearchResponse,
  type Task,
} from 'meilisearch';
import type {
  FacetCount,
  FacetName,
  SearchDocument,
  SearchHealth,
  SearchHit,
  SearchKind,
  SearchQuery,
  SearchResult,
} from '../search-document';
import { SearchIndex, type DocumentSource, type IndexedVersion } from '../search-index';
import { analyseQuery, type AnalysedQuery } from '../text/analyser';
import { highlight } from '../text/highlight';
import { keywordsOf } from '../text/segmenter';
import { assertValidDocuments, assertValidIds, paging } from '../validation';
import {
  FACET_ATTRIBUTES,
  filterExpression,
  indexSettings,
  settingsHold,
  toRecord,
  type MeiliRecord,
} from './meilisearch-schema';
import { errorCode, isIndexNotFound, needsSettings, settled, unavailableOr } from './meilisearch-tasks';

export { MeilisearchTaskError } from './meilisearch-tasks';

export interface MeilisearchOptions {
  host: string;
  apiKey?: string;
  /** Index name; tests give each file its own. */
  indexUid?: string;
  /** How long to wait for one task (indexing a batch, applying settings). */
  taskTimeoutMs?: number;
}

/** Meilisearch reads at most ten query words; longer queries keep their most informative ten. */
const MAX_QUERY_WORDS = 10;
const DEFAULT_SNIPPET_LENGTH = 120;
/** Documents per task while rebuilding, and how many such tasks may wait in the engine's queue. */
const REBUILD_BATCH = 2_000;
const REBUILD_IN_FLIGHT = 3;
/** A rebuild's tasks queue behind each other; each may wait this long. */
const REBUILD_TASK_TIMEOUT_MS = 600_000;
const VERSIONS_PAGE = 5_000;

/**
 * The Meilisearch adapter (SEARCH_ENGINE=meilisearch). Before its first use in a process it
 * creates the index if needed and brings its settings up to date; it does so again whenever the
 * engine answers as if the index were missing or without them (the engine restarted without its
 * data, an index from an older version). Every write waits for its task, and a failed task is
 * thrown with the engine's error code, never ignored.
 */
export class MeilisearchIndex extends SearchIndex {
  private readonly client: Meilisearch;
  private readonly uid: string;
  private readonly buildUid: string;
  private readonly taskTimeoutMs: number;
  private ready: Promise<void> | null = null;

  constructor(options: MeilisearchOptions) {
    super();
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: 10_000 });
    this.uid = options.indexUid ?? 'kz_search';
    this.buildUid = `${this.uid}_rebuild`;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    assertValidDocuments(documents);
    if (documents.length === 0) return;
    await this.withSettings(async () => {
      for (const uid of await this.writeTargets()) {
        const fresh = await this.newerThanIndexed(uid, documents);
        if (fresh.length > 0)
          await this.run(this.client.index<MeiliRecord>(uid).addDocuments(fresh.map(toRecord), { primaryKey: 'id' }));
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    assertValidIds(ids);
    if (ids.length === 0) return;
    await this.withSettings(async () => {
      for (const uid of await this.writeTargets()) await this.run(this.client.index(uid).deleteDocuments([...ids]));
    });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    try {
      return await this.withSettings(() => this.answer(query));
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  /** Several searches in one request to the engine (multi-search), answered in order. */
  async searchMany(queries: readonly SearchQuery[]): Promise<SearchResult[]> {
    if (queries.length === 0) return [];
    try {
      return await this.withSettings(async () => {
        const requests = queries.map(searchRequest);
        const response = await this.client.multiSearch<MultiSearchParams, MeiliRecord>({
          queries: requests.map(({ q, params }) => ({ indexUid: this.uid, q, ...params })),
        });
        return response.results.map((result, i) => toResult(queries[i], requests[i].analysed, result));
      });
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  private async answer(query: SearchQuery): Promise<SearchResult> {
    const { q, params, analysed } = searchRequest(query);
    const response = await this.client.index<MeiliRecord>(this.uid).search(q, params);
    return toResult(query, analysed, response);
  }

  async count(): Promise<number> {
    return this.withSettings(async () => (await this.client.index(this.uid).getStats()).numberOfDocuments);
  }

  async clear(): Promise<void> {
    await this.withSettings(() => this.run(this.client.index(this.uid).deleteAllDocuments()));
  }

  async *versions(kind: SearchKind): AsyncGenerator<IndexedVersion[]> {
    await this.ensureReady();
    yield* this.listVersions(this.uid, `kind = ${JSON.stringify(kind)}`);
  }

  async rebuild(source: DocumentSource): Promise<{ documents: number }> {
    await this.ensureReady();
    return this.rebuildFrom(source, false);
  }

  /**
   * Fills a new index from `source` beside the live one, then swaps it in. With `keepMissing`
   * (copying the live index itself), documents the copy missed are taken from the live index too.
   */
  private async rebuildFrom(source: DocumentSource, keepMissing: boolean): Promise<{ documents: number }> {
    // Left by a failed rebuild, or re-created by a write that raced the last swap.
    await this.deleteIndex(this.buildUid);
    let documents: number;
    try {
      // Settings first: from then on writers send their changes here too (see writeTargets),
      // and everything the source reads afterwards is at least as new as what they sent.
      await this.prepare(this.buildUid);
      documents = await this.fill(this.buildUid, source);
      await this.catchUp(keepMissing);
      await this.run(this.client.swapIndexes([{ indexes: [this.uid, this.buildUid], rename: false }]));
    } finally {
      // After the swap this holds the old documents; after a failure, the partial build.
      await this.deleteIndex(this.buildUid);
    }
    return { documents };
  }

  /** Sends the source in large batches, several queued at once so the engine batches them. */
  private async fill(uid: string, source: DocumentSource): Promise<number> {
    const index = this.client.index<MeiliRecord>(uid);
    const queued: Array<Promise<Task>> = [];
    let documents = 0;
    try {
      for await (const batch of source) {
        assertValidDocuments(batch);
        for (let i = 0; i < batch.length; i += REBUILD_BATCH) {
          const records = batch.slice(i, i + REBUILD_BATCH).map(toRecord);
          const task = this.run(index.addDocuments(records, { primaryKey: 'id' }), REBUILD_TASK_TIMEOUT_MS);
          // Awaited in order below; this only keeps a failure from counting as unhandled meanwhile.
          task.catch(() => undefined);
          queued.push(task);
          if (queued.length > REBUILD_IN_FLIGHT) await queued.shift();
        }
        documents += batch.length;
      }
      await Promise.all(queued);
    } catch (error) {
      // Let what was sent settle before the caller deletes the index it went to.
      await Promise.allSettled(queued);
      throw error;
    }
    return documents;
  }

  /**
   * Copies into the new index what the live one holds newer. A writer's change goes to both, but
   * its task may run before the task of an older batch from the source, which then replaces it.
   */
  private async catchUp(keepMissing: boolean): Promise<void> {
    const built = new Map<string, number>();
    for await (const batch of this.listVersions(this.buildUid)) {
      for (const { id, updatedAtMs } of batch) built.set(id, updatedAtMs);
    }
    const newer: string[] = [];
    for await (const batch of this.listVersions(this.uid)) {
      for (const { id, updatedAtMs } of batch) {
        if (updatedAtMs > (built.get(id) ?? (keepMissing ? -Infinity : Infinity))) newer.push(id);
      }
    }
    for (let i = 0; i < newer.length; i += REBUILD_BATCH) {
      const ids = newer.slice(i, i + REBUILD_BATCH);
      const live = await this.client
        .index<MeiliRecord>(this.uid)
        .getDocuments<MeiliRecord>({ ids, fields: ['source'], limit: ids.length });
      const records = live.results.map((record) => toRecord(record.source));
      await this.run(this.client.index<MeiliRecord>(this.buildUid).addDocuments(records, { primaryKey: 'id' }));
    }
  }

  /** Ids and versions of an index's documents, in pages of the documents route (no cap on how many). */
  private async *listVersions(uid: string, filter?: string): AsyncGenerator<IndexedVersion[]> {
    for (let offset = 0; ; offset += VERSIONS_PAGE) {
      const page = await this.client.index<MeiliRecord>(uid).getDocuments<MeiliRecord>({
        filter,
        fields: ['id', 'updatedAtMs'],
        offset,
        limit: VERSIONS_PAGE,
      });
      if (page.results.length > 0) {
        yield page.results.map((record) => ({ id: record.id, updatedAtMs: record.updatedAtMs }));
      }
      if (page.results.length < VERSIONS_PAGE) return;
    }
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.client.health();
      const stats = await this.client
        .index(this.uid)
        .getStats()
        .catch((error: unknown) => {
          if (isIndexNotFound(error)) return { numberOfDocuments: 0 };
          throw error;
        });
      return { adapter: 'meilisearch', ok: true, documents: stats.numberOfDocuments };
    } catch (error) {
      return { adapter: 'meilisearch', ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Runs `work` on an index with our settings, bringing them back once if the engine lost them. */
  private async withSettings<T>(work: () => Promise<T>): Promise<T> {
    await this.ensureReady();
    try {
      return await work();
    } catch (error) {
      if (!needsSettings(error)) throw error;
      this.ready = null;
      await this.ensureReady();
      return work();
    }
  }

  /** Prepares the live index once per process (and again after a failure or a lost index). */
  private ensureReady(): Promise<void> {
    this.ready ??= this.prepare(this.uid).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /**
   * Creates the index if it is missing and brings its settings up to date unless it already has
   * them (so a process starting while the engine works through a long queue does not wait).
   */
  private async prepare(uid: string): Promise<void> {
    const index = this.client.index(uid);
    try {
      await this.client.getRawIndex(uid);
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
      try {
        await this.run(this.client.createIndex(uid, { primaryKey: 'id' }));
      } catch (raced) {
        // Another process created it first.
        if (errorCode(raced) !== 'index_already_exists') throw raced;
      }
    }
    const wanted = indexSettings();
    const actual = await index.getSettings();
    if (settingsHold(actual, wanted)) return;
    const copyable = actual.displayedAttributes?.some((name) => name === '*' || name === 'source') ?? false;
    if (uid === this.uid && copyable && (await index.getStats()).numberOfDocuments > 0) await this.migrate();
    else await this.run(index.updateSettings(wanted));
  }

  /**
   * Brings a live index made with other settings up to date by copying its documents into a new
   * index made with ours and swapping it in, as a rebuild does. Changed in place, the index is
   * left half done: Meilisearch 1.21 then misses phrases and synonyms in attributes made
   * searchable afterwards. One process copies; another starting meanwhile waits for it.
   */
  private async migrate(): Promise<void> {
    if (await this.rebuildRunning()) {
      while (await this.rebuildRunning()) await new Promise((resolve) => setTimeout(resolve, 500));
      return this.prepare(this.uid);
    }
    await this.rebuildFrom(this.storedDocuments(), true);
  }

  /** The live index's documents as they were sent, in batches. */
  private async *storedDocuments(): AsyncGenerator<SearchDocument[]> {
    for (let offset = 0; ; offset += REBUILD_BATCH) {
      const page = await this.client
        .index<MeiliRecord>(this.uid)
        .getDocuments<MeiliRecord>({ fields: ['source'], offset, limit: REBUILD_BATCH });
      if (page.results.length > 0) yield page.results.map((record) => record.source);
      if (page.results.length < REBUILD_BATCH) return;
    }
  }

  /** Whether a rebuild is running: its index exists and carries our settings. */
  private async rebuildRunning(): Promise<boolean> {
    try {
      const filterable = await this.client.index(this.buildUid).getFilterableAttributes();
      return filterable !== null && filterable.length > 0;
    } catch (error) {
      if (isIndexNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * The index being rebuilt, if a rebuild is running, then the live one. A rebuild's index counts
   * once it carries our settings (one a write re-created after a swap has none and is ignored).
   * Written in this order, a change reaches the live index whether or not the swap comes between.
   */
  private async writeTargets(): Promise<string[]> {
    return (await this.rebuildRunning()) ? [this.buildUid, this.uid] : [this.uid];
  }

  /** Drops documents older than the version already indexed (Meilisearch has no conditional write). */
  private async newerThanIndexed(uid: string, documents: readonly SearchDocument[]): Promise<SearchDocument[]> {
    const ids = documents.map((doc) => doc.id);
    const existing = await this.client
      .index<MeiliRecord>(uid)
      .getDocuments<MeiliRecord>({ ids, fields: ['id', 'updatedAtMs'], limit: ids.length });
    const indexed = new Map(existing.results.map((record) => [record.id, record.updatedAtMs]));
    return documents.filter((doc) => new Date(doc.updatedAt).getTime() >= (indexed.get(doc.id) ?? -Infinity));
  }

  /** Deletes an index; one that does not exist (the task fails with index_not_found) is fine. */
  private async deleteIndex(uid: string): Promise<void> {
    try {
      await this.run(this.client.deleteIndex(uid));
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
    }
  }

  private run(enqueued: EnqueuedTaskPromise, timeoutMs = this.taskTimeoutMs): Promise<Task> {
    return settled(enqueued, timeoutMs);
  }
}

type PagedSearch = SearchParams & { page: number; hitsPerPage: number };

/**
 * The request this adapter sends to the engine for a query (also what the search benchmark sends
 * straight to the engine, to compare the api with the engine itself).
 */
export function searchRequest(query: SearchQuery): {
  q: string;
  params: PagedSearch;
  analysed: AnalysedQuery | null;
} {
  const { page, limit } = paging(query);
  const text = query.text?.trim() ?? '';
  const analysed = text === '' ? null : analyseQuery(text);
  const long = analysed !== null && analysed.words.length > MAX_QUERY_WORDS;
  const q =
    analysed === null ? '' : long ? keywordsOf(analysed.normalised, MAX_QUERY_WORDS).join(' ') : analysed.normalised;
  const params: PagedSearch = {
    filter: filterExpression(query.filters ?? {}),
    facets: (query.facets ?? []).map((facet) => FACET_ATTRIBUTES[facet]),
    page,
    hitsPerPage: limit,
    attributesToRetrieve: ['source'],
    showRankingScore: true,
    matchingStrategy: long ? 'frequency' : 'last',
    sort: analysed === null ? ['updatedAtMs:desc'] : undefined,
  };
  return { q, params, analysed };
}

/** The engine's answer to one search, as the port's result (highlights made here, not by the engine). */
function toResult(
  query: SearchQuery,
  analysed: AnalysedQuery | null,
  response: SearchResponse<MeiliRecord>,
): SearchResult {
  const { page, limit } = paging(query);
  const terms = analysed?.highlightTerms ?? [];
  const snippetLength = query.snippetLength ?? DEFAULT_SNIPPET_LENGTH;
  const hits = response.hits.map((hit): SearchHit => {
    const doc = hit.source;
    const summary = doc.summary ? highlight(doc.summary, terms, { maxLength: snippetLength }) : undefined;
    return {
      id: doc.id,
      kind: doc.kind,
      score: hit._rankingScore ?? 0,
      document: doc,
      highlights: { title: highlight(doc.title, terms), ...(summary ? { summary } : {}) },
    };
  });
  return {
    hits,
    total: response.totalHits ?? 0,
    page,
    limit,
    facets: facetCounts(query.facets ?? [], response.facetDistribution ?? {}),
  };
}

function facetCounts(facets: readonly FacetName[], distribution: Record<string, Record<string, number>>) {
  const counts: Partial<Record<FacetName, FacetCount[]>> = {};
  for (const facet of facets) {
    counts[facet] = Object.entries(distribution[FACET_ATTRIBUTES[facet]] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return counts;
}
