/**
 * Catalogue import throughput: a TTO uploads N rows (default 100,000) to the real api as CSV
 * files of at most 25,000 rows each (an upload is capped at 20 MB), all at once; the real
 * worker stores them (chunked upserts) and indexes them through the outbox. Prints, per search
 * engine (both in one run unless SEARCH_ENGINE names one; see engines.ts), achievements per
 * second stored, and stored + searchable, the index size and memory. Each engine imports into a
 * throwaway database of its own.
 */
import request from 'supertest';
import { SearchIndex } from '@kuaizhuan/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { createWorker } from '../apps/worker/src/bootstrap';
import { DataSource } from 'typeorm';
import { registerAccount, bearer, signInOperator } from '../test/support/auth';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';
import { engineFootprint, forEachEngine, memoryMiB, type EngineRun } from './engines';

const BENCH_TEMPLATE = 'kz_bench_template';

/** This benchmark measures each search engine itself (bench/run.ts leaves SEARCH_ENGINE to it). */
export const choosesEngines = true;

interface ImportReport {
  id: string;
  status: string;
  createdCount: number;
}

function csv(from: number, to: number): Buffer {
  const lines = [
    'reference,title,summary,keywords,fields,ip_type,trl,maturity_stage,transfer_modes,price_min,price_max',
  ];
  for (let i = from; i <= to; i += 1) {
    lines.push(
      `B-${i},高强韧镁合金板材轧制技术 ${i},第 ${i} 项成果：连续轧制工艺提升强度与塑性,镁合金;轧制;轻量化,light-alloy;advanced-materials,invention_patent,${1 + (i % 9)},pilot,licence;use_first_pay_later,${100_000 + i}.00,${200_000 + i}.50`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const rows = Number(args[0] ?? 100_000);
  const perFile = Number(args[1] ?? 25_000);
  await prepareTemplate(BENCH_TEMPLATE);
  return { rows, ...(await forEachEngine((engine) => importOn(engine, rows, perFile))) };
}

async function importOn(engine: EngineRun, rows: number, perFile: number): Promise<Record<string, unknown>> {
  const env = await setUpTestEnvironment({ LOG_LEVEL: 'silent', ...engine.variables }, BENCH_TEMPLATE, {
    search: engine.engine,
  });
  const api = await createApi();
  await api.init();
  const worker = await createWorker();
  await worker.init();
  try {
    const http = api.getHttpServer();
    const index = api.get(SearchIndex);
    const tto = await registerAccount(http, {
      kind: 'university',
      name: '基准测试大学',
      verifiedBy: await signInOperator(http, api.get(DataSource)),
    });
    const files: Buffer[] = [];
    for (let from = 1; from <= rows; from += perFile) files.push(csv(from, Math.min(rows, from + perFile - 1)));
    const started = process.hrtime.bigint();
    const ids: string[] = [];
    for (const file of files) {
      const upload = await request(http)
        .post('/api/imports')
        .set(bearer(tto.accessToken))
        .attach('file', file, 'bench.csv');
      if (upload.status !== 202) throw new Error(`upload answered ${upload.status}`);
      ids.push((upload.body as ImportReport).id);
    }
    const reports = await until(async () => {
      const answers = await Promise.all(
        ids.map(
          async (id) =>
            (await request(http).get(`/api/imports/${id}`).set(bearer(tto.accessToken))).body as ImportReport,
        ),
      );
      return answers.every((r) => r.status === 'succeeded' || r.status === 'failed') ? answers : undefined;
    }, 900_000);
    const stored = process.hrtime.bigint();
    const created = reports.reduce((total, r) => total + r.createdCount, 0);
    await until(async () => ((await index.count()) >= created ? true : undefined), 900_000);
    const indexed = process.hrtime.bigint();
    const seconds = (from: bigint, to: bigint): number => Number(to - from) / 1e9;
    return {
      files: files.length,
      fileBytes: files.reduce((total, file) => total + file.length, 0),
      status: reports.map((r) => r.status),
      created,
      storedSeconds: seconds(started, stored),
      storedPerSecond: Math.round(created / seconds(started, stored)),
      storedAndIndexedSeconds: seconds(started, indexed),
      storedAndIndexedPerSecond: Math.round(created / seconds(started, indexed)),
      ...(await engineFootprint(engine, api.get(DataSource))),
      // The api and the worker run in this process here.
      appMemory: memoryMiB(process.pid),
    };
  } finally {
    await worker.close();
    await api.close();
    await env.teardown();
  }
}
