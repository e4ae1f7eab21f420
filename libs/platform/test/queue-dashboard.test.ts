import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { producerConnection, QueueDashboard, QueueName } from '@kuaizhuan/platform';
import { startApi } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

/** The operator's queue view, with jobs waiting and no worker to take them. */
describe(QueueDashboard.name, () => {
  let env: TestEnvironment;
  let api: NestExpressApplication;
  let queue: Queue;

  beforeAll(async () => {
    env = await setUpTestEnvironment();
    api = await startApi();
    queue = new Queue(QueueName.Index, {
      connection: producerConnection(process.env.REDIS_URL!),
      prefix: env.queuePrefix,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await api?.close();
    await env?.teardown();
  });

  it('counts waiting jobs and ages the oldest, not the newest', async () => {
    await queue.add('catalog.index', { kind: 'need', ids: ['first'] });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await queue.add('catalog.index', { kind: 'need', ids: ['second'] });
    await queue.add('catalog.index', { kind: 'need', ids: ['third'] });
    const index = (await api.get(QueueDashboard).summaries()).find((summary) => summary.queue === QueueName.Index)!;
    expect(index.waiting).toBe(3);
    expect(index.oldestWaitingSeconds).toBeGreaterThanOrEqual(2);
  });
});
