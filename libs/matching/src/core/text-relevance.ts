import { analyseDocument, analyseQuery, type SearchDocument, documentText } from '@kuaizhuan/platform';

/**
 * Text relevance on an absolute scale, from term statistics the platform keeps itself (so it
 * is the same on every search engine). A word weighs by how rare it is among listings (BM25's
 * inverse document frequency); single characters inside longer words weigh less, as in search.
 *  - `coverage`: the share of the need's weight that the listing holds — 1 when every word of
 *    the need is in it, near 0 when only common words are. It means the same for every need.
 *  - `bm25`: the usual BM25 score, which also counts how often and in how short a text the
 *    words occur; it orders close candidates and lets the best hits vote on the field.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Weight of a single character found inside a longer word (the search analyser's CHARACTER_WEIGHT). */
const CHARACTER_WEIGHT = 0.3;

export interface TermStats {
  documents: number;
  averageLength: number;
  df: ReadonlyMap<string, number>;
}

export interface QueryTerm {
  term: string;
  /** 1 for a word or a sub-word, less for a single character. */
  weight: number;
  /** Whether it is a whole word of the text (shown in explanations). */
  word: boolean;
}

export interface DocumentTerms {
  frequencies: ReadonlyMap<string, number>;
  length: number;
}

export interface TextMatch {
  coverage: number;
  bm25: number;
  /** Whole words of the need found in the listing, rarest first. */
  shared: string[];
}

/** The weighted terms of a need's (or any query) text, as the search analyser splits it. */
export function queryTerms(text: string): QueryTerm[] {
  const analysed = analyseQuery(text);
  const words = new Set(analysed.words);
  return analysed.terms.map((t) => ({
    term: t.term,
    weight: t.selects ? 1 : CHARACTER_WEIGHT,
    word: words.has(t.term),
  }));
}

/** The terms of a search document, as the index and the term statistics count them. */
export function documentTerms(doc: SearchDocument): DocumentTerms {
  return analyseDocument(documentText(doc));
}

/** BM25's inverse document frequency (the Lucene form, never negative); a term no listing holds gets the most. */
export function idf(df: number, documents: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** How well one document answers the query terms (see the file comment). */
export function textMatch(query: readonly QueryTerm[], doc: DocumentTerms, stats: TermStats): TextMatch {
  const n = Math.max(stats.documents, 1);
  const norm = 1 - BM25_B + (BM25_B * doc.length) / Math.max(stats.averageLength, 1e-9);
  let total = 0;
  let held = 0;
  let bm25 = 0;
  const shared: { word: string; weight: number }[] = [];
  for (const t of query) {
    const weight = t.weight * idf(stats.df.get(t.term) ?? 0, n);
    total += weight;
    const tf = doc.frequencies.get(t.term) ?? 0;
    if (tf <= 0) continue;
    held += weight;
    bm25 += (weight * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
    if (t.word) shared.push({ word: t.term, weight });
  }
  shared.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));
  return { coverage: total > 0 ? held / total : 0, bm25, shared: shared.map((s) => s.word) };
}

/** The query's whole words that some listing holds, rarest first: each one a short search of its own. */
export function rarestWords(query: readonly QueryTerm[], stats: TermStats, count: number): string[] {
  return query
    .filter((t) => t.word && (stats.df.get(t.term) ?? 0) > 0)
    .sort((a, b) => (stats.df.get(a.term) ?? 0) - (stats.df.get(b.term) ?? 0) || (a.term < b.term ? -1 : 1))
    .slice(0, count)
    .map((t) => t.term);
}
