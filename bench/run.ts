/**
 * `npm run bench -- <name> [args…]` runs bench/<name>.ts. A benchmark exports
 * `run(args)` returning its figures; they are printed as one JSON object on the last line.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { searchEngineForTool } from '@kuaizhuan/platform';
import { join } from 'node:path';

interface Benchmark {
  run(args: string[]): Promise<Record<string, unknown>>;
  /** Set by a benchmark that starts its search engines itself (search measures both). */
  choosesEngines?: boolean;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(__dirname, `${name}.ts`))) {
    console.error(`usage: npm run bench -- <name> [args]; <name> is a file in bench/ (got ${name ?? 'nothing'})`);
    process.exit(2);
  }
  const bench = (await import(join(__dirname, name))) as Benchmark;
  // SEARCH_ENGINE=meilisearch without MEILI_HOST starts the packaged server for this run.
  const search = bench.choosesEngines ? null : await searchEngineForTool();
  const loadBefore = loadavg()[0];
  let figures: Record<string, unknown>;
  try {
    figures = await bench.run(args);
  } finally {
    await search?.stop();
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    // Others may share the machine: the load before and after the run says how much.
    loadAverage1m: [Math.round(loadBefore * 10) / 10, Math.round(loadavg()[0] * 10) / 10],
  };
  console.log(JSON.stringify({ benchmark: name, machine, ...(search ? { engine: search.engine } : {}), ...figures }));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
