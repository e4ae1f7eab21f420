import { ApiProperty } from '@nestjs/swagger';
import type { FacetCount, Snippet } from '@kuaizhuan/platform';

/** Where a query's words were found in a snippet: character offsets, end exclusive. */
export class SnippetMark {
  start: number;
  end: number;
}

/** A piece of a hit's text with the query's words marked. */
export class SearchSnippet implements Snippet {
  text: string;
  marks: SnippetMark[];
}

export class HitHighlights {
  title: SearchSnippet;
  summary?: SearchSnippet;
}

/** One listing or profile that matched. */
export class PortalHit {
  id: string;
  type: 'achievement' | 'need' | 'researcher';
  score: number;
  title: string;
  summary?: string;
  highlights: HitHighlights;
  keywords: string[];
  fieldCodes: string[];
  regionCodes: string[];
  maturity: string | null;
  ipTypes: string[];
  transferModes: string[];
  institution: string | null;
  status: string;
  /** Whether the listing is the caller's organisation's own; other organisations' ids are not handed out. */
  mine: boolean;
  /** Public extras: organisation name, TRL, price or budget text, researcher names… */
  display: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string | Date;
}

/** How many of the matches have one value of a facet. */
export class FacetCountView implements FacetCount {
  value: string;
  count: number;
}

/** The counts of each facet over all matches (not only the page). */
export class SearchFacets {
  fieldCodes?: FacetCountView[];
  regionCodes?: FacetCountView[];
  maturity?: FacetCountView[];
  ipTypes?: FacetCountView[];
  transferModes?: FacetCountView[];
  institution?: FacetCountView[];
}

/** A page of search hits, with the total over all pages and the facet counts. */
export class PortalSearchResult {
  hits: PortalHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: SearchFacets;
}
