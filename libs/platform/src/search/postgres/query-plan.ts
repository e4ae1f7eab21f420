import type { QueryTerm } from '../text/analyser';

/**
 * How a text query is answered from the inverted index, decided from corpus statistics
 * before any posting is read. Ranking is BM25; the cost of a query is the number of postings
 * it reads, so:
 *  - selecting terms that are rare enough are scanned: their postings make the set of
 *    matches and its first scores;
 *  - common words (in a large share of documents) and single characters (which only add
 *    score) are not scanned; they are looked up for the best-ranked matches only, which
 *    costs one index probe per document and term instead of a long posting list;
 *  - terms so common they say nothing are dropped from long queries (a problem statement)
 *    and never looked up for the best matches; a short query still scans its rarest term.
 * On a small index every selecting term is scanned, so results are exact BM25.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface PlanOptions {
  /** A selecting term is scanned when at most this share of documents contain it … */
  scanShare: number;
  /** … or at most this many, whichever is larger. */
  scanFloor: number;
  /** Postings a query may scan in all (the rarest terms first; at least one term is scanned). */
  postingBudget: number;
  /** Long queries drop terms found in more than this share of documents … */
  commonShare: number;
  /** … but never terms found in fewer documents than this. */
  commonFloor: number;
  /** A query with more distinct terms than this counts as long. */
  longQueryTerms: number;
  /** At most this many terms are looked up for the best matches (highest IDF first). */
  rescoreTerms: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  scanShare: 0.005,
  scanFloor: 500,
  postingBudget: 20_000,
  commonShare: 0.3,
  commonFloor: 50,
  longQueryTerms: 32,
  rescoreTerms: 64,
};

export interface CorpusStats {
  documents: number;
  totalLength: number;
}

export interface PlannedTerm {
  term: string;
  idf: number;
  df: number;
}

export interface TextPlan {
  /** Terms whose postings are read in full; a document in any of them is a match. */
  scan: PlannedTerm[];
  /** Terms looked up for the best matches only. */
  rescore: PlannedTerm[];
  averageLength: number;
}

/** BM25's inverse document frequency (the Lucene form, never negative). */
export function idf(df: number, documents: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

export function planText(
  terms: readonly QueryTerm[],
  frequencies: ReadonlyMap<string, number>,
  stats: CorpusStats,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
): TextPlan {
  const n = stats.documents;
  const averageLength = n > 0 && stats.totalLength > 0 ? stats.totalLength / n : 1;
  const long = terms.length > options.longQueryTerms;
  const commonLimit = Math.max(n * options.commonShare, options.commonFloor);
  const scanLimit = Math.max(n * options.scanShare, options.scanFloor);

  const known = terms
    .map((t) => ({ ...t, df: frequencies.get(t.term) ?? 0 }))
    .filter((t) => t.df > 0 && !(long && t.df > commonLimit))
    .map((t) => ({ term: t.term, selects: t.selects, df: t.df, idf: idf(t.df, n) }));

  const selecting = known.filter((t) => t.selects).sort((a, b) => a.df - b.df || compare(a.term, b.term));
  const scan: PlannedTerm[] = [];
  const rescore: PlannedTerm[] = [];
  let postings = 0;
  for (const term of selecting) {
    const planned = { term: term.term, idf: term.idf, df: term.df };
    const first = scan.length === 0;
    if (first || (term.df <= scanLimit && postings + term.df <= options.postingBudget)) {
      scan.push(planned);
      postings += term.df;
    } else {
      rescore.push(planned);
    }
  }
  for (const term of known) if (!term.selects) rescore.push({ term: term.term, idf: term.idf, df: term.df });
  // A term most documents hold barely moves a score: not worth a lookup per document.
  const worthLooking = rescore.filter((t) => t.df <= commonLimit);
  worthLooking.sort((a, b) => b.idf - a.idf || compare(a.term, b.term));
  return { scan, rescore: worthLooking.slice(0, options.rescoreTerms), averageLength };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
