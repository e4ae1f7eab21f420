import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './database';
import { closeMailDelivery } from './mail-delivery';
import { dropTestIndex, testIndexUid } from './meilisearch';
import { SmtpCapture } from './smtp';

export type TestSearchEngine = 'meilisearch' | 'postgres';

export interface TestSearch {
  engine: TestSearchEngine;
  /** The Meilisearch server and this file's own index on it, when the engine is Meilisearch. */
  host?: string;
  masterKey?: string;
  indexUid?: string;
}

export interface TestEnvironment {
  database: TestDatabase;
  /** Prefix of this file's BullMQ keys, so parallel test files never share a queue. */
  queuePrefix: string;
  /** The search engine apps built in this file use. */
  search: TestSearch;
  /**
   * The SMTP server the apps of this file send to: the file's own when it passed SMTP_URL,
   * else one started here (sign-up confirmations are read from it, see registerAccount).
   */
  smtp: SmtpCapture | undefined;
  /** Restores process.env, drops the database and this file's search index. */
  teardown(): Promise<void>;
}

export interface TestEnvironmentOptions {
  /**
   * The search engine: `meilisearch` for tests of what a deployment runs (an index of this
   * file's own on the run's server), `postgres` for the embedded one. Default: SEARCH_ENGINE
   * when set (so a whole run, or a benchmark, can choose), else PostgreSQL.
   */
  search?: TestSearchEngine;
}

/** Where Meilisearch is: the jest run's own server (global setup), else the tool's MEILI_HOST. */
function meilisearchServer(): { host: string; masterKey: string } {
  const host = process.env.KZ_TEST_MEILI_HOST ?? process.env.MEILI_HOST;
  if (!host) {
    throw new Error(
      'no Meilisearch server for this test: run it through jest (global setup starts one) or set MEILI_HOST',
    );
  }
  const masterKey = process.env.KZ_TEST_MEILI_HOST ? process.env.KZ_TEST_MEILI_KEY : process.env.MEILI_MASTER_KEY;
  return { host, masterKey: masterKey ?? '' };
}

function chooseSearch(options: TestEnvironmentOptions): TestSearch {
  const named = options.search ?? process.env.SEARCH_ENGINE;
  if (named !== 'meilisearch') return { engine: 'postgres' };
  return { engine: 'meilisearch', ...meilisearchServer(), indexUid: testIndexUid() };
}

function searchVariables(search: TestSearch): Record<string, string> {
  if (search.engine === 'postgres') return { SEARCH_ENGINE: 'postgres' };
  return {
    SEARCH_ENGINE: 'meilisearch',
    MEILI_HOST: search.host!,
    MEILI_MASTER_KEY: search.masterKey!,
    MEILI_INDEX: search.indexUid!,
  };
}

/**
 * Gives one test file its own database, queue namespace and (on Meilisearch) search index and
 * points process.env at them, so apps built with createApi()/createWorker() in this file, and
 * the child processes it starts, use only these.
 */
export async function setUpTestEnvironment(
  extra: Record<string, string> = {},
  template?: string,
  options: TestEnvironmentOptions = {},
): Promise<TestEnvironment> {
  const search = chooseSearch(options);
  const database = await createTestDatabase(template);
  const queuePrefix = `kzt${randomBytes(4).toString('hex')}`;
  const ownSmtp = extra.SMTP_URL ? null : await SmtpCapture.start();
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
    ...searchVariables(search),
    ...(ownSmtp ? { SMTP_URL: ownSmtp.url } : {}),
    ...extra,
  });
  return {
    database,
    queuePrefix,
    search,
    smtp: ownSmtp ?? SmtpCapture.at(extra.SMTP_URL),
    async teardown() {
      await closeMailDelivery();
      await ownSmtp?.stop();
      process.env = saved;
      await database.drop();
      if (search.engine === 'meilisearch') await dropTestIndex(search.host!, search.masterKey!, search.indexUid!);
    },
  };
}
