import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTaskPromise,
  type IndexSwap,
  type MultiSearchParams,
  type SearchParams,
  type SearchResponse,
  type Task,
} from 'meilisearch';
import { ServiceUnavailableError } from '../../errors/domain-errors';
import type {
  FacetCount,
  FacetName,
  SearchDocument,
  SearchHealth,
  SearchHit,
  SearchQuery,
  SearchResult,
} from '../search-document';
import { SearchIndex, type DocumentSource } from '../search-index';
import { analyseQuery } from '../text/analyser';
import { highlight } from '../text/highlight';
import { keywordsOf } from '../text/segmenter';
import { assertValidDocuments, assertValidIds, paging } from '../validation';
import { FACET_ATTRIBUTES, filterExpression, indexSettings, toRecord, type MeiliRecord } from './meilisearch-schema';

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
const BATCH = 500;

export class MeilisearchTaskError extends Error {}

function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

/**
 * The Meilisearch adapter (MEILI_HOST set). Settings are applied before the first use in a
 * process; every write waits for its task and a failed task is thrown, never ignored.
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
    await this.ensureReady();
    for (const uid of await this.writeTargets()) {
      const fresh = await this.newerThanIndexed(uid, documents);
      if (fresh.length > 0)
        await this.run(this.client.index<MeiliRecord>(uid).addDocuments(fresh.map(toRecord), { primaryKey: 'id' }));
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    assertValidIds(ids);
    if (ids.length === 0) return;
    await this.ensureReady();
    for (const uid of await this.writeTargets()) await this.run(this.client.index(uid).deleteDocuments([...ids]));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    try {
      return await this.answer(query);
    } catch (error) {
      throw unreachable(error);
    }
  }

  async searchMany(queries: readonly SearchQuery[]): Promise<SearchResult[]> {
    if (queries.length === 0) return [];
    try {
      await this.ensureReady();
      const requests = queries.map(request);
      const response = await this.client.multiSearch<MultiSearchParams, MeiliRecord>({
        queries: requests.map((r) => ({ indexUid: this.uid, ...r.params })),
      });
      return response.results.map((result, i) => toResult(requests[i], result));
    } catch (error) {
      throw unreachable(error);
    }
  }

  private async answer(query: SearchQuery): Promise<SearchResult> {
    await this.ensureReady();
    const prepared = request(query);
    const { q, ...params } = prepared.params;
    const response = await this.client.index<MeiliRecord>(this.uid).search(q, params);
    return toResult(prepared, response);
  }

  async count(): Promise<number> {
    await this.ensureReady();
    return (await this.client.index(this.uid).getStats()).numberOfDocuments;
  }

  async clear(): Promise<void> {
    await this.ensureReady();
    await this.run(this.client.index(this.uid).deleteAllDocuments());
  }

  async rebuild(source: DocumentSource): Promise<{ documents: number }> {
    await this.ensureReady();
    await this.deleteIndex(this.buildUid);
    let documents = 0;
    try {
      await this.run(this.client.createIndex(this.buildUid, { primaryKey: 'id' }));
      await this.run(this.client.index(this.buildUid).updateSettings(indexSettings()));
      for await (const batch of source) {
        assertValidDocuments(batch);
        for (let i = 0; i < batch.length; i += BATCH) {
          const records = batch.slice(i, i + BATCH).map(toRecord);
          await this.run(this.client.index<MeiliRecord>(this.buildUid).addDocuments(records, { primaryKey: 'id' }));
        }
        documents += batch.length;
      }
      // Servers before v1.18 reject the `rename` field; without it a swap is a swap everywhere.
      const swap = { indexes: [this.uid, this.buildUid] } as unknown as IndexSwap;
      await this.run(this.client.swapIndexes([swap]));
    } finally {
      // After the swap this holds the old documents; after a failure, the partial build.
      await this.deleteIndex(this.buildUid);
    }
    return { documents };
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.client.health();
      return { adapter: 'meilisearch', ok: true, documents: await this.count() };
    } catch (error) {
      return { adapter: 'meilisearch', ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Creates the index if needed and applies the settings, once per process (again after a failure). */
  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await this.client.getRawIndex(this.uid);
      } catch (error) {
        if (!isIndexNotFound(error)) throw error;
        await this.run(this.client.createIndex(this.uid, { primaryKey: 'id' }));
      }
      await this.run(this.client.index(this.uid).updateSettings(indexSettings()));
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /** The live index, and the one being rebuilt if a rebuild is running, so it misses no change. */
  private async writeTargets(): Promise<string[]> {
    try {
      await this.client.getRawIndex(this.buildUid);
      return [this.uid, this.buildUid];
    } catch (error) {
      if (isIndexNotFound(error)) return [this.uid];
      throw error;
    }
  }

  /** Drops documents older than the version already indexed (Meilisearch has no conditional write). */
  private async newerThanIndexed(uid: string, documents: readonly SearchDocument[]): Promise<SearchDocument[]> {
    const ids = documents.map((doc) => doc.id);
    const existing = await this.client.index<MeiliRecord>(uid).getDocuments({
      filter: `id IN [${ids.map((id) => JSON.stringify(id)).join(', ')}]`,
      fields: ['id', 'updatedAtMs'],
      limit: ids.length,
    });
    const indexed = new Map(existing.results.map((record) => [record.id, record.updatedAtMs]));
    return documents.filter((doc) => new Date(doc.updatedAt).getTime() >= (indexed.get(doc.id) ?? -Infinity));
  }

  private async deleteIndex(uid: string): Promise<void> {
    try {
      await this.run(this.client.deleteIndex(uid));
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
    }
  }

  /** Waits for a task and turns anything but success into an error. */
  private async run(enqueued: EnqueuedTaskPromise): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status !== 'succeeded') {
      const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
      throw new MeilisearchTaskError(
        `Meilisearch task ${task.uid} (${task.type}) on ${task.indexUid ?? '-'} ${task.status}: ${reason}`,
      );
    }
    return task;
  }
}

