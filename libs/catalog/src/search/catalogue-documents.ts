import type { SearchDocument } from '@kuaizhuan/platform';
import type { CatalogIndexer, CatalogKind } from './catalog-indexer';

export const CATALOGUE_KINDS: readonly CatalogKind[] = ['need', 'achievement', 'researcher'];

/** Every catalogue document in batches, reporting each batch to `progress`. */
export async function* catalogueDocuments(
  indexer: CatalogIndexer,
  progress: (documents: number) => void = () => undefined,
): AsyncGenerator<SearchDocument[]> {
  for (const kind of CATALOGUE_KINDS) {
    for await (const batch of indexer.allDocuments(kind)) {
      progress(batch.length);
      yield batch;
    }
  }
}
