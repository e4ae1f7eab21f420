import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApi } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/bootstrap';

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
