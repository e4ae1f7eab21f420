import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Tables of the PostgreSQL search adapter. The adapter reads and writes them with SQL (bulk
 * upserts, BM25 in one statement); these classes describe the schema, which the migrations
 * own: `search_document` and `search_posting` are partitioned by generation, one pair of
 * tables per generation, which TypeORM cannot declare — so the partitioned tables and the
 * statistics tables are left out of schema synchronisation and migration generation.
 *
 * Every row belongs to a generation. Searches read the live generation named in
 * `search_state`; a rebuild fills the next generation beside it and then flips the
 * pointer in one short transaction, so readers never see a half-built index.
 */

@Entity('search_state')
@Check('search_state_single_row', 'id = 1')
export class SearchStateRow {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'int', default: 1 })
  liveGeneration: number;

  /** Generation a rebuild is filling, if one is running; writes go to it too. */
  @Column({ type: 'int', nullable: true })
  buildingGeneration: number | null;
}

@Entity({ name: 'search_document', synchronize: false })
export class SearchDocumentRow {
  @PrimaryColumn({ type: 'int' })
  generation: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 64 })
  ownerOrgId: string;

  /** Normalised title, for typo-tolerant matching with pg_trgm. */
  @Column({ type: 'text' })
  titleNormalised: string;

  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  fieldCodes: string[];

  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  regionCodes: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  maturity: string | null;

  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  ipTypes: string[];

  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  transferModes: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  institution: string | null;

  /** Asking price or budget range, whole yuan. */
  @Column({ type: 'bigint', nullable: true })
  amountMin: string | null;

  @Column({ type: 'bigint', nullable: true })
  amountMax: string | null;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ type: 'varchar', length: 16 })
  visibility: string;

  /** Weighted number of terms, the document length of BM25. */
  @Column({ type: 'real' })
  termLength: number;

  /** The document as sent, returned with hits. */
  @Column({ type: 'jsonb' })
  document: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  indexedAt: Date;
}

/** The inverted index: one row per (generation, term, document) with the weighted term frequency. */
@Entity({ name: 'search_posting', synchronize: false })
export class SearchPostingRow {
  @PrimaryColumn({ type: 'int' })
  generation: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  term: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  documentId: string;

  @Column({ type: 'real' })
  frequency: number;

  /** Copy of the document's term length, so scoring reads postings only. */
  @Column({ type: 'real' })
  documentLength: number;
}

/** Size of each generation: documents and the sum of their weighted lengths (BM25's average length). */
@Entity({ name: 'search_stats', synchronize: false })
export class SearchStatsRow {
  @PrimaryColumn({ type: 'int' })
  generation: number;

  @Column({ type: 'int', default: 0 })
  documents: number;

  @Column({ type: 'float8', default: 0 })
  totalLength: number;
}

/** How many documents of a generation hold each term (BM25's document frequency). */
@Entity({ name: 'search_term', synchronize: false })
export class SearchTermRow {
  @PrimaryColumn({ type: 'int' })
  generation: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  term: string;

  @Column({ type: 'int' })
  df: number;
}

/** Writes made while a generation was being rebuilt, replayed into it when it is swapped in. */
@Entity({ name: 'search_pending', synchronize: false })
export class SearchPendingRow {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'int' })
  generation: number;

  @Column({ type: 'varchar', length: 64 })
  documentId: string;

  /** The document to upsert, or null for a removal. */
  @Column({ type: 'jsonb', nullable: true })
  document: Record<string, unknown> | null;
}
