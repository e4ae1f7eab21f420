import { InvalidInputError } from '../errors/domain-errors';
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  SEARCH_KINDS,
  type SearchDocument,
  type SearchQuery,
} from './search-document';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Rejects documents that one of the adapters could not store the same way (shared so both behave alike). */
export function assertValidDocuments(documents: readonly SearchDocument[]): void {
  const seen = new Set<string>();
  for (const doc of documents) {
    if (!ID.test(doc.id))
      throw new InvalidInputError(`search document id "${doc.id}" must be 1-64 letters, digits, - or _`, 'id');
    if (seen.has(doc.id)) throw new InvalidInputError(`search document ${doc.id} appears twice in one batch`, 'id');
    seen.add(doc.id);
    if (!SEARCH_KINDS.includes(doc.kind))
      throw new InvalidInputError(`search document ${doc.id} has unknown kind "${doc.kind}"`, 'kind');
    if (Number.isNaN(new Date(doc.updatedAt).getTime())) {
      throw new InvalidInputError(`search document ${doc.id} has no valid updatedAt`, 'updatedAt');
    }
    for (const bound of [doc.amount?.min, doc.amount?.max]) {
      if (bound !== undefined && bound !== null && !(Number.isSafeInteger(bound) && bound >= 0)) {
        throw new InvalidInputError(`search document ${doc.id}: amounts are whole yuan, not negative`, 'amount');
      }
    }
  }
}

export function assertValidIds(ids: readonly string[]): void {
  for (const id of ids) if (!ID.test(id)) throw new InvalidInputError(`search document id "${id}" is malformed`, 'id');
}

export interface Paging {
  page: number;
  limit: number;
  offset: number;
}

/** Page and limit with defaults, bounded so a caller cannot ask for the whole index at once. */
export function paging(query: SearchQuery): Paging {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT)));
  return { page, limit, offset: (page - 1) * limit };
}
