import { Injectable } from '@nestjs/common';
import {
  SearchIndex,
  TermStatistics,
  type SearchDocument,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
} from '@kuaizhuan/platform';
import {
  documentTerms,
  queryTerms,
  rarestWords,
  textMatch,
  type DocumentTerms,
  type QueryTerm,
  type TermStats,
  type TextMatch,
} from '../core/text-relevance';

/** Rarest words of a text searched on their own, besides the text as a whole. */
const RARE_WORDS = 12;
/** Hits asked for each of those words. */
const HITS_PER_WORD = 40;
/** Analysed documents kept between matches (a listing is usually a candidate of many needs). */
const CACHE_SIZE = 20_000;

/** A text ready to be looked up: its weighted terms and the corpus figures of the kind searched. */
export interface PreparedText {
  text: string;
  kind: SearchKind;
  query: QueryTerm[];
  stats: TermStats;
  words: string[];
}

export interface RetrievedHit {
  hit: SearchHit;
  match: TextMatch;
}

/**
 * Finds candidates for a long text (a need, an achievement) on any search engine, and scores
 * them with the platform's own term statistics. An engine built for short queries reads only
 * a few words of a long text and ranks without weighing words by rarity; so besides the text
 * as a whole, each of its rarest words is searched on its own (one multi-search), and every
 * hit is scored again here by BM25 and coverage (see core/text-relevance.ts). Only the
 * engine's choice of candidates, not its scores, reaches the ranking.
 */
@Injectable()
export class TextRetrieval {
  private readonly analysed = new Map<string, { version: string; terms: DocumentTerms }>();

  constructor(
    private readonly search: SearchIndex,
    private readonly statistics: TermStatistics,
  ) {}

  async prepare(text: string, kind: SearchKind): Promise<PreparedText> {
    const [prepared] = await this.prepareMany([text], kind);
    return prepared;
  }

  /** Several texts at once, with one look-up of the statistics. */
  async prepareMany(texts: readonly string[], kind: SearchKind): Promise<PreparedText[]> {
    const queries = texts.map(queryTerms);
    const stats = await this.statistics.lookup(
      kind,
      queries.flatMap((query) => query.map((t) => t.term)),
    );
    return texts.map((text, i) => ({
      text,
      kind,
      query: queries[i],
      stats,
      words: rarestWords(queries[i], stats, RARE_WORDS),
    }));
  }

  /** The `limit` best documents by BM25 among those the engine finds for the text and its rarest words. */
  async find(prepared: PreparedText, filters: SearchFilters, limit: number): Promise<RetrievedHit[]> {
    if (prepared.query.length === 0) return [];
    const scoped: SearchFilters = { ...filters, kinds: [prepared.kind] };
    const results = await this.search.searchMany([
      { text: prepared.text, filters: scoped, limit },
      ...prepared.words.map((word) => ({ text: word, filters: scoped, limit: HITS_PER_WORD })),
    ]);
    const seen = new Map<string, RetrievedHit>();
    for (const result of results) {
      for (const hit of result.hits) {
        if (seen.has(hit.id)) continue;
        seen.set(hit.id, { hit, match: textMatch(prepared.query, this.termsOf(hit.document), prepared.stats) });
      }
    }
    return [...seen.values()]
      .sort((a, b) => b.match.bm25 - a.match.bm25 || (a.hit.id < b.hit.id ? -1 : 1))
      .slice(0, limit);
  }

  /** Scores one document the caller already has (no search). */
  score(prepared: PreparedText, document: SearchDocument): TextMatch {
    return textMatch(prepared.query, this.termsOf(document), prepared.stats);
  }

  private termsOf(document: SearchDocument): DocumentTerms {
    const version = String(document.updatedAt);
    const cached = this.analysed.get(document.id);
    if (cached && cached.version === version) return cached.terms;
    if (this.analysed.size >= CACHE_SIZE) this.analysed.clear();
    const terms = documentTerms(document);
    this.analysed.set(document.id, { version, terms });
    return terms;
  }
}
