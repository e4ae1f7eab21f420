import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { documentText } from '../document-text';
import type { SearchDocument, SearchKind } from '../search-document';
import { analyseDocument } from '../text/analyser';

/** Corpus figures for one kind of document, as BM25 and the matcher's coverage read them. */
export interface CorpusStatistics {
  documents: number;
  averageLength: number;
  /** Documents holding each asked-for term (absent: none). */
  df: Map<string, number>;
}

interface StoredRow {
  id: string;
  terms: string[];
  length: number;
  kind: string;
  fresh: boolean;
}

/**
 * Term statistics kept by the platform itself in PostgreSQL, beside whichever search engine
 * runs: each document's distinct terms (by the shared analyser), and per kind how many
 * documents hold each term and their total length. The catalogue indexer records every
 * document it sends to the engine and forgets every one it removes, so the figures follow the
 * catalogue on both engines; the engine's own scores stay its business.
 */
@Injectable()
export class TermStatistics {
  constructor(private readonly dataSource: DataSource) {}

  /** Records documents (replacing what was recorded for them; an older version is ignored). */
  async record(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const sorted = [...documents].sort((a, b) => compare(a.id, b.id));
    const analysed = sorted.map((doc) => {
      const terms = analyseDocument(documentText(doc));
      return {
        id: doc.id,
        kind: doc.kind,
        terms: [...terms.frequencies.keys()],
        length: terms.length,
        updatedAt: new Date(doc.updatedAt).toISOString(),
      };
    });
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockRows(
        manager,
        analysed.map((a) => a.id),
        analysed.map((a) => a.kind),
      );
      // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's PostgreSQL driver.
      const [written]: [{ id: string }[], number] = await manager.query(
        `UPDATE term_stat_document d SET kind = r.kind, terms = r.terms, length = r.length, updated_at = r.updated_at
           FROM jsonb_to_recordset($1::jsonb) AS r(id varchar, kind varchar, terms text[], length real, updated_at timestamptz)
          WHERE d.id = r.id AND d.updated_at <= r.updated_at
          RETURNING d.id`,
        [JSON.stringify(analysed.map((a) => ({ ...a, updated_at: a.updatedAt })))],
      );
      const changed = new Set(written.map((row) => row.id));
      const delta = new Deltas();
      for (const old of before) if (changed.has(old.id) && !old.fresh) delta.remove(old.kind, old.terms, old.length);
      for (const now of analysed) if (changed.has(now.id)) delta.add(now.kind, now.terms, now.length);
      await delta.apply(manager);
    });
  }

  /** Forgets documents by id; unknown ids are ignored. */
  async forget(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const [gone]: [{ kind: string; terms: string[]; length: number }[], number] = await manager.query(
        `DELETE FROM term_stat_document WHERE id IN (
           SELECT id FROM term_stat_document WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE)
         RETURNING kind, terms, length`,
        [[...ids]],
      );
      const delta = new Deltas();
      for (const row of gone) if (row.length >= 0) delta.remove(row.kind, row.terms, row.length);
      await delta.apply(manager);
    });
  }

  /** The corpus of one kind, with the document frequency of the given terms. */
  async lookup(kind: SearchKind, terms: readonly string[]): Promise<CorpusStatistics> {
    const [corpus]: { documents: number; total: number }[] = await this.dataSource.query(
      `SELECT coalesce(max(documents), 0)::int AS documents, coalesce(max(total_length), 0)::float8 AS total
         FROM term_stat_corpus WHERE kind = $1`,
      [kind],
    );
    const rows: { term: string; df: number }[] =
      terms.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT term, df FROM term_stat_term WHERE kind = $1 AND term = ANY($2::text[]) AND df > 0`,
            [kind, [...new Set(terms)]],
          );
    return {
      documents: corpus.documents,
      averageLength: corpus.documents > 0 && corpus.total > 0 ? corpus.total / corpus.documents : 1,
      df: new Map(rows.map((row) => [row.term, row.df])),
    };
  }

  /** Every recorded document of a kind with its version in epoch milliseconds (for repairs). */
  async versions(kind: SearchKind): Promise<Map<string, number>> {
    const rows: { id: string; ms: string }[] = await this.dataSource.query(
      `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint AS ms FROM term_stat_document
        WHERE kind = $1 AND length >= 0`,
      [kind],
    );
    return new Map(rows.map((row) => [row.id, Number(row.ms)]));
  }

  /**
   * Locks the rows of these documents, creating empty placeholders (version −∞) for new ones
   * first, so two writers of one new document queue on its row instead of both counting it.
   */
  private async lockRows(manager: EntityManager, ids: string[], kinds: string[]): Promise<StoredRow[]> {
    await manager.query(
      `INSERT INTO term_stat_document (id, kind, terms, length, updated_at)
       SELECT id, kind, '{}', -1, '-infinity' FROM unnest($1::text[], $2::text[]) AS r(id, kind) ORDER BY id
       ON CONFLICT (id) DO NOTHING`,
      [ids, kinds],
    );
    const rows: { id: string; kind: string; terms: string[]; length: number }[] = await manager.query(
      `SELECT id, kind, terms, length FROM term_stat_document WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => ({ ...row, fresh: row.length < 0 }));
  }
}

/** Changes to the per-kind figures, applied in key order so concurrent writers never deadlock. */
class Deltas {
  private readonly df = new Map<string, number>();
  private readonly corpus = new Map<string, { documents: number; length: number }>();

  add(kind: string, terms: readonly string[], length: number): void {
    this.change(kind, terms, length, 1);
  }

  remove(kind: string, terms: readonly string[], length: number): void {
    this.change(kind, terms, length, -1);
  }

  async apply(manager: EntityManager): Promise<void> {
    const changed = [...this.df].filter(([, n]) => n !== 0).sort(([a], [b]) => compare(a, b));
    if (changed.length > 0) {
      await manager.query(
        `INSERT INTO term_stat_term AS t (kind, term, df)
         SELECT c.kind, c.term, c.delta FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS c(kind, term, delta, n)
         ORDER BY c.n
         ON CONFLICT (kind, term) DO UPDATE SET df = t.df + excluded.df`,
        [
          changed.map(([key]) => key.slice(0, key.indexOf('\u0000'))),
          changed.map(([key]) => key.slice(key.indexOf('\u0000') + 1)),
          changed.map(([, n]) => n),
        ],
      );
    }
    for (const [kind, { documents, length }] of [...this.corpus].sort(([a], [b]) => compare(a, b))) {
      if (documents === 0 && length === 0) continue;
      await manager.query(
        `INSERT INTO term_stat_corpus AS c (kind, documents, total_length) VALUES ($1, $2, $3)
         ON CONFLICT (kind) DO UPDATE
         SET documents = c.documents + excluded.documents, total_length = c.total_length + excluded.total_length`,
        [kind, documents, length],
      );
    }
  }

  private change(kind: string, terms: readonly string[], length: number, sign: 1 | -1): void {
    for (const term of terms) {
      const key = `${kind}\u0000${term}`;
      this.df.set(key, (this.df.get(key) ?? 0) + sign);
    }
    const totals = this.corpus.get(kind) ?? { documents: 0, length: 0 };
    this.corpus.set(kind, { documents: totals.documents + sign, length: totals.length + sign * length });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
