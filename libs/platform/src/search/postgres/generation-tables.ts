/**
 * DDL for one generation of the search index. `search_document` and `search_posting` are
 * partitioned by generation; each generation has its own pair of tables. A rebuild creates
 * the pair detached and without indexes, loads it, gives it the indexes of the parent tables
 * (defined in the SearchGenerations migration — keep the two in step) and attaches it.
 */

export function documentTable(generation: number): string {
  return `search_document_g${checked(generation)}`;
}

export function postingTable(generation: number): string {
  return `search_posting_g${checked(generation)}`;
}

function checked(generation: number): number {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new Error(`invalid search generation ${generation}`);
  return generation;
}

/** A detached, unindexed pair of tables to load; the CHECK lets ATTACH skip its validation scan. */
export function createDetachedTables(generation: number): string[] {
  const g = checked(generation);
  return [
    `CREATE TABLE ${documentTable(g)} (LIKE search_document INCLUDING DEFAULTS,
       CONSTRAINT ${documentTable(g)}_generation CHECK (generation = ${g}))`,
    `CREATE TABLE ${postingTable(g)} (LIKE search_posting INCLUDING DEFAULTS,
       CONSTRAINT ${postingTable(g)}_generation CHECK (generation = ${g}))`,
  ];
}

/** The parent tables' indexes, built once on loaded tables (ATTACH adopts matching indexes). */
export function indexDetachedTables(generation: number): string[] {
  const documents = documentTable(generation);
  const postings = postingTable(generation);
  return [
    `ALTER TABLE ${documents} ADD PRIMARY KEY (generation, id)`,
    `CREATE INDEX ON ${documents} (generation, updated_at) INCLUDE (id, kind, owner_org_id, status, visibility,
       field_codes, region_codes, maturity, ip_types, transfer_modes, institution, amount_min, amount_max)`,
    `CREATE INDEX ON ${documents} USING gin (field_codes)`,
    `CREATE INDEX ON ${documents} USING gin (region_codes)`,
    `CREATE INDEX ON ${documents} USING gin (transfer_modes)`,
    `CREATE INDEX ON ${documents} USING gin (title_normalised gin_trgm_ops)`,
    `ALTER TABLE ${postings} ADD PRIMARY KEY (generation, term, document_id) INCLUDE (frequency, document_length)`,
    `CREATE INDEX ON ${postings} (generation, document_id) INCLUDE (term, frequency, document_length)`,
  ];
}

/**
 * Marks a loaded generation's pages all-visible (so ranking reads postings from the index
 * alone) and gathers planner statistics. VACUUM cannot run inside a transaction.
 */
export function vacuumDetachedTables(generation: number): string[] {
  return [`VACUUM (ANALYZE) ${documentTable(generation)}`, `VACUUM (ANALYZE) ${postingTable(generation)}`];
}

export function attachTables(generation: number): string[] {
  const g = checked(generation);
  return [
    `ALTER TABLE search_document ATTACH PARTITION ${documentTable(g)} FOR VALUES IN (${g})`,
    `ALTER TABLE search_posting ATTACH PARTITION ${postingTable(g)} FOR VALUES IN (${g})`,
  ];
}

/** Drops a generation's tables, attached or not, and its statistics. */
export function dropTables(generation: number): string[] {
  const g = checked(generation);
  return [
    `DROP TABLE IF EXISTS ${postingTable(g)}`,
    `DROP TABLE IF EXISTS ${documentTable(g)}`,
    `DELETE FROM search_term WHERE generation = ${g}`,
    `DELETE FROM search_stats WHERE generation = ${g}`,
    `DELETE FROM search_pending WHERE generation = ${g}`,
  ];
}
