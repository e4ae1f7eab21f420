/**
 * Mixed load on the HTTP api: N achievements (default 100,000) indexed, then C clients
 * (default 16) for S seconds (default 60) doing what the portal does — text search (50%),
 * browsing with a filter (20%), a company submitting a need that the operator publishes
 * (15%, three requests), a manager reading the review queue (15%) — with the real api and
 * worker as child processes. Prints throughput and latency per operation, and the queue
 * backlog (waiting jobs, oldest wait, outbox) sampled every second while the load ran, per
 * search engine (both in one run unless SEARCH_ENGINE names one; see engines.ts), with the index
 * size and the engine's, api's and worker's memory. Each engine gets a throwaway database of its
 * own with the same corpus.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PlatformModule, SearchIndex } from '@kuaizhuan/platform';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { CatalogIndexer, CatalogIndexingModule, catalogueDocuments } from '@kuaizhuan/catalog';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';
import { runApp, type RunningProcess } from '../test/support/processes';
import { freePort } from '../test/support/redis-server';
import { percentile, random, sourceRecords } from './corpus';
import { engineFootprint, forEachEngine, memoryMiB, type EngineRun } from './engines';
import { insertCorpus } from './search';

@Module({ imports: [PlatformModule, CatalogIndexingModule] })
class IndexingModule {}

const BENCH_TEMPLATE = 'kz_bench_template';
const FIELDS = ['light-alloy', 'advanced-materials', 'intelligent-nev', 'biomedicine', 'software-it', 'ai-robotics'];

/** This benchmark measures each search engine itself (bench/run.ts leaves SEARCH_ENGINE to it). */
export const choosesEngines = true;

type Operation = 'search' | 'browse' | 'submitNeed' | 'reviewQueue';

