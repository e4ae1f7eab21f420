/**
 * Search at scale: N achievements (default 100,000) in a throwaway database, the index
 * rebuilt from PostgreSQL (timed), then 16 concurrent clients querying the real api over
 * HTTP. Prints latency p50/p95/p99, throughput and the rebuild time.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PlatformModule, SearchIndex } from '@kuaizhuan/platform';
import { CatalogIndexer, CatalogIndexingModule } from '@kuaizhuan/catalog';
import { catalogueDocuments } from '../libs/catalog/src/search/reindex';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';
import { runApp } from '../test/support/processes';
import { freePort } from '../test/support/redis-server';
import { percentile, random, sourceRecords, syntheticAchievements } from './corpus';

@Module({ imports: [PlatformModule, CatalogIndexingModule] })
class IndexingModule {}

const BENCH_TEMPLATE = 'kz_bench_template';
const FIELDS = ['light-alloy', 'advanced-materials', 'intelligent-nev', 'biomedicine', 'software-it', 'ai-robotics'];
const MODES = ['licence', 'transfer', 'use_first_pay_later', 'equity'];

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

async function loadTest(baseUrl: string, token: string, queries: string[], clients: number, requests: number) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const i = next++;
        const q = queries[i % queries.length];
        const params = new URLSearchParams({ q, type: 'achievement', pageSize: '20' });
        if (i % 3 === 0) params.append('field', FIELDS[i % FIELDS.length]);
        const t0 = performance.now();
        const response = await fetch(`${baseUrl}/api/search?${params.toString()}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) errors += 1;
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

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const count = Number(args[0] ?? 100_000);
  const requests = Number(args[1] ?? 2_000);
  await prepareTemplate(BENCH_TEMPLATE);
  const env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' }, BENCH_TEMPLATE);
  const context = await NestFactory.createApplicationContext(IndexingModule, { logger: ['error'] });
  let api: ReturnType<typeof runApp> | null = null;
  try {
    const dataSource = context.get(DataSource);
    const t0 = performance.now();
    await insertCorpus(dataSource, count);
    const insertSeconds = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    const rebuilt = await context.get(SearchIndex).rebuild(catalogueDocuments(context.get(CatalogIndexer)));
    const rebuildSeconds = (performance.now() - t1) / 1000;

    const port = await freePort();
    api = runApp('apps/api/src/main.ts', { PORT: String(port), LOG_LEVEL: 'error' });
    await api.waitForOutput(/api listening/, 60_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const registered = await fetch(`${baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'bench@example.test',
        password: 'a long bench password',
        name: '基准',
        organisation: { name: '基准企业', kind: 'enterprise', region: '500112' },
      }),
    });
    const token = ((await registered.json()) as { tokens: { accessToken: string } }).tokens.accessToken;
    const queries = sourceRecords()
      .slice(0, 400)
      .map((r) => r.title.slice(0, 30));
    await loadTest(baseUrl, token, queries, 4, 100); // warm-up
    const figures = await loadTest(baseUrl, token, queries, 16, requests);
    return {
      adapter: process.env.MEILI_HOST ? 'meilisearch' : 'postgres',
      achievements: count,
      documentsIndexed: rebuilt.documents,
      insertSeconds: Math.round(insertSeconds * 10) / 10,
      indexRebuildSeconds: Math.round(rebuildSeconds * 10) / 10,
      ...figures,
    };
  } finally {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await context.close();
    await env.teardown();
  }
}
