import Decimal from 'decimal.js';
import { normaliseSearchText, searchWords, type SearchDocument } from '@kuaizhuan/platform';
import type { SavedQuery } from '../entities/saved-search.entity';

/** A saved search as the matcher needs it: whose it is, what it looks for. */
export interface SearchToMatch {
  orgId: string;
  kind: 'achievement' | 'need';
  query: SavedQuery;
}

function anyOf(wanted: readonly string[] | undefined, present: readonly (string | null | undefined)[]): boolean {
  if (!wanted || wanted.length === 0) return true;
  return present.some((value) => value != null && wanted.includes(value));
}

/** Overlap of the wanted amount range (yuan, decimal text) with the listing's (whole yuan), as portal search keeps it. */
function amountFits(query: SavedQuery, document: SearchDocument): boolean {
  if (query.amountMin === undefined && query.amountMax === undefined) return true;
  const range = document.amount;
  if (!range || (range.min === null && range.max === null)) return false;
  if (query.amountMin !== undefined && range.max !== null && new Decimal(range.max).lessThan(query.amountMin)) {
    return false;
  }
  if (query.amountMax !== undefined && range.min !== null && new Decimal(range.min).greaterThan(query.amountMax)) {
    return false;
  }
  return true;
}

/**
 * Whether every word of the saved text is in the listing's public text, both read by the platform's
 * search text analysis (full-width and case folded, words split the way the index splits them).
 */
export function textFits(text: string | undefined, document: SearchDocument): boolean {
  const wanted = searchWords(normaliseSearchText(text ?? ''));
  if (wanted.length === 0) return true;
  const haystack = normaliseSearchText(
    [document.title, ...(document.keywords ?? []), document.summary ?? '', ...(document.otherText ?? [])].join('\n'),
  );
  return wanted.every((word) => haystack.includes(word));
}

/**
 * Whether a newly published listing is one the saved search would find: a public, published listing
 * of its kind, of another organisation, passing every filter and holding every word of its text.
 */
export function savedSearchFinds(search: SearchToMatch, document: SearchDocument): boolean {
  if (document.kind !== search.kind || document.status !== 'published' || document.visibility !== 'public') {
    return false;
  }
  if (document.ownerOrgId === search.orgId) return false;
  const q = search.query;
  return (
    anyOf(q.field, document.fieldCodes ?? []) &&
    anyOf(q.region, document.regionCodes ?? []) &&
    anyOf(q.maturity, [document.maturity]) &&
    anyOf(q.ipType, document.ipTypes ?? []) &&
    anyOf(q.mode, document.transferModes ?? []) &&
    anyOf(q.institution, [document.institution]) &&
    amountFits(q, document) &&
    textFits(q.q, document)
  );
}
