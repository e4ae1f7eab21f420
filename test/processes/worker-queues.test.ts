import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, publishedNeed } from '../../libs/catalog/test/fixtures';
import {
  awaitIndexed,
  awaitRecommendations,
  publishCatalogue,
  recommendationsOf,
} from '../../libs/matching/test/fixtures';
import { startApi } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { runApp, type RunningProcess, startWorkerProcess, stopProcesses } from '../support/processes';

/** Worker replicas dedicated to queues (WORKER_QUEUES): each takes only the jobs of its queues. */
describe('WORKER_QUEUES', () => {
  let env: TestEnvironment;
  let api: NestExpressApplication;
  const processes: RunningProcess[] = [];

  async function startWorker(queues: string): Promise<RunningProcess> {
    const worker = await startWorkerProcess({ WORKER_QUEUES: queues });
    processes.push(worker);
    return worker;
  }

  beforeAll(async () => {
    env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = await startApi();
  });

  afterAll(async () => {
    await stopProcesses(processes);
    await api?.close();
    await env?.teardown();
  });

  it('leaves match jobs to the worker that takes the match queue', async () => {
    const indexing = await startWorker('index, import, deliver, webhook, deals');
    expect(indexing.output()).toMatch(/"queues":\["deals","deliver","import","index","webhook"\]/);
    const http = api.getHttpServer();
    const dataSource = api.get(DataSource);
    const accounts = await createAccounts(http, dataSource);
    await publishCatalogue(http, dataSource, accounts);
    const needId = await publishedNeed(http, accounts.enterprise, accounts.admin);
    await awaitIndexed(dataSource, [needId]);
    // Indexed, but nobody takes the match queue yet.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await recommendationsOf(dataSource, needId)).toEqual([]);

    const matching = await startWorker('match');
    expect(matching.output()).toMatch(/"queues":\["match"\]/);
    expect(await awaitRecommendations(dataSource, needId, 2)).toHaveLength(2);
  }, 120_000);

  it('refuses to start with a queue that does not exist, naming the setting', async () => {
    const worker = runApp('apps/worker/src/main.ts', { WORKER_QUEUES: 'match,mach' });
    processes.push(worker);
    const { code } = await worker.exited;
    expect(code).not.toBe(0);
    expect(worker.output()).toContain('WORKER_QUEUES must list queues among');
  }, 60_000);
});
