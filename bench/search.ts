/**
 * Search at scale, on each engine: N achievements (default 100,000) in a throwaway database;
 * per engine the index rebuilt from PostgreSQL (timed), then the real api over HTTP with 16
 * concurrent clients and with one, and on Meilisearch the same queries sent straight to the
 * engine (what the api keeps of the engine's own throughput). SEARCH_ENGINE names one engine;
 * unset, both are measured in the same run, on the same corpus. Prints latency p50/p95/p99,
 * throughput, rebuild time, index size and memory per engine.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { meilisearchRequest, PlatformModule, SearchIndex, type FacetName, type SearchQuery } from '@kuaizhuan/platform';
import { CatalogIndexer, CatalogIndexingModule, catalogueDocuments } from '@kuaizhuan/catalog';
import { prepareTemplate } from '../test/support/database';
import { registerAccount } from '../test/support/auth';
import { setUpTestEnvironment } from '../test/support/environment';
import { closeMailDelivery } from '../test/support/mail-delivery';
import { runApp } from '../test/support/processes';
import { freePort } from '../test/support/redis-server';
import { percentile, random, sourceRecords, syntheticAchievements } from './corpus';
import { engineFootprint, forEachEngine, memoryMiB, type EngineRun } from './engines';

@Module({ imports: [PlatformModule, CatalogIndexingModule] })
class IndexingModule {}

/** The search benchmark starts the engines itself (bench/run.ts leaves SEARCH_ENGINE to it). */
export const choosesEngines = true;

const BENCH_TEMPLATE = 'kz_bench_template';
const FIELDS = ['light-alloy', 'advanced-materials', 'intelligent-nev', 'biomedicine', 'software-it', 'ai-robotics'];
const MODES = ['licence', 'transfer', 'use_first_pay_later', 'equity'];
/** The facets the portal's search page asks for (libs/catalog/src/search/catalog-search.ts). */
const PORTAL_FACETS: FacetName[] = ['fieldCodes', 'regionCodes', 'maturity', 'ipTypes', 'transferModes', 'institution'];
const CLIENTS = 16;

export async function insertCorpus(dataSource: DataSource, count: number): Promise<void> {
  const [org]: { id: string }[] = await dataSource.query(
    `INSERT INTO organisation (name, kind, region, verification_status) VALUES ('基准大学', 'university', '500106', 'verified') RETURNING id`,
  );
  const next = random(11);
  const batch: { title: string; summary: string; keywords: string[] }[] = [];
  const flush = async () => {
    await dataSource.query(
      `INSERT INTO achievement (org_id, status, title, summary, keywords, field_codes, transfer_modes, trl, price_min, price_max, published_at)
       SELECT $1, 'published', t.title, t.summary, string_to_array(t.keywords, '|'), string_to_array(t.fields, '|'),
              string_to_array(t.modes, '|')::cooperation_mode[], t.trl, t.price, t.price * 2, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::numeric[])
           AS t(title, summary, keywords, fields, modes, trl, price)`,
      [
        org.id,
        batch.map((b) => b.title.slice(0, 200)),
        batch.map((b) => b.summary),
        batch.map((b) => b.keywords.join('|')),
        batch.map(() => FIELDS[Math.floor(next() * FIELDS.length)]),
        batch.map(() => MODES[Math.floor(next() * MODES.length)]),
        batch.map(() => 1 + Math.floor(next() * 9)),
        batch.map(() => 10_000 * (1 + Math.floor(next() * 500))),
      ],
    );
    batch.length = 0;
  };
  for (const achievement of syntheticAchievements(count, sourceRecords())) {
    batch.push(achievement);
    if (batch.length === 5_000) await flush();
  }
  if (batch.length > 0) await flush();
}

/** The i-th query of a run: its text, and a field filter on every third. */
function nthQuery(queries: string[], i: number): { q: string; field?: string } {
  return { q: queries[i % queries.length], ...(i % 3 === 0 ? { field: FIELDS[i % FIELDS.length] } : {}) };
}

/** `send(i)` for requests 0..n-1 from `clients` concurrent clients; true when answered well. */
async function load(send: (i: number) => Promise<boolean>, clients: number, requests: number) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        const ok = await send(i);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests,
    clients,
    errors,
    requestsPerSecond: Math.round(requests / seconds),
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p95Ms: Math.round(percentile(latencies, 0.95)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
  };
}

