import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestEnvironment {
  database: TestDatabase;
  /** Prefix of this file's BullMQ keys, so parallel test files never share a queue. */
  queuePrefix: string;
  /** Restores process.env and drops the database. */
  teardown(): Promise<void>;
}

/**
 * Gives one test file its own database and queue namespace and points process.env at them,
 * so apps built with createApi()/createWorker() in this file use only these.
 */
export async function setUpTestEnvironment(
  extra: Record<string, string> = {},
  template?: string,
): Promise<TestEnvironment> {
  const database = await createTestDatabase(template);
  const queuePrefix = `kzt${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '50',
    JOB_BACKOFF_SCALE: '0.01',
    // Tests make far more requests a minute than a person; a test of the limits sets 1.
    RATE_LIMIT_FACTOR: '100',
    ...extra,
  });
  return {
    database,
    queuePrefix,
    async teardown() {
      process.env = saved;
      await database.drop();
    },
  };
}
