/**
 * Catalogue import throughput: a TTO uploads an N-row CSV (default 10,000) to the real api;
 * the real worker stores it (chunked upserts) and indexes it through the outbox. Prints
 * achievements per second stored, and stored + searchable. Uses a throwaway database.
 */
import request from 'supertest';
import { createApi } from '../apps/api/src/bootstrap';
import { createWorker } from '../apps/worker/src/bootstrap';
import { registerAccount, bearer } from '../test/support/auth';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';

const BENCH_TEMPLATE = 'kz_bench_template';

interface ImportReport {
  id: string;
  status: string;
  createdCount: number;
}

function csv(rows: number): Buffer {
  const lines = [
    'reference,title,summary,keywords,fields,ip_type,trl,maturity_stage,transfer_modes,price_min,price_max',
  ];
  for (let i = 1; i <= rows; i += 1) {
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
  const rows = Number(args[0] ?? 10_000);
  await prepareTemplate(BENCH_TEMPLATE);
  const env = await setUpTestEnvironment({ LOG_LEVEL: 'silent' }, BENCH_TEMPLATE);
  const api = await createApi();
  await api.init();
  const worker = await createWorker();
  await worker.init();
  try {
    const http = api.getHttpServer();
    const tto = await registerAccount(http, { kind: 'university', name: '基准测试大学' });
    const file = csv(rows);
    const started = process.hrtime.bigint();
    const upload = await request(http)
      .post('/api/imports')
      .set(bearer(tto.accessToken))
      .attach('file', file, 'bench.csv');
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}`);
    const { id } = upload.body as ImportReport;
    const report = await until(async () => {
      const res = await request(http).get(`/api/imports/${id}`).set(bearer(tto.accessToken));
      const body = res.body as ImportReport;
      return body.status === 'succeeded' || body.status === 'failed' ? body : undefined;
    }, 300_000);
    const stored = process.hrtime.bigint();
    await until(async () => {
      const res = await request(http).get('/api/search?scope=mine&pageSize=1').set(bearer(tto.accessToken));
      return (res.body as { total: number }).total === report.createdCount ? true : undefined;
    }, 300_000);
    const indexed = process.hrtime.bigint();
    const seconds = (from: bigint, to: bigint): number => Number(to - from) / 1e9;
    return {
      rows,
      fileBytes: file.length,
      status: report.status,
      created: report.createdCount,
      storedSeconds: seconds(started, stored),
      storedPerSecond: Math.round(report.createdCount / seconds(started, stored)),
      storedAndIndexedSeconds: seconds(started, indexed),
      storedAndIndexedPerSecond: Math.round(report.createdCount / seconds(started, indexed)),
    };
  } finally {
    await worker.close();
    await api.close();
    await env.teardown();
  }
}
