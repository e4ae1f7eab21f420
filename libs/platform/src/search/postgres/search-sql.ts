import type { FacetName, SearchFilters } from '../search-document';
import { BM25_B, BM25_K1, type TextPlan } from './query-plan';
import { documentTable, postingTable } from './generation-tables';

/**
 * SQL of the PostgreSQL adapter, built from fixed fragments; every value is a bind parameter
 * except the generation, a checked integer that names the partitions to read. Ranking is
 * BM25 (k1 1.2, b 0.75) with the corpus statistics the query plan was made from.
 */

/** Short queries also match titles by trigram similarity, for typos and partial words. */
export const FUZZY_MAX_QUERY_LENGTH = 24;
export const FUZZY_THRESHOLD = 0.4;
/** Score added per unit of title similarity (a good BM25 match on one word scores about 3-10). */
export const FUZZY_WEIGHT = 2;
/** The best matches (at least) get the rescore terms of the plan added to their score. */
export const RESCORE_DEPTH = 50;

/** Collects bind parameters and hands out their placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function present<T>(values: readonly T[] | undefined): values is readonly T[] {
  return values !== undefined && values.length > 0;
}

/** WHERE conditions (on alias `d`) for the filters; an empty list filter means "no filter". */
export function filterConditions(filters: SearchFilters, params: Params): string[] {
  const where: string[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (present(values)) where.push(`d.${column} = ANY(${params.add(values)}::text[])`);
  };
  const overlaps = (column: string, values: readonly string[] | undefined) => {
    if (present(values)) where.push(`d.${column} && ${params.add(values)}::varchar[]`);
  };
  anyOf('kind', filters.kinds);
  anyOf('owner_org_id', filters.ownerOrgIds);
  if (present(filters.excludeOwnerOrgIds)) {
    where.push(`NOT (d.owner_org_id = ANY(${params.add(filters.excludeOwnerOrgIds)}::text[]))`);
  }
  overlaps('field_codes', filters.fieldCodes);
  overlaps('region_codes', filters.regionCodes);
  anyOf('maturity', filters.maturity);
  overlaps('ip_types', filters.ipTypes);
  overlaps('transfer_modes', filters.transferModes);
  anyOf('institution', filters.institutions);
  anyOf('status', filters.status);
  anyOf('visibility', filters.visibility);
  const amount = filters.amount;
  if (amount && (amount.min != null || amount.max != null)) {
    where.push('(d.amount_min IS NOT NULL OR d.amount_max IS NOT NULL)');
    if (amount.min != null) where.push(`(d.amount_max IS NULL OR d.amount_max >= ${params.add(amount.min)}::bigint)`);
    if (amount.max != null) where.push(`(d.amount_min IS NULL OR d.amount_min <= ${params.add(amount.max)}::bigint)`);
  }
  return where;
}

const FACET_COLUMNS: Record<FacetName, { column: string; array: boolean }> = {
  kind: { column: 'kind', array: false },
  fieldCodes: { column: 'field_codes', array: true },
  regionCodes: { column: 'region_codes', array: true },
  maturity: { column: 'maturity', array: false },
  ipTypes: { column: 'ip_types', array: true },
  transferModes: { column: 'transfer_modes', array: true },
  institution: { column: 'institution', array: false },
};

/** The 100 most frequent values of a facet over the `matches` CTE, as a JSON array. */
function facetSelect(facet: FacetName): string {
  const { column, array } = FACET_COLUMNS[facet];
  const values = array
    ? // unnest in the select list (one ProjectSet) costs a fraction of a lateral function scan per row
      `SELECT x.v AS value, count(*)::int AS n FROM (SELECT unnest(m.${column}) AS v FROM matches m) x GROUP BY x.v`
    : `SELECT m.${column} AS value, count(*)::int AS n FROM matches m WHERE m.${column} IS NOT NULL GROUP BY m.${column}`;
  return `(SELECT coalesce(json_agg(json_build_object('value', f.value, 'count', f.n) ORDER BY f.n DESC, f.value), '[]'::json)
           FROM (${values} ORDER BY n DESC, value LIMIT 100) f)`;
}

export interface TextSearch {
  plan: TextPlan;
  /** Normalised query for trigram matching on titles, when the query is short. */
  fuzzyText: string | null;
}

/** BM25 of one posting `p` for a term of weight `idf`. */
function bm25(idf: string, averageLength: string): string {
  return `${idf} * p.frequency * ${BM25_K1 + 1} / (p.frequency + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * p.document_length / ${averageLength}))`;
}

