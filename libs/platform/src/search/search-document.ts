import type { Snippet } from './text/highlight';

/**
 * What the catalogue sends to the search index, and what a search returns. Only public text
 * goes in: the catalogue leaves private fields (contacts, internal notes, the floor price)
 * out, so nothing private can be found, highlighted or leaked through a hit.
 */

export type SearchKind = 'need' | 'achievement' | 'researcher';
export const SEARCH_KINDS: readonly SearchKind[] = ['need', 'achievement', 'researcher'];

/** `public`: listed in portal search; `private`: found only by platform-side callers such as the matcher. */
export type SearchVisibility = 'public' | 'private';

/** A closed or half-open range, in whole yuan: asking price of an achievement, budget of a need. */
export interface AmountRange {
  min: number | null;
  max: number | null;
}

export interface SearchDocument {
  /** Id of the catalogue row: letters, digits, `-` and `_`, at most 64 characters. */
  id: string;
  kind: SearchKind;
  ownerOrgId: string;
  /** Weight A: the title (need title, achievement name, researcher name). */
  title: string;
  /** Weight B: keywords, each analysed on its own. */
  keywords?: string[];
  /** Weight C: summary of an achievement, description of a need, profile of a researcher. */
  summary?: string;
  /** Weight D: other public text (indicators, application scenarios, field names, titles of papers…). */
  otherText?: string[];
  fieldCodes?: string[];
  regionCodes?: string[];
  /** Maturity stage code (e.g. TRL or 小试/中试/产业化 code). */
  maturity?: string | null;
  ipTypes?: string[];
  /** Transfer or cooperation modes offered (achievement) or accepted (need). */
  transferModes?: string[];
  /** Institution (university, institute) the listing or researcher belongs to. */
  institution?: string | null;
  amount?: AmountRange | null;
  /** Listing status; portal and matcher ask for `published`. */
  status: string;
  visibility: SearchVisibility;
  /** Extra public fields returned with hits, not searched (organisation name, cover, price text…). */
  display?: Record<string, unknown>;
  /** When the catalogue row last changed (ISO 8601 or Date); an older version never replaces a newer one. */
  updatedAt: string | Date;
}

/** Filters combine with AND; the values of one filter with OR. Array filters match when the document has any value. */
export interface SearchFilters {
  kinds?: SearchKind[];
  /** Documents owned by these organisations are left out (a company does not see its own needs as matches). */
  excludeOwnerOrgIds?: string[];
  ownerOrgIds?: string[];
  fieldCodes?: string[];
  regionCodes?: string[];
  maturity?: string[];
  ipTypes?: string[];
  transferModes?: string[];
  institutions?: string[];
  /** Keeps documents whose amount range overlaps this one (documents without an amount are left out). */
  amount?: { min?: number | null; max?: number | null };
  status?: string[];
  visibility?: SearchVisibility[];
}

export const FACET_NAMES = [
  'kind',
  'fieldCodes',
  'regionCodes',
  'maturity',
  'ipTypes',
  'transferModes',
  'institution',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchQuery {
  /** Free text; empty or absent lists the filtered documents, newest first. */
  text?: string;
  filters?: SearchFilters;
  /** Facets to count over all documents that match (not only the page). */
  facets?: FacetName[];
  /** 1-based page number. */
  page?: number;
  /** Hits per page, 1..MAX_SEARCH_LIMIT. */
  limit?: number;
  /** Length of the summary snippet, in characters. */
  snippetLength?: number;
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 500;

export interface SearchHit {
  id: string;
  kind: SearchKind;
  /** Relevance, higher is better; its scale belongs to the adapter (compare hits of one result only). */
  score: number;
  document: SearchDocument;
  highlights: { title: Snippet; summary?: Snippet };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** All documents that match the text and filters. */
  total: number;
  page: number;
  limit: number;
  facets: Partial<Record<FacetName, FacetCount[]>>;
}

export interface SearchHealth {
  adapter: 'postgres' | 'meilisearch';
  ok: boolean;
  documents?: number;
  message?: string;
}
