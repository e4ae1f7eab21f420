import type { Settings } from 'meilisearch';
import { documentText, storedDocument } from '../document-text';
import type { FacetName, SearchDocument, SearchFilters } from '../search-document';
import { analyseDocument } from '../text/analyser';
import { synonymMap } from '../text/synonyms';

/**
 * How SearchDocuments are laid out in Meilisearch. Meilisearch segments Chinese itself
 * (charabia, with jieba), but as a whole word only; `terms` carries our analysed words and
 * sub-words too, so 处理 finds 待处理 here as it does in PostgreSQL.
 */
export interface MeiliRecord {
  id: string;
  kind: string;
  ownerOrgId: string;
  title: string;
  keywords: string[];
  summary: string;
  otherText: string[];
  /** Analysed words and bigrams, space-separated; searchable, least weight. */
  terms: string;
  fieldCodes: string[];
  regionCodes: string[];
  maturity: string | null;
  ipTypes: string[];
  transferModes: string[];
  institution: string | null;
  /** Amount range with open ends made explicit, since filters cannot test for null portably. */
  hasAmount: boolean;
  amountLow: number;
  amountHigh: number;
  status: string;
  visibility: string;
  updatedAtMs: number;
  /** The document as sent, returned with hits. */
  source: SearchDocument;
}

/** Stands for "no upper bound" (larger than any price or budget in yuan). */
const NO_UPPER_BOUND = 1e15;

export function toRecord(doc: SearchDocument): MeiliRecord {
  const stored = storedDocument(doc);
  const { frequencies } = analyseDocument(documentText(doc));
  const terms = [...frequencies.keys()].filter((term) => [...term].length > 1 || /[a-z0-9]/.test(term));
  return {
    id: doc.id,
    kind: doc.kind,
    ownerOrgId: doc.ownerOrgId,
    title: doc.title,
    keywords: stored.keywords ?? [],
    summary: stored.summary ?? '',
    otherText: stored.otherText ?? [],
    terms: terms.join(' '),
    fieldCodes: stored.fieldCodes ?? [],
    regionCodes: stored.regionCodes ?? [],
    maturity: stored.maturity ?? null,
    ipTypes: stored.ipTypes ?? [],
    transferModes: stored.transferModes ?? [],
    institution: stored.institution ?? null,
    hasAmount: stored.amount != null && (stored.amount.min != null || stored.amount.max != null),
    amountLow: stored.amount?.min ?? 0,
    amountHigh: stored.amount?.max ?? NO_UPPER_BOUND,
    status: doc.status,
    visibility: doc.visibility,
    updatedAtMs: new Date(doc.updatedAt).getTime(),
    source: stored,
  };
}

export const FACET_ATTRIBUTES: Record<FacetName, keyof MeiliRecord> = {
  kind: 'kind',
  fieldCodes: 'fieldCodes',
  regionCodes: 'regionCodes',
  maturity: 'maturity',
  ipTypes: 'ipTypes',
  transferModes: 'transferModes',
  institution: 'institution',
};

/** Index settings, applied when the adapter starts and to every rebuilt index. */
export function indexSettings(): Settings {
  return {
    searchableAttributes: ['title', 'keywords', 'summary', 'otherText', 'terms'],
    filterableAttributes: [
      'id',
      'kind',
      'ownerOrgId',
      'fieldCodes',
      'regionCodes',
      'maturity',
      'ipTypes',
      'transferModes',
      'institution',
      'hasAmount',
      'amountLow',
      'amountHigh',
      'status',
      'visibility',
    ],
    sortableAttributes: ['updatedAtMs'],
    displayedAttributes: ['id', 'source', 'updatedAtMs'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    synonyms: synonymMap(),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1000 },
    localizedAttributes: [
      { attributePatterns: ['title', 'keywords', 'summary', 'otherText', 'terms'], locales: ['cmn'] },
    ],
  };
}

/** Keys whose lists the engine may hand back in another order without a change of meaning. */
const UNORDERED: ReadonlySet<string> = new Set([
  'filterableAttributes',
  'sortableAttributes',
  'displayedAttributes',
  'synonyms',
]);

/**
 * Whether the settings an index has (as the engine reports them, every key filled in) already
 * include the ones we want. Unsure means no: applying settings again is only slower, never wrong.
 */
export function settingsHold(actual: Settings, wanted: Settings): boolean {
  // A synonym we no longer want is a difference too, not only one we miss.
  const synonymsAlike = Object.keys(actual.synonyms ?? {}).length === Object.keys(wanted.synonyms ?? {}).length;
  return (
    synonymsAlike &&
    Object.entries(wanted).every(([key, value]) =>
      covers((actual as Record<string, unknown>)[key], value, UNORDERED.has(key)),
    )
  );
}

function covers(actual: unknown, wanted: unknown, unordered: boolean): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    if (!unordered) return wanted.every((item, i) => covers(actual[i], item, false));
    const have = actual.map((item) => JSON.stringify(item)).sort();
    return wanted
      .map((item) => JSON.stringify(item))
      .sort()
      .every((item, i) => item === have[i]);
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([key, value]) =>
      covers((actual as Record<string, unknown>)[key], value, unordered),
    );
  }
  return actual === wanted;
}

function quote(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function list(values: readonly string[]): string {
  return `[${values.map(quote).join(', ')}]`;
}

/** The Meilisearch filter expression for our filters (same meaning as the PostgreSQL adapter's). */
export function filterExpression(filters: SearchFilters): string[] {
  const clauses: string[] = [];
  const anyOf = (attribute: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) clauses.push(`${attribute} IN ${list(values)}`);
  };
  anyOf('kind', filters.kinds);
  anyOf('ownerOrgId', filters.ownerOrgIds);
  if (filters.excludeOwnerOrgIds && filters.excludeOwnerOrgIds.length > 0) {
    clauses.push(`ownerOrgId NOT IN ${list(filters.excludeOwnerOrgIds)}`);
  }
  anyOf('fieldCodes', filters.fieldCodes);
  anyOf('regionCodes', filters.regionCodes);
  anyOf('maturity', filters.maturity);
  anyOf('ipTypes', filters.ipTypes);
  anyOf('transferModes', filters.transferModes);
  anyOf('institution', filters.institutions);
  anyOf('status', filters.status);
  anyOf('visibility', filters.visibility);
  const amount = filters.amount;
  if (amount && (amount.min != null || amount.max != null)) {
    clauses.push('hasAmount = true');
    if (amount.min != null) clauses.push(`amountHigh >= ${quote(amount.min)}`);
    if (amount.max != null) clauses.push(`amountLow <= ${quote(amount.max)}`);
  }
  return clauses;
}
