import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { eventually } from './apps';

/**
 * How many of these catalogue ids the search index of this test file holds, on whichever engine
 * its environment names (see setUpTestEnvironment): the test reads the index as it is, not the
 * engine's answer to a query.
 */
export async function indexedCount(dataSource: DataSource, ids: readonly string[]): Promise<number> {
  if (process.env.SEARCH_ENGINE === 'meilisearch') {
    const client = new Meilisearch({
      host: process.env.MEILI_HOST!,
      apiKey: process.env.MEILI_MASTER_KEY || undefined,
    });
    try {
      const found = await client
        .index(process.env.MEILI_INDEX!)
        .getDocuments({ ids: [...ids], fields: ['id'], limit: ids.length });
      return found.results.length;
    } catch (error) {
      // Nothing indexed yet: the adapter creates the index on first use.
      if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return 0;
      throw error;
    }
  }
  const [{ n }]: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM search_document WHERE id = ANY($1::text[])`,
    [ids],
  );
  return n;
}

/**
 * Waits until the search index holds every one of these ids. The run's Meilisearch serves every
 * test file of the run and applies their tasks one after another, whichever index they write:
 * a write of a few documents may wait behind another file's whole seeded catalogue, minutes on
 * a busy machine.
 */
export async function awaitIndexed(dataSource: DataSource, ids: readonly string[], timeoutMs = 240_000): Promise<void> {
  await eventually(
    async () => (await indexedCount(dataSource, ids)) >= ids.length,
    timeoutMs,
    `${ids.length} catalogue rows indexed`,
  );
}
