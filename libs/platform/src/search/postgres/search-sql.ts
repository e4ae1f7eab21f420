import type { FacetName, SearchFilters } from '../search-document';

/**
 * SQL of the PostgreSQL adapter, built from fixed fragments; every value is a bind parameter.
 * Ranking is BM25 (k1 1.2, b 0.75) over the postings of the live generation, with the
 * inverse document frequency computed from the same postings in the same statement.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Long queries (a problem statement) drop terms found in more than this share of documents. */
export const COMMON_TERM_SHARE = 0.3;
/** … but never terms found in fewer documents than this, so small indexes keep every term. */
export const COMMON_TERM_FLOOR = 50;
/** A query with more distinct terms than this counts as long. */
export const LONG_QUERY_TERMS = 32;

/** Short queries also match titles by trigram similarity, for typos and partial words. */
export const FUZZY_MAX_QUERY_LENGTH = 24;
export const FUZZY_THRESHOLD = 0.4;
/** Score added per unit of title similarity (a good BM25 match on one word scores about 3-10). */
export const FUZZY_WEIGHT = 2;

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
    ? `SELECT v AS value, count(*)::int AS n FROM matches m, unnest(m.${column}) AS v GROUP BY v`
    : `SELECT m.${column} AS value, count(*)::int AS n FROM matches m WHERE m.${column} IS NOT NULL GROUP BY m.${column}`;
  return `(SELECT coalesce(json_agg(json_build_object('value', f.value, 'count', f.n) ORDER BY f.n DESC, f.value), '[]'::json)
           FROM (${values} ORDER BY n DESC, value LIMIT 100) f)`;
}

export interface TextPlan {
  terms: string[];
  selects: boolean[];
  pruneCommonTerms: boolean;
  /** Normalised query for trigram matching on titles, when the query is short. */
  fuzzyText: string | null;
}

/** The CTE that ranks documents for a text query: `candidates(id, score)`. */
function textCandidates(plan: TextPlan, params: Params): string {
  const terms = params.add(plan.terms);
  const selects = params.add(plan.selects);
  const prune = params.add(plan.pruneCommonTerms);
  const fuzzy =
    plan.fuzzyText === null
      ? ''
      : `,
    fuzzy AS (
      SELECT d.id, word_similarity(${params.add(plan.fuzzyText)}, d.title_normalised) AS similarity
      FROM search_document d, live
      WHERE d.generation = live.g AND ${params.add(plan.fuzzyText)} <% d.title_normalised
    )`;
  const union = plan.fuzzyText === null ? '' : ' UNION SELECT id FROM fuzzy';
  const fuzzyScore =
    plan.fuzzyText === null
      ? '0'
      : `coalesce((SELECT f.similarity FROM fuzzy f WHERE f.id = c.id), 0) * ${FUZZY_WEIGHT}`;
  return `
    stats AS (
      SELECT count(*)::float8 AS n, coalesce(avg(d.term_length), 1)::float8 AS avg_length
      FROM search_document d, live WHERE d.generation = live.g
    ),
    query_terms AS (
      SELECT DISTINCT ON (q.term) q.term, q.selects FROM unnest(${terms}::text[], ${selects}::boolean[]) AS q(term, selects)
    ),
    postings AS (
      -- One index probe per query term; df comes from the same rows.
      SELECT p.document_id, p.frequency, p.document_length, q.selects, count(*) OVER (PARTITION BY q.term) AS df
      FROM query_terms q CROSS JOIN LATERAL (
        SELECT sp.document_id, sp.frequency, sp.document_length FROM search_posting sp
        WHERE sp.generation = (SELECT g FROM live) AND sp.term = q.term
      ) p
    ),
    scores AS (
      SELECT p.document_id AS id, bool_or(p.selects) AS selected,
             sum(ln(1 + (s.n - p.df + 0.5) / (p.df + 0.5)) * p.frequency * ${BM25_K1 + 1}
                 / (p.frequency + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * p.document_length / s.avg_length))) AS score
      FROM postings p, stats s
      WHERE NOT ${prune}::boolean OR p.df <= greatest(s.n * ${COMMON_TERM_SHARE}, ${COMMON_TERM_FLOOR})
      GROUP BY p.document_id
    )${fuzzy},
    candidates AS (
      SELECT c.id, coalesce(sc.score, 0) + ${fuzzyScore} AS score
      FROM (SELECT id FROM scores WHERE selected${union}) c LEFT JOIN scores sc ON sc.id = c.id
    )`;
}

export interface SearchStatement {
  sql: string;
  params: unknown[];
}

/**
 * One statement that answers a search: total, the page of hits (id, score, document) and
 * the requested facet counts, all over the same filtered set of matches.
 */
export function searchStatement(
  plan: TextPlan | null,
  filters: SearchFilters,
  facets: readonly FacetName[],
  page: { limit: number; offset: number },
): SearchStatement {
  const params = new Params();
  const candidates = plan
    ? textCandidates(plan, params)
    : `candidates AS (SELECT d.id, 0::float8 AS score FROM search_document d, live WHERE d.generation = live.g)`;
  const where = ['d.generation = live.g', ...filterConditions(filters, params)];
  const order = plan ? 'm.score DESC, m.id' : 'm.updated_at DESC, m.id';
  const limit = params.add(page.limit);
  const offset = params.add(page.offset);
  const facetColumns = facets.map((facet) => `'${facet}', ${facetSelect(facet)}`).join(', ');
  const sql = `
    WITH live AS (SELECT live_generation AS g FROM search_state WHERE id = 1),
    ${candidates},
    matches AS MATERIALIZED (
      SELECT d.id, c.score, d.document, d.updated_at, d.kind, d.field_codes, d.region_codes, d.maturity,
             d.ip_types, d.transfer_modes, d.institution
      FROM candidates c JOIN search_document d ON d.id = c.id, live
      WHERE ${where.join(' AND ')}
    )
    SELECT
      (SELECT count(*)::int FROM matches) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', m.id, 'score', m.score, 'document', m.document) ORDER BY ${order}), '[]'::json)
         FROM (SELECT * FROM matches m ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) m) AS hits,
      json_build_object(${facetColumns}) AS facets`;
  return { sql, params: params.values };
}
