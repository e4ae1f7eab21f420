import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError } from '../../errors/domain-errors';
import { documentText, storedDocument } from '../document-text';
import type {
  SearchDocument,
  SearchHealth,
  SearchHit,
  SearchKind,
  SearchQuery,
  SearchResult,
} from '../search-document';
import { SearchIndex, type DocumentSource, type IndexedVersion } from '../search-index';
import { analyseDocument, analyseQuery, type DocumentTerms } from '../text/analyser';
import { highlight } from '../text/highlight';
import { normalise } from '../text/normalise';
import { assertValidDocuments, assertValidIds, paging } from '../validation';
import {
  attachTables,
  createDetachedTables,
  documentTable,
  dropTables,
  indexDetachedTables,
  postingTable,
  vacuumDetachedTables,
} from './generation-tables';
import { planText } from './query-plan';
import { FUZZY_MAX_QUERY_LENGTH, FUZZY_THRESHOLD, searchStatement, type TextSearch } from './search-sql';

interface State {
  live: number;
  building: number | null;
}

/** Snippet length of summaries in hits, in characters. */
const DEFAULT_SNIPPET_LENGTH = 120;

/** Documents per load statement when rebuilding (postings are about 200 rows per document). */
const LOAD_BATCH = 500;

/** Memory a search may use for sorting and hashing postings (the server default is 4 MB). */
const SEARCH_WORK_MEM = '32MB';

/** Memory for building a rebuilt generation's indexes and counting its terms. */
const REBUILD_WORK_MEM = '256MB';

/** Documents per page when listing indexed versions for reconciliation. */
const VERSIONS_PAGE = 5_000;

/** PostgreSQL's code for a table that does not exist: a rebuild dropped the generation just read. */
const UNDEFINED_TABLE = '42P01';

/**
 * The default search adapter: an inverted index in PostgreSQL, ranked by BM25 in SQL with
 * corpus statistics kept beside it, filtered on indexed columns, with typo tolerance on short
 * queries through pg_trgm.
 *
 * The index lives in generations (see generation-tables.ts). Writes go to the live one;
 * while a rebuild loads the next, they are also logged in `search_pending` and replayed into
 * it when it is swapped in, so nothing written during a rebuild is lost.
 */
