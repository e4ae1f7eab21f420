import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, publishedNeed } from '../../libs/catalog/test/fixtures';
import { awaitRecommendations, publishCatalogue } from '../../libs/matching/test/fixtures';
import { eventually, startApi } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { type RunningProcess, startWorkerProcess } from '../support/processes';
import { freePort } from '../support/redis-server';

/** The worker's own metrics: every processor's jobs timed and counted, served on WORKER_METRICS_PORT. */
describe('worker metrics', () => {
  let env: TestEnvironment;
  let api: NestExpressApplication;
  let worker: RunningProcess;
  let metricsUrl: string;

  beforeAll(async () => {
    env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = await startApi();
    const port = await freePort();
    worker = await startWorkerProcess({ WORKER_METRICS_PORT: String(port) });
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
  }, 90_000);

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await env?.teardown();
  });

  /** The value of one series in the Prometheus text format, or 0 when it is absent. */
  function value(text: string, series: string): number {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }

  it('times the match of a published need from queued to done, and the indexing before it', async () => {
    const http = api.getHttpServer();
    const dataSource = api.get(DataSource);
    const accounts = await createAccounts(http, dataSource);
    await publishCatalogue(http, dataSource, accounts);
    const needId = await publishedNeed(http, accounts.enterprise, accounts.admin);
    await awaitRecommendations(dataSource, needId, 2);

    const text = await eventually(
      async () => {
        const body = await (await fetch(metricsUrl)).text();
        return value(body, 'job_latency_seconds_count{queue="match",job="match.need"}') >= 1 && body;
      },
      20_000,
      'match metrics',
    );
    expect(value(text, 'job_run_seconds_count{queue="index",job="catalog.index"}')).toBeGreaterThanOrEqual(3);
    expect(value(text, 'job_wait_seconds_count{queue="match",job="match.need"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'job_latency_seconds_sum{queue="match",job="match.need"}')).toBeGreaterThan(0);
    expect(text).toContain('process_resident_memory_bytes');
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
  }, 90_000);
});
