/**
 * `npm run bench -- <name> [args…]` runs bench/<name>.ts. A benchmark exports
 * `run(args)` returning its figures; they are printed as one JSON object on the last line.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

interface Benchmark {
  run(args: string[]): Promise<Record<string, unknown>>;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(__dirname, `${name}.ts`))) {
    console.error(`usage: npm run bench -- <name> [args]; <name> is a file in bench/ (got ${name ?? 'nothing'})`);
    process.exit(2);
  }
  const bench = (await import(join(__dirname, name))) as Benchmark;
  const figures = await bench.run(args);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  console.log(JSON.stringify({ benchmark: name, machine, ...figures }));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