export class PostgresSearchIndex extends SearchIndex {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    assertValidDocuments(documents);
    if (documents.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const state = await this.state(manager, 'FOR SHARE');
      await this.write(manager, state.live, documents);
      if (state.building !== null) {
        await manager.query(
          `INSERT INTO search_pending (generation, document_id, document)
           SELECT $1, d.id, d.document FROM jsonb_to_recordset($2::jsonb) AS d(id varchar, document jsonb)`,
          [state.building, JSON.stringify(documents.map((doc) => ({ id: doc.id, document: doc })))],
        );
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    assertValidIds(ids);
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const state = await this.state(manager, 'FOR SHARE');
      await this.erase(manager, state.live, ids);
      if (state.building !== null) {
        await manager.query(
          `INSERT INTO search_pending (generation, document_id) SELECT $1, id FROM unnest($2::text[]) AS id`,
          [state.building, ids],
        );
      }
    });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { page, limit, offset } = paging(query);
    const text = query.text?.trim() ?? '';
    const analysed = text === '' ? null : analyseQuery(text);
    if (analysed && analysed.terms.length === 0) return { hits: [], total: 0, page, limit, facets: {} };
    let row: RawResult | undefined;
    for (let attempt = 1; row === undefined; attempt += 1) {
      try {
        row = await this.dataSource.transaction(async (manager) => {
          const corpus = await this.corpus(manager, analysed?.terms.map((t) => t.term) ?? []);
          let textSearch: TextSearch | null = null;
          if (analysed) {
            const plan = planText(analysed.terms, new Map(Object.entries(corpus.frequencies)), corpus);
            const short = analysed.normalised.length <= FUZZY_MAX_QUERY_LENGTH;
            textSearch = { plan, fuzzyText: short ? analysed.normalised : null };
          }
          await manager.query(
            `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true), set_config('work_mem', $2, true)`,
            [String(FUZZY_THRESHOLD), SEARCH_WORK_MEM],
          );
          const statement = searchStatement(corpus.generation, textSearch, query.filters ?? {}, query.facets ?? [], {
            limit,
            offset,
          });
          const rows: RawResult[] = await manager.query(statement.sql, statement.params);
          return rows[0];
        });
      } catch (error) {
        // A rebuild swapped generations between reading the live one and reading its tables.
        if (attempt < 2 && (error as { code?: string }).code === UNDEFINED_TABLE) continue;
        throw error;
      }
    }
    const terms = analysed?.highlightTerms ?? [];
    const snippetLength = query.snippetLength ?? DEFAULT_SNIPPET_LENGTH;
    return {
      hits: row.hits.map((hit) => toHit(hit, terms, snippetLength)),
      total: row.total,
      page,
      limit,
      facets: row.facets ?? {},
    };
  }

  async searchMany(queries: readonly SearchQuery[]): Promise<SearchResult[]> {
    const results: SearchResult[] = [];
    for (const query of queries) results.push(await this.search(query));
    return results;
  }

  async count(): Promise<number> {
    const [{ live }]: Array<{ live: number }> = await this.dataSource.query(
      `SELECT live_generation AS live FROM search_state WHERE id = 1`,
    );
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${documentTable(live)}`,
    );
    return rows[0].n;
  }

  async *versions(kind: SearchKind): AsyncGenerator<IndexedVersion[]> {
    let after = '';
    for (;;) {
      const [{ live }]: Array<{ live: number }> = await this.dataSource.query(
        `SELECT live_generation AS live FROM search_state WHERE id = 1`,
      );
      const rows: Array<{ id: string; ms: string }> = await this.dataSource.query(
        `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint AS ms FROM ${documentTable(live)}
          WHERE kind = $1 AND id > $2 ORDER BY id LIMIT ${VERSIONS_PAGE}`,
        [kind, after],
      );
      if (rows.length > 0) yield rows.map((row) => ({ id: row.id, updatedAtMs: Number(row.ms) }));
      if (rows.length < VERSIONS_PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }

  async clear(): Promise<void> {
    const building = await this.dataSource.transaction(async (manager) => {
      const state = await this.state(manager, 'FOR UPDATE');
      await manager.query(`TRUNCATE ${postingTable(state.live)}, ${documentTable(state.live)}`);
      await manager.query(`DELETE FROM search_term WHERE generation = $1`, [state.live]);
      await manager.query(`DELETE FROM search_stats WHERE generation = $1`, [state.live]);
      await manager.query(`UPDATE search_state SET building_generation = NULL WHERE id = 1`);
      return state.building;
    });
    if (building !== null) await this.dropGeneration(building);
  }

  async rebuild(source: DocumentSource): Promise<{ documents: number }> {
    const generation = await this.startBuilding();
    let documents = 0;
    // The part being written while the next is analysed; settled before a failed build is dropped.
    let loading: Promise<void> = Promise.resolve();
    try {
      const seen = new Set<string>();
      for await (const batch of source) {
        assertValidDocuments(batch);
        for (const doc of batch) {
          if (seen.has(doc.id)) throw new Error(`search rebuild source yielded ${doc.id} twice`);
          seen.add(doc.id);
        }
        for (let i = 0; i < batch.length; i += LOAD_BATCH) {
          // Analyse the next part while the previous one is written.
          const part = analyse(batch.slice(i, i + LOAD_BATCH));
          await loading;
          await this.assertStillBuilding(this.dataSource.manager, generation, '');
          loading = this.load(generation, part);
        }
        documents += batch.length;
      }
      await loading;
      await this.maintenance(async (manager) => {
        for (const statement of indexDetachedTables(generation)) await manager.query(statement);
      });
      await this.vacuum(generation);
      await this.maintenance(async (manager) => {
        await manager.query(
          `INSERT INTO search_stats (generation, documents, total_length)
           SELECT $1, count(*), coalesce(sum(term_length), 0) FROM ${documentTable(generation)}`,
          [generation],
        );
        await manager.query(
          `INSERT INTO search_term (generation, term, df)
           SELECT $1, term, count(*) FROM ${postingTable(generation)} GROUP BY term`,
          [generation],
        );
      });
      const previous = await this.dataSource.transaction(async (manager) => {
        const state = await this.assertStillBuilding(manager, generation, 'FOR UPDATE');
        for (const statement of attachTables(generation)) await manager.query(statement);
        await this.replayPending(manager, generation);
        await manager.query(`UPDATE search_state SET live_generation = $1, building_generation = NULL WHERE id = 1`, [
          generation,
        ]);
        return state.live;
      });
      await this.dropGeneration(previous);
      return { documents };
    } catch (error) {
      // A part still being written would otherwise fail against the tables dropped below.
      await loading.catch(() => undefined);
      await this.abandon(generation);
      throw error;
    }
  }

  async health(): Promise<SearchHealth> {
    try {
      return { adapter: 'postgres', ok: true, documents: await this.count() };
    } catch (error) {
      return { adapter: 'postgres', ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Runs bulk work on a loaded generation (index builds, statistics) in one transaction,
   * free of the statement timeout that guards requests and with memory to sort in.
   */
  private async maintenance(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT set_config('statement_timeout', '0', true), set_config('maintenance_work_mem', $1, true),
                set_config('work_mem', $1, true)`,
        [REBUILD_WORK_MEM],
      );
      await work(manager);
    });
  }

  private async vacuum(generation: number): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SET statement_timeout = 0`);
      for (const statement of vacuumDetachedTables(generation)) await runner.query(statement);
    } finally {
      await runner.query(`RESET statement_timeout`).catch(() => undefined);
      await runner.release();
    }
  }

  private async state(manager: EntityManager, lock: 'FOR SHARE' | 'FOR UPDATE' | ''): Promise<State> {
    const rows: Array<{ live: number; building: number | null }> = await manager.query(
      `SELECT live_generation AS live, building_generation AS building FROM search_state WHERE id = 1 ${lock}`,
    );
    if (rows.length === 0) throw new Error('search_state has no row: run the migrations');
    return rows[0];
  }

  /** The live generation, its size and average length, and how many documents hold each term. */
  private async corpus(manager: EntityManager, terms: readonly string[]): Promise<Corpus> {
    const rows: Corpus[] = await manager.query(
      `SELECT s.live_generation AS generation,
              coalesce(st.documents, 0)::int AS documents,
              coalesce(st.total_length, 0)::float8 AS "totalLength",
              coalesce((SELECT json_object_agg(t.term, t.df) FROM search_term t
                         WHERE t.generation = s.live_generation AND t.term = ANY($1::text[]) AND t.df > 0), '{}') AS frequencies
       FROM search_state s LEFT JOIN search_stats st ON st.generation = s.live_generation
       WHERE s.id = 1`,
      [terms],
    );
    if (rows.length === 0) throw new Error('search_state has no row: run the migrations');
    return rows[0];
  }

  private async assertStillBuilding(
    manager: EntityManager,
    generation: number,
    lock: 'FOR SHARE' | 'FOR UPDATE' | '',
  ): Promise<State> {
    const state = await this.state(manager, lock);
    if (state.building !== generation)
      throw new ConflictError(`search rebuild of generation ${generation} was superseded`);
    return state;
  }

  /**
   * Claims the next generation for a rebuild and creates its tables, discarding whatever a
   * crashed or older rebuild left behind.
   */
  private async startBuilding(): Promise<number> {
    const { generation, stale } = await this.dataSource.transaction(async (manager) => {
      const state = await this.state(manager, 'FOR UPDATE');
      const leftovers: Array<{ generation: number }> = await manager.query(
        `SELECT DISTINCT substring(relname FROM '_g([0-9]+)$')::int AS generation FROM pg_class
         WHERE relname ~ '^search_(document|posting)_g[0-9]+$' AND relkind IN ('r', 'p')`,
      );
      const others = leftovers.map((row) => row.generation).filter((g) => g !== state.live);
      const next = Math.max(state.live, state.building ?? 0, ...others) + 1;
      await manager.query(`UPDATE search_state SET building_generation = $1 WHERE id = 1`, [next]);
      return { generation: next, stale: others };
    });
    for (const old of stale) await this.dropGeneration(old);
    for (const statement of createDetachedTables(generation)) await this.dataSource.query(statement);
    return generation;
  }

  private async abandon(generation: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE search_state SET building_generation = NULL WHERE id = 1 AND building_generation = $1`,
      [generation],
    );
    const [{ live }]: Array<{ live: number }> = await this.dataSource.query(
      `SELECT live_generation AS live FROM search_state WHERE id = 1`,
    );
    if (live !== generation) await this.dropGeneration(generation);
  }

  private async dropGeneration(generation: number): Promise<void> {
    for (const statement of dropTables(generation)) await this.dataSource.query(statement);
  }

  /** Writes analysed documents into a detached generation being rebuilt (no conflicts: ids are unique). */
  private async load(generation: number, part: Analysed[]): Promise<void> {
    const postings = postingRows(part);
    await this.dataSource.query(
      `INSERT INTO ${documentTable(generation)} (${DOCUMENT_COLUMNS}, indexed_at)
       SELECT $1, ${RECORD_COLUMNS}, now() FROM jsonb_to_recordset($2::jsonb) AS r(${RECORD_TYPES})`,
      [generation, JSON.stringify(part.map((a) => a.row))],
    );
    await this.dataSource.query(
      `INSERT INTO ${postingTable(generation)} (generation, term, document_id, frequency, document_length)
       SELECT $1, t.term, t.document_id, t.frequency, t.document_length
       FROM unnest($2::text[], $3::text[], $4::real[], $5::real[]) AS t(term, document_id, frequency, document_length)`,
      [generation, postings.terms, postings.documentIds, postings.frequencies, postings.lengths],
    );
  }

  /** Applies what was written while a rebuild loaded, in order, to the generation it built. */
  private async replayPending(manager: EntityManager, generation: number): Promise<void> {
    const pending = await deleteReturning<{ seq: string; id: string; document: SearchDocument | null }>(
      manager,
      `DELETE FROM search_pending WHERE generation = $1 RETURNING seq, document_id AS id, document`,
      [generation],
    );
    pending.sort((a, b) => Number(a.seq) - Number(b.seq));
    for (const entry of pending) {
      if (entry.document) await this.write(manager, generation, [entry.document]);
      else await this.erase(manager, generation, [entry.id]);
    }
  }

  /**
   * Writes documents into one attached generation: rows first (skipping versions older than
   * the indexed one), then their postings, then the change in corpus statistics.
   */
  private async write(manager: EntityManager, generation: number, documents: readonly SearchDocument[]): Promise<void> {
    const analysed = analyse(documents);
    const ids = analysed.map((a) => a.row.id);
    const previous: Array<{ id: string; term_length: number }> = await manager.query(
      `SELECT id, term_length FROM ${documentTable(generation)} WHERE generation = ${generation} AND id = ANY($1::text[])
       ORDER BY id FOR UPDATE`,
      [ids],
    );
    const written: Array<{ id: string }> = await manager.query(
      `INSERT INTO ${documentTable(generation)} AS d (${DOCUMENT_COLUMNS}, indexed_at)
       SELECT $1, ${RECORD_COLUMNS}, now() FROM jsonb_to_recordset($2::jsonb) AS r(${RECORD_TYPES})
       ORDER BY r.id
       ON CONFLICT (generation, id) DO UPDATE SET ${UPDATE_COLUMNS}, indexed_at = now()
       WHERE d.updated_at <= excluded.updated_at
       RETURNING id`,
      [generation, JSON.stringify(analysed.map((a) => a.row))],
    );
    if (written.length === 0) return;
    const writtenIds = new Set(written.map((row) => row.id));
    const removed = await deleteReturning<{ term: string }>(
      manager,
      `DELETE FROM ${postingTable(generation)} WHERE generation = ${generation} AND document_id = ANY($1::text[]) RETURNING term`,
      [[...writtenIds]],
    );
    const fresh = analysed.filter((a) => writtenIds.has(a.row.id));
    const postings = postingRows(fresh);
    await manager.query(
      `INSERT INTO ${postingTable(generation)} (generation, term, document_id, frequency, document_length)
       SELECT $1, t.term, t.document_id, t.frequency, t.document_length
       FROM unnest($2::text[], $3::text[], $4::real[], $5::real[]) AS t(term, document_id, frequency, document_length)`,
      [generation, postings.terms, postings.documentIds, postings.frequencies, postings.lengths],
    );
    const df = new Map<string, number>();
    for (const { term } of removed) df.set(term, (df.get(term) ?? 0) - 1);
    for (const term of postings.terms) df.set(term, (df.get(term) ?? 0) + 1);
    const before = previous.filter((row) => writtenIds.has(row.id));
    await this.changeStats(manager, generation, df, {
      documents: fresh.length - before.length,
      length: sum(fresh.map((a) => a.terms.length)) - sum(before.map((row) => Number(row.term_length))),
    });
  }

  /** Removes documents from one attached generation, with their postings and statistics. */
  private async erase(manager: EntityManager, generation: number, ids: readonly string[]): Promise<void> {
    const gone = await deleteReturning<{ term_length: number }>(
      manager,
      `DELETE FROM ${documentTable(generation)} WHERE generation = ${generation} AND id = ANY($1::text[]) RETURNING term_length`,
      [ids],
    );
    if (gone.length === 0) return;
    const removed = await deleteReturning<{ term: string }>(
      manager,
      `DELETE FROM ${postingTable(generation)} WHERE generation = ${generation} AND document_id = ANY($1::text[]) RETURNING term`,
      [ids],
    );
    const df = new Map<string, number>();
    for (const { term } of removed) df.set(term, (df.get(term) ?? 0) - 1);
    await this.changeStats(manager, generation, df, {
      documents: -gone.length,
      length: -sum(gone.map((row) => Number(row.term_length))),
    });
  }

  /** Adds changes to the document frequencies (in term order, so writers never deadlock) and totals. */
  private async changeStats(
    manager: EntityManager,
    generation: number,
    df: ReadonlyMap<string, number>,
    totals: { documents: number; length: number },
  ): Promise<void> {
    const changed = [...df].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length > 0) {
      await manager.query(
        `INSERT INTO search_term AS t (generation, term, df)
         SELECT $1, c.term, c.delta FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS c(term, delta, n) ORDER BY c.n
         ON CONFLICT (generation, term) DO UPDATE SET df = t.df + excluded.df`,
        [generation, changed.map(([term]) => term), changed.map(([, delta]) => delta)],
      );
    }
    if (totals.documents !== 0 || totals.length !== 0) {
      await manager.query(
        `INSERT INTO search_stats AS s (generation, documents, total_length) VALUES ($1, $2, $3)
         ON CONFLICT (generation) DO UPDATE
         SET documents = s.documents + excluded.documents, total_length = s.total_length + excluded.total_length`,
        [generation, totals.documents, totals.length],
      );
    }
  }
}

