import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError } from '../../errors/domain-errors';
import { documentText, storedDocument } from '../document-text';
import type { SearchDocument, SearchHealth, SearchHit, SearchQuery, SearchResult } from '../search-document';
import { SearchIndex, type DocumentSource } from '../search-index';
import { analyseDocument, analyseQuery } from '../text/analyser';
import { highlight } from '../text/highlight';
import { normalise } from '../text/normalise';
import { assertValidDocuments, assertValidIds, paging } from '../validation';
import {
  FUZZY_MAX_QUERY_LENGTH,
  FUZZY_THRESHOLD,
  LONG_QUERY_TERMS,
  searchStatement,
  type TextPlan,
} from './search-sql';

interface State {
  live: number;
  building: number | null;
}

/** Snippet length of summaries in hits, in characters. */
const DEFAULT_SNIPPET_LENGTH = 120;

/** Documents per write statement when rebuilding (postings are about 300 rows per document). */
const WRITE_BATCH = 200;

/**
 * The default search adapter: an inverted index in PostgreSQL, ranked by BM25 computed in
 * SQL, filtered on indexed columns, with typo tolerance on short queries through pg_trgm.
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
      for (const generation of [state.live, state.building]) {
        if (generation !== null) await this.write(manager, generation, documents);
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    assertValidIds(ids);
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await this.state(manager, 'FOR SHARE');
      await manager.query(`DELETE FROM search_posting WHERE document_id = ANY($1::text[])`, [ids]);
      await manager.query(`DELETE FROM search_document WHERE id = ANY($1::text[])`, [ids]);
    });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { page, limit, offset } = paging(query);
    const text = query.text?.trim() ?? '';
    const analysed = text === '' ? null : analyseQuery(text);
    let plan: TextPlan | null = null;
    if (analysed) {
      if (analysed.terms.length === 0) return { hits: [], total: 0, page, limit, facets: {} };
      const short = analysed.normalised.length <= FUZZY_MAX_QUERY_LENGTH;
      plan = {
        terms: analysed.terms.map((t) => t.term),
        selects: analysed.terms.map((t) => t.selects),
        pruneCommonTerms: analysed.terms.length > LONG_QUERY_TERMS,
        fuzzyText: short ? analysed.normalised : null,
      };
    }
    const statement = searchStatement(plan, query.filters ?? {}, query.facets ?? [], { limit, offset });
    const row = await this.dataSource.transaction(async (manager) => {
      if (plan?.fuzzyText) {
        await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
          String(FUZZY_THRESHOLD),
        ]);
      }
      const rows: Array<{ total: number; hits: RawHit[]; facets: SearchResult['facets'] }> = await manager.query(
        statement.sql,
        statement.params,
      );
      return rows[0];
    });
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

  async count(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM search_document d JOIN search_state s ON s.id = 1 AND d.generation = s.live_generation`,
    );
    return rows[0].n;
  }

  async clear(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.state(manager, 'FOR UPDATE');
      await manager.query(`DELETE FROM search_posting`);
      await manager.query(`DELETE FROM search_document`);
      await manager.query(`UPDATE search_state SET building_generation = NULL WHERE id = 1`);
    });
  }

  async rebuild(source: DocumentSource): Promise<{ documents: number }> {
    const generation = await this.startBuilding();
    let documents = 0;
    try {
      for await (const batch of source) {
        assertValidDocuments(batch);
        for (let i = 0; i < batch.length; i += WRITE_BATCH) {
          const part = batch.slice(i, i + WRITE_BATCH);
          await this.dataSource.transaction(async (manager) => {
            await this.assertStillBuilding(manager, generation, 'FOR SHARE');
            await this.write(manager, generation, part);
          });
        }
        documents += batch.length;
      }
      const previous = await this.dataSource.transaction(async (manager) => {
        const state = await this.assertStillBuilding(manager, generation, 'FOR UPDATE');
        await manager.query(`UPDATE search_state SET live_generation = $1, building_generation = NULL WHERE id = 1`, [
          generation,
        ]);
        return state.live;
      });
      await this.dropGeneration(previous);
      return { documents };
    } catch (error) {
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

  private async state(manager: EntityManager, lock: 'FOR SHARE' | 'FOR UPDATE'): Promise<State> {
    const rows: Array<{ live: number; building: number | null }> = await manager.query(
      `SELECT live_generation AS live, building_generation AS building FROM search_state WHERE id = 1 ${lock}`,
    );
    if (rows.length === 0) throw new Error('search_state has no row: run the migrations');
    return rows[0];
  }

  private async assertStillBuilding(
    manager: EntityManager,
    generation: number,
    lock: 'FOR SHARE' | 'FOR UPDATE',
  ): Promise<State> {
    const state = await this.state(manager, lock);
    if (state.building !== generation)
      throw new ConflictError(`search rebuild of generation ${generation} was superseded`);
    return state;
  }

  /** Claims the next generation for a rebuild, discarding what a crashed or older rebuild left. */
  private async startBuilding(): Promise<number> {
    const { generation, stale } = await this.dataSource.transaction(async (manager) => {
      const state = await this.state(manager, 'FOR UPDATE');
      const next = Math.max(state.live, state.building ?? 0) + 1;
      await manager.query(`UPDATE search_state SET building_generation = $1 WHERE id = 1`, [next]);
      return { generation: next, stale: state.building };
    });
    if (stale !== null) await this.dropGeneration(stale);
    return generation;
  }

  private async abandon(generation: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE search_state SET building_generation = NULL WHERE id = 1 AND building_generation = $1`,
        [generation],
      );
    });
    await this.dropGeneration(generation);
  }

  private async dropGeneration(generation: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM search_posting WHERE generation = $1`, [generation]);
    await this.dataSource.query(`DELETE FROM search_document WHERE generation = $1`, [generation]);
  }

  /** Writes documents into one generation: rows first (skipping stale versions), then their postings. */
  private async write(manager: EntityManager, generation: number, documents: readonly SearchDocument[]): Promise<void> {
    const sorted = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const analysed = new Map(sorted.map((doc) => [doc.id, analyseDocument(documentText(doc))]));
    const rows = sorted.map((doc) => toRow(doc, analysed.get(doc.id)!.length));
    const written: Array<{ id: string }> = await manager.query(UPSERT_DOCUMENTS, [generation, JSON.stringify(rows)]);
    if (written.length === 0) return;
    const ids = written.map((row) => row.id);
    await manager.query(`DELETE FROM search_posting WHERE generation = $1 AND document_id = ANY($2::text[])`, [
      generation,
      ids,
    ]);
    const terms: string[] = [];
    const documentIds: string[] = [];
    const frequencies: number[] = [];
    const lengths: number[] = [];
    for (const id of ids) {
      const { frequencies: byTerm, length } = analysed.get(id)!;
      for (const [term, frequency] of byTerm) {
        terms.push(term);
        documentIds.push(id);
        frequencies.push(frequency);
        lengths.push(length);
      }
    }
    await manager.query(
      `INSERT INTO search_posting (generation, term, document_id, frequency, document_length)
       SELECT $1, t.term, t.document_id, t.frequency, t.document_length
       FROM unnest($2::text[], $3::text[], $4::real[], $5::real[]) AS t(term, document_id, frequency, document_length)`,
      [generation, terms, documentIds, frequencies, lengths],
    );
  }
}

