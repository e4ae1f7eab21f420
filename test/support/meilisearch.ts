import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
// In the global setup the alias resolves through ./aliases (Jest's module mapper does not apply there).
import { startPackagedMeilisearch, type PackagedMeilisearch } from '@kuaizhuan/platform';

/**
 * The Meilisearch server of one jest run: global setup starts the packaged server (or takes
 * TEST_MEILI_HOST / TEST_MEILI_MASTER_KEY, a server of your own) and hands it to the test workers
 * through these variables. Each test file then uses an index of its own on it.
 */
const HOST = 'KZ_TEST_MEILI_HOST';
const KEY = 'KZ_TEST_MEILI_KEY';

export async function startRunMeilisearch(): Promise<PackagedMeilisearch | null> {
  if (process.env.TEST_MEILI_HOST) {
    process.env[HOST] = process.env.TEST_MEILI_HOST;
    process.env[KEY] = process.env.TEST_MEILI_MASTER_KEY ?? '';
    return null;
  }
  let server: PackagedMeilisearch;
  try {
    server = await startPackagedMeilisearch();
  } catch (error) {
    // Said once, plainly: the run needs a real Meilisearch and does not fall back to PostgreSQL.
    throw new Error(
      `The tests need a Meilisearch server and could not start one: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  process.env[HOST] = server.host;
  process.env[KEY] = server.masterKey;
  return server;
}

export interface TestMeilisearch {
  host: string;
  masterKey: string;
}

/** The run's server, as global setup handed it over; throws when the run has none. */
export function testMeilisearch(): TestMeilisearch {
  const host = process.env[HOST];
  if (!host) throw new Error(`${HOST} is not set: run the tests through jest, whose global setup starts Meilisearch`);
  return { host, masterKey: process.env[KEY] ?? '' };
}

/** A fresh index uid for one test file (or one tool run). */
export function testIndexUid(prefix = 'kzt'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** The environment that points an app at the run's Meilisearch under `indexUid`. */
export function meilisearchEnvironment(indexUid: string): Record<string, string> {
  const { host, masterKey } = testMeilisearch();
  return { SEARCH_ENGINE: 'meilisearch', MEILI_HOST: host, MEILI_MASTER_KEY: masterKey, MEILI_INDEX: indexUid };
}

/** Deletes a test file's index and the one its rebuilds use, on whatever server they live. */
export async function dropTestIndex(host: string, masterKey: string, indexUid: string): Promise<void> {
  const client = new Meilisearch({ host, apiKey: masterKey || undefined });
  for (const uid of [indexUid, `${indexUid}_rebuild`]) await client.deleteIndexIfExists(uid);
}