interface Corpus {
  generation: number;
  documents: number;
  totalLength: number;
  frequencies: Record<string, number>;
}

interface RawResult {
  total: number;
  hits: RawHit[];
  facets: SearchResult['facets'];
}

interface Analysed {
  row: ReturnType<typeof toRow>;
  terms: DocumentTerms;
}

/** Analyses documents in id order (the order rows are locked in). */
function analyse(documents: readonly SearchDocument[]): Analysed[] {
  return [...documents]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((doc) => {
      const terms = analyseDocument(documentText(doc));
      return { row: toRow(doc, terms.length), terms };
    });
}

function postingRows(documents: readonly Analysed[]) {
  const terms: string[] = [];
  const documentIds: string[] = [];
  const frequencies: number[] = [];
  const lengths: number[] = [];
  for (const { row, terms: analysed } of documents) {
    for (const [term, frequency] of analysed.frequencies) {
      terms.push(term);
      documentIds.push(row.id);
      frequencies.push(frequency);
      lengths.push(analysed.length);
    }
  }
  return { terms, documentIds, frequencies, lengths };
}

/** Rows of a DELETE … RETURNING (TypeORM answers DELETE with [rows, count]). */
async function deleteReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = await manager.query<[T[], number]>(sql, parameters);
  return rows;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Columns of a document row as sent in a JSON array (see toRow), in table order after generation. */