/**
 * Inserts or replaces document rows from a JSON array; a row whose indexed version is newer
 * than the one sent is left alone. Returns the ids actually written.
 */
const UPSERT_DOCUMENTS = `
  INSERT INTO search_document (generation, id, kind, owner_org_id, title_normalised, field_codes, region_codes, maturity,
    ip_types, transfer_modes, institution, amount_min, amount_max, status, visibility, term_length, document, updated_at, indexed_at)
  SELECT $1, r.id, r.kind, r.owner_org_id, r.title_normalised, r.field_codes, r.region_codes, r.maturity,
    r.ip_types, r.transfer_modes, r.institution, r.amount_min, r.amount_max, r.status, r.visibility, r.term_length,
    r.document, r.updated_at, now()
  FROM jsonb_to_recordset($2::jsonb) AS r(id varchar, kind varchar, owner_org_id varchar, title_normalised text,
    field_codes varchar[], region_codes varchar[], maturity varchar, ip_types varchar[], transfer_modes varchar[],
    institution varchar, amount_min bigint, amount_max bigint, status varchar, visibility varchar, term_length real,
    document jsonb, updated_at timestamptz)
  ON CONFLICT (generation, id) DO UPDATE SET
    kind = excluded.kind, owner_org_id = excluded.owner_org_id, title_normalised = excluded.title_normalised,
    field_codes = excluded.field_codes, region_codes = excluded.region_codes, maturity = excluded.maturity,
    ip_types = excluded.ip_types, transfer_modes = excluded.transfer_modes, institution = excluded.institution,
    amount_min = excluded.amount_min, amount_max = excluded.amount_max, status = excluded.status,
    visibility = excluded.visibility, term_length = excluded.term_length, document = excluded.document,
    updated_at = excluded.updated_at, indexed_at = now()
  WHERE search_document.updated_at <= excluded.updated_at
  RETURNING id`;

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
