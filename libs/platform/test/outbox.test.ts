import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  Outbox,
  OutboxRelay,
  PlatformModule,
  QueueName,
  QueueProducers,
  producerConnection,
  validateEnvironment,
} from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { RedisServer } from '../../../test/support/redis-server';
import { eventually } from '../../../test/support/apps';

async function platformContext(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule] }).compile();
  return moduleRef.init();
}

const openProducers: QueueProducers[] = [];

function relayFor(context: INestApplicationContext, config = context.get(AppConfig)): OutboxRelay {
  const producers = new QueueProducers(config);
  openProducers.push(producers);
  return new OutboxRelay(context.get(DataSource), producers, config);
}

afterAll(async () => {
  await Promise.all(openProducers.map((producers) => producers.onApplicationShutdown()));
});

async function pendingCount(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
  return n as number;
}

describe(Outbox.name, () => {
  let env: TestEnvironment;
  let context: INestApplicationContext;
  let dataSource: DataSource;
  let outbox: Outbox;

  beforeAll(async () => {
    env = await setUpTestEnvironment();
    context = await platformContext();
    dataSource = context.get(DataSource);
    outbox = context.get(Outbox);
  });

  afterAll(async () => {
    await context.close();
    await env.teardown();
  });

  describe('publish', () => {
    it('writes its row in the caller transaction', async () => {
      await dataSource.transaction((manager) =>
        outbox.publish(manager, 'invitation.created', { invitationId: 'inv-1' }),
      );
      const rows = await dataSource.query(
        `SELECT event, job_name, payload FROM outbox WHERE payload->>'invitationId' = 'inv-1'`,
      );
      expect(rows).toEqual([
        { event: 'invitation.created', job_name: 'invitation.send', payload: { invitationId: 'inv-1' } },
      ]);
    });

    it('leaves no row when the transaction rolls back', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await outbox.publish(manager, 'invitation.created', { invitationId: 'inv-rolled-back' });
          throw new Error('the domain change failed');
        }),
      ).rejects.toThrow('the domain change failed');
      const rows = await dataSource.query(`SELECT 1 FROM outbox WHERE payload->>'invitationId' = 'inv-rolled-back'`);
      expect(rows).toHaveLength(0);
    });

    it('refuses to run outside a transaction', async () => {
      await expect(outbox.publish(dataSource.manager, 'invitation.created', { invitationId: 'x' })).rejects.toThrow(
        /inside a transaction/,
      );
    });
  });
});

describe(OutboxRelay.name, () => {
  let env: TestEnvironment;
  let context: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await setUpTestEnvironment();
    context = await platformContext();
    dataSource = context.get(DataSource);
  });

  afterAll(async () => {
    await context.close();
    await env.teardown();
  });

  async function publishMany(count: number, tag: string): Promise<string[]> {
    const outbox = context.get(Outbox);
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < count; i += 1) {
        await outbox.publish(manager, 'invitation.created', { invitationId: `${tag}-${i}` });
      }
    });
    const rows: { id: string }[] = await dataSource.query(
      `SELECT id FROM outbox WHERE payload->>'invitationId' LIKE $1`,
      [`${tag}-%`],
    );
    return rows.map((row) => row.id);
  }

  describe('relayBatch', () => {
    it('hands each row to exactly one job even with two relays running', async () => {
      const ids = await publishMany(600, 'pair');
      const first = relayFor(context);
      const second = relayFor(context);
      const drain = async (relay: OutboxRelay): Promise<number> => {
        let total = 0;
        for (let moved = -1; moved !== 0;) {
          moved = await relay.relayBatch();
          total += moved;
        }
        return total;
      };
      const [a, b] = await Promise.all([drain(first), drain(second)]);
      expect(a + b).toBe(600);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(await pendingCount(dataSource)).toBe(0);

      const queue = new Queue(QueueName.Deliver, {
        connection: producerConnection(process.env.REDIS_URL!),
        prefix: env.queuePrefix,
      });
      try {
        const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'], 0, 10_000);
        const jobIds = jobs.map((job) => job.id).sort();
        expect(jobIds).toEqual([...ids].sort());
        expect(jobs.every((job) => job.name === 'invitation.send')).toBe(true);
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
        await Promise.all([first.stop(), second.stop()]);
      }
    });
  });

  describe('when Redis is down', () => {
    it('keeps the rows and hands them over once Redis is back', async () => {
      const redis = await RedisServer.start();
      const config = new AppConfig(validateEnvironment({ ...process.env, REDIS_URL: redis.url, OUTBOX_POLL_MS: '20' }));
      const relay = relayFor(context, config);
      try {
        await redis.stop();
        const ids = await publishMany(5, 'outage');
        await expect(relay.relayBatch()).rejects.toThrow();
        const [{ attempts }] = await dataSource.query(
          `SELECT min(relay_attempts)::int AS attempts FROM outbox WHERE id = ANY($1) AND dispatched_at IS NULL`,
          [ids],
        );
        expect(attempts).toBeGreaterThanOrEqual(1);

        relay.start();
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await pendingCount(dataSource)).toBe(5);

        await redis.start();
        await eventually(
          async () => (await pendingCount(dataSource)) === 0,
          15_000,
          'outbox drained after Redis returned',
        );
        const queue = new Queue(QueueName.Deliver, {
          connection: producerConnection(redis.url),
          prefix: env.queuePrefix,
        });
        try {
          const jobs = await queue.getJobs(['waiting'], 0, 100);
          expect(jobs.map((job) => job.id).sort()).toEqual([...ids].sort());
        } finally {
          await queue.close();
        }
      } finally {
        await relay.stop();
        await redis.stop();
      }
    });
  });
});