const RECORD = [
  ['id', 'varchar'],
  ['kind', 'varchar'],
  ['owner_org_id', 'varchar'],
  ['title_normalised', 'text'],
  ['field_codes', 'varchar[]'],
  ['region_codes', 'varchar[]'],
  ['maturity', 'varchar'],
  ['ip_types', 'varchar[]'],
  ['transfer_modes', 'varchar[]'],
  ['institution', 'varchar'],
  ['amount_min', 'bigint'],
  ['amount_max', 'bigint'],
  ['status', 'varchar'],
  ['visibility', 'varchar'],
  ['term_length', 'real'],
  ['document', 'jsonb'],
  ['updated_at', 'timestamptz'],
] as const;

const DOCUMENT_COLUMNS = ['generation', ...RECORD.map(([name]) => name)].join(', ');
const RECORD_COLUMNS = RECORD.map(([name]) => `r.${name}`).join(', ');
const RECORD_TYPES = RECORD.map(([name, type]) => `${name} ${type}`).join(', ');
/** On a newer version, every column but the key is replaced. */
const UPDATE_COLUMNS = RECORD.filter(([name]) => name !== 'id')
  .map(([name]) => `${name} = excluded.${name}`)
  .join(', ');

interface RawHit {
  id: string;
  score: number;
  document: SearchDocument;
}

function toHit(raw: RawHit, terms: readonly string[], snippetLength: number): SearchHit {
  const doc = raw.document;
  const summary = doc.summary ? highlight(doc.summary, terms, { maxLength: snippetLength }) : undefined;
  return {
    id: raw.id,
    kind: doc.kind,
    score: raw.score,
    document: doc,
    highlights: { title: highlight(doc.title, terms), ...(summary ? { summary } : {}) },
  };
}

function toRow(doc: SearchDocument, termLength: number) {
  const stored = storedDocument(doc);
  return {
    id: doc.id,
    kind: doc.kind,
    owner_org_id: doc.ownerOrgId,
    title_normalised: normalise(doc.title),
    field_codes: stored.fieldCodes,
    region_codes: stored.regionCodes,
    maturity: stored.maturity,
    ip_types: stored.ipTypes,
    transfer_modes: stored.transferModes,
    institution: stored.institution,
    amount_min: stored.amount?.min ?? null,
    amount_max: stored.amount?.max ?? null,
    status: doc.status,
    visibility: doc.visibility,
    term_length: termLength,
    document: stored,
    updated_at: stored.updatedAt,
  };
}