/** The CTEs that rank documents for a text query, ending in `candidates(id, score)`. */
function textCandidates(generation: number, text: TextSearch, params: Params): string {
  const { plan } = text;
  const postings = postingTable(generation);
  const averageLength = `${params.add(plan.averageLength)}::float8`;
  const fuzzy =
    text.fuzzyText === null
      ? ''
      : `,
    fuzzy AS (
      SELECT d.id, word_similarity(${params.add(text.fuzzyText)}, d.title_normalised) * ${FUZZY_WEIGHT} AS score
      FROM ${documentTable(generation)} d
      WHERE ${params.add(text.fuzzyText)} <% d.title_normalised
    )`;
  const union = text.fuzzyText === null ? '' : ' UNION ALL SELECT id, score FROM fuzzy';
  return `
    scanned AS (
      SELECT p.document_id AS id, sum(${bm25('q.idf', averageLength)}) AS score
      FROM unnest(${params.add(plan.scan.map((t) => t.term))}::text[], ${params.add(plan.scan.map((t) => t.idf))}::float8[]) AS q(term, idf)
      JOIN ${postings} p ON p.generation = ${generation} AND p.term = q.term
      GROUP BY p.document_id
    )${fuzzy},
    candidates AS (
      SELECT id, sum(score) AS score FROM (SELECT id, score FROM scanned${union}) s GROUP BY id
    )`;
}

/**
 * Adds the rescore terms of the plan to the best `depth` matches: `ranked(id, score)`. Each
 * document's postings are read as one range of the covering document index and joined to
 * the terms in memory, which is cheaper than one index probe per document and term.
 */
function rescored(generation: number, text: TextSearch, depth: string, params: Params): string {
  const { plan } = text;
  if (plan.rescore.length === 0) {
    return `ranked AS (SELECT m.id, m.score FROM matches m ORDER BY m.score DESC, m.id LIMIT ${depth})`;
  }
  const averageLength = `${params.add(plan.averageLength)}::float8`;
  return `
    best AS (SELECT m.id, m.score FROM matches m ORDER BY m.score DESC, m.id LIMIT ${depth}),
    ranked AS (
      SELECT b.id, b.score + coalesce((
        SELECT sum(${bm25('r.idf', averageLength)})
        FROM ${postingTable(generation)} p
        JOIN unnest(${params.add(plan.rescore.map((t) => t.term))}::text[], ${params.add(plan.rescore.map((t) => t.idf))}::float8[]) AS r(term, idf)
          ON r.term = p.term
        WHERE p.generation = ${generation} AND p.document_id = b.id
      ), 0) AS score
      FROM best b
    )`;
}

export interface SearchStatement {
  sql: string;
  params: unknown[];
}

/**
 * One statement that answers a search: total, the page of hits (id, score, document) and
 * the requested facet counts, all over the same filtered set of matches. Documents are read
 * for the page only.
 */
export function searchStatement(
  generation: number,
  text: TextSearch | null,
  filters: SearchFilters,
  facets: readonly FacetName[],
  page: { limit: number; offset: number },
): SearchStatement {
  const params = new Params();
  const documents = documentTable(generation);
  const candidates = text ? `${textCandidates(generation, text, params)},` : '';
  // Without text every document is a candidate: matches come straight from the table.
  const source = text
    ? `candidates c JOIN ${documents} d ON d.generation = ${generation} AND d.id = c.id`
    : `${documents} d`;
  const where = filterConditions(filters, params);
  const limit = params.add(page.limit);
  const offset = params.add(page.offset);
  const ranking = text
    ? `${rescored(generation, text, params.add(Math.max(RESCORE_DEPTH, page.limit + page.offset)), params)},
    page AS (SELECT r.id, r.score FROM ranked r ORDER BY r.score DESC, r.id LIMIT ${limit} OFFSET ${offset})`
    : `page AS (SELECT m.id, m.score FROM matches m ORDER BY m.updated_at DESC, m.id LIMIT ${limit} OFFSET ${offset})`;
  const facetColumns = facets.map((facet) => `'${facet}', ${facetSelect(facet)}`).join(', ');
  const sql = `
    WITH ${candidates}
    matches AS MATERIALIZED (
      SELECT d.id, ${text ? 'c.score' : '0::float8 AS score'}, d.updated_at, d.kind, d.field_codes, d.region_codes,
             d.maturity, d.ip_types, d.transfer_modes, d.institution
      FROM ${source}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ),
    ${ranking}
    SELECT
      (SELECT count(*)::int FROM matches) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'score', p.score, 'document', d.document)
                                ORDER BY ${text ? 'p.score DESC, p.id' : 'd.updated_at DESC, p.id'}), '[]'::json)
         FROM page p JOIN ${documents} d ON d.generation = ${generation} AND d.id = p.id) AS hits,
      json_build_object(${facetColumns}) AS facets`;
  return { sql, params: params.values };
}