function throughHttp(baseUrl: string, token: string, queries: string[]) {
  return async (i: number): Promise<boolean> => {
    const { q, field } = nthQuery(queries, i);
    const params = new URLSearchParams({ q, type: 'achievement', pageSize: '20' });
    if (field) params.append('field', field);
    const response = await fetch(`${baseUrl}/api/search?${params.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    return response.status === 200;
  };
}

/** The request the api's adapter would send for the same portal query, sent straight to Meilisearch. */
function straightToMeilisearch(host: string, key: string, indexUid: string, queries: string[]) {
  return async (i: number): Promise<boolean> => {
    const { q, field } = nthQuery(queries, i);
    const query: SearchQuery = {
      text: q,
      filters: { kinds: ['achievement'], visibility: ['public'], ...(field ? { fieldCodes: [field] } : {}) },
      facets: PORTAL_FACETS,
      page: 1,
      limit: 20,
    };
    const request = meilisearchRequest(query);
    const response = await fetch(`${host}/indexes/${indexUid}/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ q: request.q, ...request.params }),
    });
    await response.arrayBuffer();
    return response.status === 200;
  };
}

/**
 * Signs a company up through the api as a person does: registers, reads the confirmation e-mail
 * the platform mails to the run's SMTP capture, and confirms. The worker that delivered it takes
 * only the deliver queue and is stopped before anything is measured.
 */
async function signUpThroughMail(baseUrl: string, engine: string): Promise<string> {
  const account = await registerAccount(baseUrl, {
    email: `bench-${engine}@example.test`,
    password: 'a long bench password',
    name: `基准企业 ${engine}`,
  });
  await closeMailDelivery();
  return account.accessToken;
}

async function measure(run: EngineRun, dataSource: DataSource, requests: number): Promise<Record<string, unknown>> {
  const { engine, meilisearch: meili } = run;
  const context = await NestFactory.createApplicationContext(IndexingModule, { logger: ['error'] });
  let api: ReturnType<typeof runApp> | null = null;
  try {
    const t1 = performance.now();
    const rebuilt = await context.get(SearchIndex).rebuild(catalogueDocuments(context.get(CatalogIndexer)));
    const rebuildSeconds = (performance.now() - t1) / 1000;

    const port = await freePort();
    api = runApp('apps/api/src/main.ts', { PORT: String(port), LOG_LEVEL: 'error' });
    await api.waitForOutput(/api listening/, 60_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const token = await signUpThroughMail(baseUrl, engine);
    const queries = sourceRecords()
      .slice(0, 400)
      .map((r) => r.title.slice(0, 30));
    const http = throughHttp(baseUrl, token, queries);
    await load(http, 4, 100); // warm-up
    const figures = await load(http, CLIENTS, requests);
    const single = await load(http, 1, Math.min(300, requests));
    const figuresOf: Record<string, unknown> = {
      documentsIndexed: rebuilt.documents,
      indexRebuildSeconds: Math.round(rebuildSeconds * 10) / 10,
      documentsPerSecondRebuilt: Math.round(rebuilt.documents / rebuildSeconds),
      ...figures,
      singleClientP50Ms: single.p50Ms,
      singleClientP95Ms: single.p95Ms,
    };
    if (meili) {
      const straight = straightToMeilisearch(meili.host, meili.key, meili.indexUid, queries);
      await load(straight, 4, 100);
      const engineFigures = await load(straight, CLIENTS, requests);
      const engineSingle = await load(straight, 1, Math.min(300, requests));
      Object.assign(figuresOf, {
        engineRequestsPerSecond: engineFigures.requestsPerSecond,
        engineP50Ms: engineFigures.p50Ms,
        engineP95Ms: engineFigures.p95Ms,
        engineSingleClientP95Ms: engineSingle.p95Ms,
        apiShareOfEngineThroughput:
          Math.round((figures.requestsPerSecond / engineFigures.requestsPerSecond) * 100) / 100,
      });
    }
    Object.assign(figuresOf, await engineFootprint(run, dataSource), { apiMemory: memoryMiB(api.child.pid) });
    return figuresOf;
  } finally {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await context.close();
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const count = Number(args[0] ?? 100_000);
  const requests = Number(args[1] ?? 2_000);
  await prepareTemplate(BENCH_TEMPLATE);
  const env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' }, BENCH_TEMPLATE, {
    search: 'postgres',
  });
  const context = await NestFactory.createApplicationContext(IndexingModule, { logger: ['error'] });
  try {
    const dataSource = context.get(DataSource);
    const t0 = performance.now();
    await insertCorpus(dataSource, count);
    const insertSeconds = (performance.now() - t0) / 1000;
    const results = await forEachEngine(async (engineRun) => ({
      ...(await measure(engineRun, dataSource, requests)),
      loadAverage1m: loadavg()[0],
    }));
    return { achievements: count, insertSeconds: Math.round(insertSeconds * 10) / 10, ...results };
  } finally {
    await context.close();
    await env.teardown();
  }
}