interface PreparedQuery {
  page: number;
  limit: number;
  facets: FacetName[];
  terms: string[];
  snippetLength: number;
  params: SearchParams & { q: string };
}

/** A query as Meilisearch search parameters (long texts keep their most informative ten words). */
function request(query: SearchQuery): PreparedQuery {
  const { page, limit } = paging(query);
  const text = query.text?.trim() ?? '';
  const analysed = text === '' ? null : analyseQuery(text);
  const long = analysed !== null && analysed.words.length > MAX_QUERY_WORDS;
  const q =
    analysed === null ? '' : long ? keywordsOf(analysed.normalised, MAX_QUERY_WORDS).join(' ') : analysed.normalised;
  const facets = query.facets ?? [];
  return {
    page,
    limit,
    facets,
    terms: analysed?.highlightTerms ?? [],
    snippetLength: query.snippetLength ?? DEFAULT_SNIPPET_LENGTH,
    params: {
      q,
      filter: filterExpression(query.filters ?? {}),
      facets: facets.map((facet) => FACET_ATTRIBUTES[facet]),
      page,
      hitsPerPage: limit,
      showRankingScore: true,
      matchingStrategy: long ? 'frequency' : 'last',
      sort: analysed === null ? ['updatedAtMs:desc'] : undefined,
    },
  };
}

function toResult(prepared: PreparedQuery, response: SearchResponse<MeiliRecord>): SearchResult {
  const { terms, snippetLength } = prepared;
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
    page: prepared.page,
    limit: prepared.limit,
    facets: facetCounts(prepared.facets, response.facetDistribution ?? {}),
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

/**
 * A request the search engine could not answer (unreachable, timed out, or failing on its side)
 * becomes a 503 for the caller; errors of ours (a bad filter, a missing index) stay as they are.
 */
function unreachable(error: unknown): unknown {
  const down =
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    (error instanceof MeilisearchApiError && (error.response?.status ?? 0) >= 500);
  if (!down) return error;
  return new ServiceUnavailableError(`search is unavailable: ${error.message}`);
}
