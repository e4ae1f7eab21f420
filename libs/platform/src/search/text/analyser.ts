import { isHan, normalise } from './normalise';
import { segment } from './segmenter';
import { synonymsIn, SYNONYM_GROUPS, type SynonymTable } from './synonyms';

/**
 * Analysis shared by every adapter: text → normalised words (jieba + domain dictionary)
 * → index terms. Each Chinese word of three or more characters is also indexed as its
 * overlapping character bigrams, and each Chinese word of two or more characters as its
 * single characters (at a lower weight), so a query for a sub-word finds the whole word:
 * 处理 finds 待处理, 工程 finds 在建工程, 电池 finds 锂离子电池.
 */

/** Bump when analysis changes in a way that needs a reindex. */
export const ANALYSER_VERSION = 1;

export type TextField = 'title' | 'keywords' | 'summary' | 'other';

/** How much one occurrence in each field counts (title and keywords say most about a listing). */
export const FIELD_WEIGHTS: Readonly<Record<TextField, number>> = { title: 2, keywords: 2, summary: 1, other: 1 };

/** Weight of a single character found inside a longer word: a hint, not a match. */
export const CHARACTER_WEIGHT = 0.3;

/** Longest term kept; longer tokens (codes, URLs) are dropped. */
export const MAX_TERM_LENGTH = 64;

/** Function words that say nothing about a technology; dropped as whole words. */
const STOP_WORDS = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '等',
  '之',
  '其',
  '而',
  '并',
  '被',
  '把',
  '在',
  '是',
  '对',
  '于',
  '为',
  '以',
  '将',
  '由',
  '从',
  '也',
  '都',
  '就',
  '这',
  '那',
  '个',
  '着',
  '又',
  '中',
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'is',
  'are',
]);

export type TermKind = 'word' | 'part' | 'bigram' | 'character';

export interface Term {
  term: string;
  kind: TermKind;
}

/** Normalised words of a text, stop words dropped. */
export function words(text: string): string[] {
  return segment(normalise(text)).filter((word) => !STOP_WORDS.has(word) && [...word].length <= MAX_TERM_LENGTH);
}

/** The terms one word contributes: itself, and its sub-words (see the file comment). */
export function expandWord(word: string): Term[] {
  const terms: Term[] = [{ term: word, kind: 'word' }];
  const chars = [...word];
  if (isHan(word)) {
    if (chars.length >= 3) {
      for (let i = 0; i + 1 < chars.length; i++) terms.push({ term: chars[i] + chars[i + 1], kind: 'bigram' });
    }
    if (chars.length >= 2) {
      for (const char of chars) if (isHan(char)) terms.push({ term: char, kind: 'character' });
    }
  } else if (/[-_./+]/.test(word)) {
    // covid-19 → covid, 19; 1.5 → 1, 5 are too short to matter but harmless.
    for (const part of word.split(/[-_./+]+/))
      if (part.length > 0 && part !== word) terms.push({ term: part, kind: 'part' });
  }
  return terms;
}

function termWeight(kind: TermKind): number {
  return kind === 'character' ? CHARACTER_WEIGHT : 1;
}

/** Weighted term frequencies of a document and its weighted length, the inputs of BM25. */
export interface DocumentTerms {
  frequencies: Map<string, number>;
  length: number;
}

export type DocumentText = Partial<Record<TextField, string | readonly string[] | null | undefined>>;

/** Analyses every text field of a document, weighting each occurrence by its field. */
export function analyseDocument(text: DocumentText): DocumentTerms {
  const frequencies = new Map<string, number>();
  let length = 0;
  for (const field of Object.keys(FIELD_WEIGHTS) as TextField[]) {
    const value = text[field];
    if (value === undefined || value === null) continue;
    const parts = typeof value === 'string' ? [value] : value;
    for (const part of parts) {
      for (const word of words(part)) {
        for (const { term, kind } of expandWord(word)) {
          const weight = FIELD_WEIGHTS[field] * termWeight(kind);
          frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
          length += weight;
        }
      }
    }
  }
  return { frequencies, length };
}

export interface QueryTerm {
  term: string;
  /** Whether a match on this term alone makes a document a result (single characters only add score). */
  selects: boolean;
}

export interface AnalysedQuery {
  normalised: string;
  /** Distinct terms, in order of first appearance. */
  terms: QueryTerm[];
  /** Words and sub-words to mark in results, longest first. */
  highlightTerms: string[];
  /** Whole words of the query and of its synonyms, for engines that take a word list. */
  words: string[];
}

/** Analyses a query the same way as documents, adding the synonyms of what it contains. */
export function analyseQuery(text: string, synonyms: SynonymTable = SYNONYM_GROUPS): AnalysedQuery {
  const normalised = normalise(text);
  const queryWords = [...words(normalised)];
  for (const phrase of synonymsIn(normalised, synonyms)) queryWords.push(...words(phrase));
  const selects = new Map<string, boolean>();
  for (const word of queryWords) {
    for (const { term, kind } of expandWord(word))
      selects.set(term, (selects.get(term) ?? false) || kind !== 'character');
  }
  const terms = [...selects].map(([term, selectsAlone]) => ({ term, selects: selectsAlone }));
  const highlightTerms = terms
    .filter((term) => term.selects)
    .map((term) => term.term)
    .sort((a, b) => b.length - a.length);
  return { normalised, terms, highlightTerms, words: [...new Set(queryWords)] };
}
