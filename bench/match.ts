/**
 * Matching at scale: N achievements (default 100,000) indexed; needs published the way the
 * api does (row + outbox event in one transaction) at a steady 10 per second, matched by real
 * worker processes. Prints, per search engine (both in one run unless SEARCH_ENGINE names one;
 * see engines.ts), publish-to-recommendations latency p50/p95, needs matched per second with one
 * and with two workers, the workers' peak memory, and the index size and engine memory. Each
 * engine gets a throwaway database of its own with the same corpus.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Outbox, PlatformModule, SearchIndex } from '@kuaizhuan/platform';
import { CatalogIndexer, CatalogIndexingModule, catalogueDocuments } from '@kuaizhuan/catalog';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';
import { runApp, type RunningProcess } from '../test/support/processes';
import { insertAchievements, needTexts, percentile } from './corpus';
import { engineFootprint, forEachEngine, type EngineRun } from './engines';

@Module({ imports: [PlatformModule, CatalogIndexingModule] })
class BenchModule {}

const BENCH_TEMPLATE = 'kz_bench_template';

/** This benchmark measures each search engine itself (bench/run.ts leaves SEARCH_ENGINE to it). */
export const choosesEngines = true;

interface Published {
  id: string;
}

async function publishNeed(
  dataSource: DataSource,
  outbox: Outbox,
  orgId: string,
  text: { title: string; description: string },
): Promise<Published> {
  return dataSource.transaction(async (manager) => {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO need (org_id, status, title, description, cooperation_modes, region_code, published_at)
       VALUES ($1, 'published', $2, $3, '{licence,transfer}', '500112', now()) RETURNING id`,
      [orgId, text.title.slice(0, 200), text.description],
    );
    await outbox.publish(manager, 'need.published', { kind: 'need', ids: [row.id] });
    return row;
  });
}

/** Seconds from each need's outbox row to its first stored recommendation. */
async function latencies(dataSource: DataSource, ids: string[]): Promise<number[]> {
  const rows: { seconds: number }[] = await dataSource.query(
    `SELECT extract(epoch FROM min(r.created_at) - min(o.created_at))::float8 AS seconds
       FROM need n
       JOIN outbox o ON o.payload->'ids' ? n.id::text AND o.job_name = 'match.need'
       JOIN recommendation r ON r.need_id = n.id
      WHERE n.id = ANY($1) GROUP BY n.id`,
    [ids],
  );
  return rows.map((r) => r.seconds * 1000).sort((a, b) => a - b);
}

async function matchedCount(dataSource: DataSource, ids: string[]): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(
    `SELECT count(DISTINCT need_id)::int AS n FROM recommendation WHERE need_id = ANY($1)`,
    [ids],
  );
  return row.n;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('benchmark timed out waiting for matches');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function peakMemoryMiB(worker: RunningProcess): number {
  const status = readFileSync(`/proc/${worker.child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function startWorkers(count: number): Promise<RunningProcess[]> {
  const workers = Array.from({ length: count }, () => runApp('apps/worker/src/main.ts', { LOG_LEVEL: 'error' }));
  await Promise.all(workers.map((w) => w.waitForOutput(/worker started/, 60_000)));
  return workers;
}

async function stopWorkers(workers: RunningProcess[]): Promise<void> {
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const count = Number(args[0] ?? 100_000);
  const steadyNeeds = Number(args[1] ?? 200);
  const burstNeeds = Number(args[2] ?? 200);
  await prepareTemplate(BENCH_TEMPLATE);
  return {
    achievements: count,
    arrivalPerSecond: 10,
    steadyNeeds,
    burstNeeds,
    ...(await forEachEngine((engine) => matchOn(engine, count, steadyNeeds, burstNeeds))),
  };
}

async function matchOn(
  engine: EngineRun,
  count: number,
  steadyNeeds: number,
  burstNeeds: number,
): Promise<Record<string, unknown>> {
  const env = await setUpTestEnvironment({ OUTBOX_POLL_MS: '100', ...engine.variables }, BENCH_TEMPLATE, {
    search: engine.engine,
  });
  const context = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  const dataSource = context.get(DataSource);
  const outbox = context.get(Outbox);
  const texts = needTexts();
  try {
    await insertAchievements(dataSource, count);
    const t0 = performance.now();
    await context.get(SearchIndex).rebuild(catalogueDocuments(context.get(CatalogIndexer)));
    const rebuildSeconds = (performance.now() - t0) / 1000;
    const [company]: { id: string }[] = await dataSource.query(
      `INSERT INTO organisation (name, kind, region, verification_status) VALUES ('基准企业', 'enterprise', '500112', 'verified') RETURNING id`,
    );

    // Steady arrivals at 10 needs per second, one worker.
    let workers = await startWorkers(1);
    const steady: string[] = [];
    for (let i = 0; i < steadyNeeds; i += 1) {
      const started = performance.now();
      steady.push((await publishNeed(dataSource, outbox, company.id, texts[i % texts.length])).id);
      const wait = 100 - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await waitFor(async () => (await matchedCount(dataSource, steady)) >= steady.length * 0.95, 600_000);
    const steadyLatency = await latencies(dataSource, steady);

    // Bursts: how fast one and then two workers work through a backlog.
    const throughput: Record<string, number> = {};
    const memory: Record<string, number[]> = {};
    for (const size of [1, 2]) {
      if (workers.length !== size) {
        await stopWorkers(workers);
        workers = await startWorkers(size);
      }
      const burst: string[] = [];
      const start = performance.now();
      for (let i = 0; i < burstNeeds; i += 1) {
        burst.push(
          (
            await publishNeed(
              dataSource,
              outbox,
              company.id,
              texts[(steadyNeeds + size * burstNeeds + i) % texts.length],
            )
          ).id,
        );
      }
      await waitFor(async () => (await matchedCount(dataSource, burst)) >= burst.length * 0.95, 600_000);
      throughput[`workers${size}`] = Math.round((burst.length / ((performance.now() - start) / 1000)) * 10) / 10;
      memory[`workers${size}`] = workers.map(peakMemoryMiB);
    }
    await stopWorkers(workers);
    return {
      indexRebuildSeconds: Math.round(rebuildSeconds * 10) / 10,
      publishToRecommendationsMsP50: Math.round(percentile(steadyLatency, 0.5)),
      publishToRecommendationsMsP95: Math.round(percentile(steadyLatency, 0.95)),
      needsMatchedPerSecond: throughput,
      workerPeakMemoryMiB: memory,
      ...(await engineFootprint(engine, dataSource)),
      loadAverage1m: loadavg()[0],
    };
  } finally {
    await context.close();
    await env.teardown();
  }
}
