import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QueueName } from '@kuaizhuan/platform';
import { createApi } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { onCloseMailDelivery } from './mail-delivery';

/** The real api, initialised in this process (call setUpTestEnvironment first). Use with supertest. */
export async function startApi(): Promise<NestExpressApplication> {
  const app = await createApi();
  await app.init();
  return app;
}

/** The real worker context: outbox relay and processors, in this process. */
export async function startWorker(): Promise<INestApplicationContext> {
  const worker = await createWorker();
  await worker.init();
  return worker;
}

/** Per queue prefix, the check (and start, if needed) of ensureMailDelivery: done once, shared by parallel callers. */
const mailDelivery = new Map<string, Promise<void>>();

/**
 * Makes sure something takes jobs from this file's `deliver` queue, so the platform's own mail
 * delivery sends what the api asked for (a sign-up's confirmation link). A worker this file
 * started — in this process or as a child — is seen on the queue and used; when there is none,
 * a worker taking only the deliver queue is started here and closed by the environment's teardown.
 */
export function ensureMailDelivery(): Promise<void> {
  const prefix = process.env.QUEUE_PREFIX;
  if (!prefix) return Promise.reject(new Error('ensureMailDelivery: call setUpTestEnvironment first'));
  let done = mailDelivery.get(prefix);
  if (!done) {
    done = startMailDelivery(prefix);
    mailDelivery.set(prefix, done);
    // A failed check is tried again by the next caller.
    done.catch(() => mailDelivery.delete(prefix));
  }
  return done;
}

async function startMailDelivery(prefix: string): Promise<void> {
  const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const queue = new Queue(QueueName.Deliver, { connection, prefix });
  try {
    if ((await queue.getWorkersCount()) > 0) return;
  } finally {
    await queue.close();
    connection.disconnect();
  }
  const saved = process.env.WORKER_QUEUES;
  process.env.WORKER_QUEUES = QueueName.Deliver;
  let worker: INestApplicationContext;
  try {
    worker = await startWorker();
  } finally {
    if (saved === undefined) delete process.env.WORKER_QUEUES;
    else process.env.WORKER_QUEUES = saved;
  }
  onCloseMailDelivery(async () => {
    mailDelivery.delete(prefix);
    await worker.close();
  });
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  label = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${label}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}
