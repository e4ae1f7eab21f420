/**
 * The search engines a benchmark measures, side by side in one run: SEARCH_ENGINE names one;
 * unset, both (PostgreSQL first, then Meilisearch). On Meilisearch the benchmark uses MEILI_HOST
 * when set, else the packaged server, started for that engine's part of the run and stopped after
 * it. Each engine's figures say how large its index is and how much memory it holds.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { startPackagedMeilisearch } from '@kuaizhuan/platform';

export type Engine = 'postgres' | 'meilisearch';

export interface MeilisearchServer {
  host: string;
  key: string;
  /** The server's process, when this run started it (its memory is then measured). */
  pid?: number;
}

export interface EngineRun {
  engine: Engine;
  /** The Meilisearch server and this run's index on it, on Meilisearch. */
  meilisearch: (MeilisearchServer & { indexUid: string }) | null;
  /** The variables that point an app (in this process or a child) at this engine. */
  variables: Record<string, string>;
}

/** The engines this run measures, in order. */
export function enginesToMeasure(): Engine[] {
  const named = process.env.SEARCH_ENGINE;
  if (named === 'postgres' || named === 'meilisearch') return [named];
  if (named) throw new Error(`SEARCH_ENGINE must be meilisearch or postgres (got ${named})`);
  return ['postgres', 'meilisearch'];
}

/**
 * Runs `measure` once per engine, each with its engine set up (and the variables set in
 * process.env too, for apps built in this process), and returns the figures keyed by engine.
 */
export async function forEachEngine(
  measure: (run: EngineRun) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const saved = { ...process.env };
  const results: Record<string, unknown> = {};
  const engines = enginesToMeasure();
  try {
    for (const engine of engines) {
      process.env = { ...saved };
      results[engine] = await withEngine(engine, async (run) => {
        Object.assign(process.env, run.variables);
        return measure(run);
      });
    }
  } finally {
    process.env = saved;
  }
  return { engine: engines.join('+'), ...results };
}

async function withEngine(
  engine: Engine,
  measure: (run: EngineRun) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  if (engine === 'postgres') {
    return measure({ engine, meilisearch: null, variables: { SEARCH_ENGINE: 'postgres' } });
  }
  const own = process.env.MEILI_HOST;
  const server = own ? null : await startPackagedMeilisearch();
  const meilisearch = {
    host: own ?? server!.host,
    key: own ? (process.env.MEILI_MASTER_KEY ?? '') : server!.masterKey,
    pid: server?.pid,
    indexUid: `kz_bench_${randomBytes(4).toString('hex')}`,
  };
  try {
    return await measure({
      engine,
      meilisearch,
      variables: {
        SEARCH_ENGINE: 'meilisearch',
        MEILI_HOST: meilisearch.host,
        MEILI_MASTER_KEY: meilisearch.key,
        MEILI_INDEX: meilisearch.indexUid,
      },
    });
  } finally {
    if (own) await dropIndexes(meilisearch);
    await server?.stop();
  }
}

/** Removes this run's index (and a rebuild's) from a server the run did not start. */
async function dropIndexes(server: MeilisearchServer & { indexUid: string }): Promise<void> {
  for (const uid of [server.indexUid, `${server.indexUid}_rebuild`]) {
    await fetch(`${server.host}/indexes/${uid}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.key}` },
    }).catch(() => undefined);
  }
}

/** Current and peak resident memory of a process, in MiB (Linux). */
export function memoryMiB(pid: number | undefined): { rssMiB: number; peakRssMiB: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMiB: Math.round(kib('VmRSS') / 1024), peakRssMiB: Math.round(kib('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

/** The PostgreSQL backend of each open connection of this database (the embedded engine's memory lives there). */
async function postgresMemoryMiB(dataSource: DataSource): Promise<{ rssMiB: number; backends: number } | undefined> {
  const rows: { pid: number }[] = await dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const measured = rows.map((row) => memoryMiB(row.pid)).filter((m) => m !== undefined);
  // PostgreSQL may run as another user or on another machine: then its memory is not readable here.
  if (measured.length === 0) return undefined;
  return { rssMiB: measured.reduce((sum, m) => sum + m.rssMiB, 0), backends: measured.length };
}

/**
 * The engine's index size and memory: on PostgreSQL the search tables (data and indexes) and
 * the resident memory of this database's connections (shared buffers counted once per
 * backend that touched them, so an upper bound); on Meilisearch the database the engine uses
 * and the server's resident memory.
 */
export async function engineFootprint(run: EngineRun, dataSource: DataSource): Promise<Record<string, unknown>> {
  if (run.meilisearch) {
    const { host, key, pid } = run.meilisearch;
    const stats = (await (await fetch(`${host}/stats`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      usedDatabaseSize: number;
    };
    return { indexMiB: Math.round(stats.usedDatabaseSize / 2 ** 20), engineMemory: memoryMiB(pid) };
  }
  const [{ bytes }]: { bytes: string }[] = await dataSource.query(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
      WHERE c.relkind = 'r' AND c.relname LIKE 'search\\_%'`,
  );
  return { indexMiB: Math.round(Number(bytes) / 2 ** 20), engineMemory: await postgresMemoryMiB(dataSource) };
}
