/**
 * Outbox throughput: transactions that each write one outbox row, then the relay
 * handing them to BullMQ. Uses a throwaway database and queue prefix.
 */
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import {
  AppConfig,
  Outbox,
  OutboxRelay,
  PlatformModule,
  QueueName,
  QueueProducers,
  producerConnection,
} from '@kuaizhuan/platform';
import { setUpTestEnvironment } from '../test/support/environment';
import { prepareTemplate } from '../test/support/database';

const BENCH_TEMPLATE = 'kz_bench_template';

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const rows = Number(args[0] ?? 20_000);
  const concurrency = 16;
  await prepareTemplate(BENCH_TEMPLATE);
  const env = await setUpTestEnvironment({}, BENCH_TEMPLATE);
  const context = await (await Test.createTestingModule({ imports: [PlatformModule] }).compile()).init();
  const dataSource = context.get(DataSource);
  const outbox = context.get(Outbox);
  try {
    let next = 0;
    const writeStart = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < rows) {
          const i = next++;
          await dataSource.transaction((manager) =>
            outbox.publish(manager, 'invitation.created', { invitationId: `b${i}` }),
          );
        }
      }),
    );
    const writeSeconds = Number(process.hrtime.bigint() - writeStart) / 1e9;

    const config = context.get(AppConfig);
    const producers = new QueueProducers(config);
    const relay = new OutboxRelay(dataSource, producers, config);
    const relayStart = process.hrtime.bigint();
    let moved = 0;
    for (let batch = -1; batch !== 0;) {
      batch = await relay.relayBatch();
      moved += batch;
    }
    const relaySeconds = Number(process.hrtime.bigint() - relayStart) / 1e9;
    const queue = new Queue(QueueName.Deliver, {
      connection: producerConnection(config.get('REDIS_URL')),
      prefix: env.queuePrefix,
    });
    const waiting = await queue.getWaitingCount();
    await queue.obliterate({ force: true });
    await queue.close();
    await producers.onApplicationShutdown();
    return {
      rows,
      writerConcurrency: concurrency,
      outboxWritesPerSecond: Math.round(rows / writeSeconds),
      relayJobsPerSecond: Math.round(moved / relaySeconds),
      jobsInRedis: waiting,
    };
  } finally {
    await context.close();
    await env.teardown();
  }
}
