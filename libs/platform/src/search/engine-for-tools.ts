import { startPackagedMeilisearch, type PackagedMeilisearchOptions } from './meilisearch/packaged-server';
import type { SearchEngine } from './search.module';

export interface ToolSearchEngine {
  engine: SearchEngine;
  /** The Meilisearch server used, when the engine is Meilisearch. */
  host?: string;
  /** Whether this process started that server (the packaged one) itself. */
  started: boolean;
  /** Stops the server this process started; nothing otherwise. */
  stop(): Promise<void>;
}

/**
 * For command-line tools (evaluation, benchmarks, the demo): reads `SEARCH_ENGINE` (default
 * postgres for tools, unless MEILI_HOST is set) and, for Meilisearch without `MEILI_HOST`,
 * starts the packaged server and points this process's MEILI_HOST / MEILI_MASTER_KEY at it, so
 * that every application the tool then builds uses it. Call `stop` when the tool ends.
 */
export async function searchEngineForTool(options: PackagedMeilisearchOptions = {}): Promise<ToolSearchEngine> {
  const named = process.env.SEARCH_ENGINE;
  if (named !== undefined && named !== '' && named !== 'meilisearch' && named !== 'postgres') {
    throw new Error(`SEARCH_ENGINE must be meilisearch or postgres (got ${named})`);
  }
  const engine: SearchEngine =
    (named as SearchEngine | undefined) || (process.env.MEILI_HOST ? 'meilisearch' : 'postgres');
  process.env.SEARCH_ENGINE = engine;
  if (engine === 'postgres') return { engine, started: false, stop: () => Promise.resolve() };
  if (process.env.MEILI_HOST)
    return { engine, host: process.env.MEILI_HOST, started: false, stop: () => Promise.resolve() };
  const server = await startPackagedMeilisearch(options);
  process.env.MEILI_HOST = server.host;
  process.env.MEILI_MASTER_KEY = server.masterKey;
  return { engine, host: server.host, started: true, stop: () => server.stop() };
}
