/**
 * Retrieval quality and latency of the PostgreSQL search adapter on a development set
 * (format: ../shared/data/README.md). Loads the achievements into a throwaway database,
 * queries with each need's title + description, prints JSON metrics.
 *
 *   node -r ./tools/ts-register.js bench/search-quality.ts ../shared/data/csl-dev-topical.json
 *
 * Uses TEST_DATABASE_URL's server (default: local PostgreSQL); the database is dropped after.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, PostgresSearchIndex, type SearchDocument } from '@kuaizhuan/platform';

interface Dataset {
  name: string;
  needs: Array<{ id: string; title: string; description: string; category?: string }>;
  achievements: Array<{ id: string; title: string; summary: string; keywords?: string[]; field?: string }>;
  qrels: Array<{ need: string; achievement: string; grade: number }>;
}

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CANDIDATES = 200;

function urlFor(database: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function toDocument(a: Dataset['achievements'][number]): SearchDocument {
  return {
    id: a.id,
    kind: 'achievement',
    ownerOrgId: 'bench-university',
    title: a.title,
    summary: a.summary,
    keywords: a.keywords ?? [],
    // The field's name is public text of a listing too (the catalogue sends it the same way).
    otherText: a.field ? [a.field] : [],
    fieldCodes: a.field ? [a.field] : [],
    status: 'published',
    visibility: 'public',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

/** The metrics of ../shared/data/README.md, plus recall at the matcher's candidate depths. */
export function evaluate(ranked: Map<string, string[]>, data: Dataset) {
  const grades = new Map<string, Map<string, number>>();
  for (const q of data.qrels) {
    if (!grades.has(q.need)) grades.set(q.need, new Map());
    grades.get(q.need)!.set(q.achievement, q.grade);
  }
  const gain = (grade: number) => 2 ** grade - 1;
  let ndcg = 0;
  let mrr = 0;
  const recallAt = { 10: 0, 100: 0, 200: 0 };
  for (const need of data.needs) {
    const g = grades.get(need.id) ?? new Map<string, number>();
    const list = ranked.get(need.id) ?? [];
    const dcg = list.slice(0, 10).reduce((sum, id, i) => sum + gain(g.get(id) ?? 0) / Math.log2(i + 2), 0);
    const ideal = [...g.values()].sort((a, b) => b - a).slice(0, 10);
    const idcg = ideal.reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
    ndcg += idcg > 0 ? dcg / idcg : 0;
    const first = list.findIndex((id) => g.get(id) === 2);
    if (first >= 0 && first < 10) mrr += 1 / (first + 1);
    for (const k of [10, 100, 200] as const) if (first >= 0 && first < k) recallAt[k] += 1;
  }
  const n = data.needs.length;
  const round = (x: number) => Math.round((x / n) * 1000) / 1000;
  return {
    'ndcg@10': round(ndcg),
    'mrr@10': round(mrr),
    'recall@10': round(recallAt[10]),
    'recall@100': round(recallAt[100]),
    'recall@200': round(recallAt[200]),
  };
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench/search-quality.ts <dataset.json>');
  const data = JSON.parse(readFileSync(file, 'utf8')) as Dataset;
  const database = `kz_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const dataSource = new DataSource(dataSourceOptions({ url: urlFor(database), applicationName: 'kz-bench' }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const index = new PostgresSearchIndex(dataSource);

    const loadStart = performance.now();
    const documents = data.achievements.map(toDocument);
    for (let i = 0; i < documents.length; i += 100) await index.upsert(documents.slice(i, i + 100));
    const loadMs = performance.now() - loadStart;
    // As autovacuum would leave them: statistics and visibility maps up to date.
    await dataSource.query('VACUUM ANALYZE search_document');
    await dataSource.query('VACUUM ANALYZE search_posting');

    const ranked = new Map<string, string[]>();
    const times: number[] = [];
    for (const need of data.needs) {
      const text = `${need.title} ${need.description}`.trim();
      const start = performance.now();
      const result = await index.search({
        text,
        filters: { kinds: ['achievement'], status: ['published'], excludeOwnerOrgIds: ['bench-company'] },
        limit: CANDIDATES,
      });
      times.push(performance.now() - start);
      ranked.set(
        need.id,
        result.hits.map((hit) => hit.id),
      );
    }
    times.sort((a, b) => a - b);
    const [{ postings }]: Array<{ postings: number }> = await dataSource.query(
      `SELECT count(*)::int AS postings FROM search_posting`,
    );
    console.log(
      JSON.stringify(
        {
          dataset: data.name ?? basename(file),
          adapter: 'postgres',
          documents: documents.length,
          queries: data.needs.length,
          ...evaluate(ranked, data),
          latencyMs: { p50: percentile(times, 50), p95: percentile(times, 95), max: percentile(times, 100) },
          indexing: { totalMs: Math.round(loadMs), postings },
        },
        null,
        2,
      ),
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