interface QueueSample {
  queues: Array<{ queue: string; waiting: number; oldestWaitingSeconds: number | null }>;
  outbox: { pending: number; oldestPendingSeconds: number | null };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}`);
  return ((await response.json()) as { tokens: { accessToken: string } }).tokens.accessToken;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const count = Number(args[0] ?? 100_000);
  const seconds = Number(args[1] ?? 60);
  const clients = Number(args[2] ?? 16);
  await prepareTemplate(BENCH_TEMPLATE);
  return {
    achievements: count,
    clients,
    ...(await forEachEngine((engine) => loadOn(engine, count, seconds, clients))),
  };
}

async function loadOn(
  engine: EngineRun,
  count: number,
  seconds: number,
  clients: number,
): Promise<Record<string, unknown>> {
  const env = await setUpTestEnvironment(
    { AUTH_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'error', ...engine.variables },
    BENCH_TEMPLATE,
    { search: engine.engine },
  );
  const context = await NestFactory.createApplicationContext(IndexingModule, { logger: ['error'] });
  const children: RunningProcess[] = [];
  try {
    const dataSource = context.get(DataSource);
    await insertCorpus(dataSource, count);
    await context.get(SearchIndex).rebuild(catalogueDocuments(context.get(CatalogIndexer)));
    const accounts = await seedIdentity(dataSource);

    const port = await freePort();
    const api = runApp('apps/api/src/main.ts', { PORT: String(port), LOG_LEVEL: 'info' });
    const worker = runApp('apps/worker/src/main.ts', { LOG_LEVEL: 'info' });
    children.push(api, worker);
    await api.waitForOutput(/api listening/, 60_000);
    await worker.waitForOutput(/worker started/, 60_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const tokens = {
      enterprise: await signIn(baseUrl, accounts.enterprise.email),
      manager: await signIn(baseUrl, accounts.manager.email),
      admin: await signIn(baseUrl, accounts.operator.email),
    };
    const queries = sourceRecords()
      .slice(0, 400)
      .map((r) => r.title.slice(0, 30));
    const call = async (path: string, token: string, body?: unknown): Promise<number> => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const operations: Record<Operation, (i: number) => Promise<boolean>> = {
      search: async (i) =>
        (await call(
          `/api/search?${new URLSearchParams({ q: queries[i % queries.length] }).toString()}`,
          tokens.enterprise,
        )) === 200,
      browse: async (i) => (await call(`/api/search?field=${FIELDS[i % FIELDS.length]}`, tokens.enterprise)) === 200,
      submitNeed: async (i) => {
        const response = await fetch(`${baseUrl}/api/needs`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.enterprise}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            title: `${queries[(i * 7) % queries.length]} 技术需求`,
            description: '希望与高校合作解决生产中的关键技术问题，提升产品性能并降低成本。',
            keywords: ['技术合作'],
            cooperationModes: ['licence', 'transfer'],
          }),
        });
        if (response.status !== 201) return false;
        const { id } = (await response.json()) as { id: string };
        return (
          (await call(`/api/needs/${id}/submit`, tokens.enterprise, {})) === 200 &&
          (await call(`/api/needs/${id}/approve`, tokens.admin, {})) === 200
        );
      },
      reviewQueue: async () => (await call('/api/reviews?pageSize=20', tokens.manager)) === 200,
    };
    const mix: Operation[] = [
      ...Array<Operation>(10).fill('search'),
      ...Array<Operation>(4).fill('browse'),
      ...Array<Operation>(3).fill('submitNeed'),
      ...Array<Operation>(3).fill('reviewQueue'),
    ];

    const samples: QueueSample[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const response = await fetch(`${baseUrl}/api/admin/queues`, {
          headers: { authorization: `Bearer ${tokens.admin}` },
        });
        if (response.status === 200) samples.push((await response.json()) as QueueSample);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    })();

    const latencies: Record<Operation, number[]> = { search: [], browse: [], submitNeed: [], reviewQueue: [] };
    const errors: Record<Operation, number> = { search: 0, browse: 0, submitNeed: 0, reviewQueue: 0 };
    const next = random(5);
    const deadline = performance.now() + seconds * 1000;
    let counter = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const i = counter++;
          const operation = mix[Math.floor(next() * mix.length)];
          const t0 = performance.now();
          const ok = await operations[operation](i).catch(() => false);
          latencies[operation].push(performance.now() - t0);
          if (!ok) errors[operation] += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;

    const perOperation = Object.fromEntries(
      (Object.keys(latencies) as Operation[]).map((operation) => {
        const sorted = [...latencies[operation]].sort((a, b) => a - b);
        return [
          operation,
          {
            count: sorted.length,
            errors: errors[operation],
            p50Ms: Math.round(percentile(sorted, 0.5)),
            p95Ms: Math.round(percentile(sorted, 0.95)),
            p99Ms: Math.round(percentile(sorted, 0.99)),
          },
        ];
      }),
    );
    const queueNames = [...new Set(samples.flatMap((s) => s.queues.map((q) => q.queue)))];
    const backlog = Object.fromEntries(
      queueNames.map((name) => {
        const series = samples.flatMap((s) => s.queues.filter((q) => q.queue === name));
        return [
          name,
          {
            maxWaiting: Math.max(0, ...series.map((q) => q.waiting)),
            maxOldestWaitingSeconds: Math.max(0, ...series.map((q) => q.oldestWaitingSeconds ?? 0)),
          },
        ];
      }),
    );
    const total = Object.values(latencies).reduce((sum, list) => sum + list.length, 0);
    return {
      seconds: Math.round(elapsed),
      operations: total,
      operationsPerSecond: Math.round(total / elapsed),
      perOperation,
      queueBacklog: backlog,
      outboxMaxPending: Math.max(0, ...samples.map((s) => s.outbox.pending)),
      queueSamples: samples.length,
      ...(await engineFootprint(engine, dataSource)),
      apiMemory: memoryMiB(api.child.pid),
      workerMemory: memoryMiB(worker.child.pid),
    };
  } finally {
    for (const child of children) child.child.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
    await context.close();
    await env.teardown();
  }
}
