import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// In the global setup the alias resolves through ./aliases (Jest's module mapper does not apply there).
import { dataSourceOptions } from '@kuaizhuan/platform';

/** Server the tests use; the database name in it is replaced per test file. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The migrated template of this run (set by global-setup), or a fixed name for scripts. */
function defaultTemplate(): string {
  return process.env.KZ_TEST_TEMPLATE ?? 'kz_test_template';
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates a template database with every migration applied. */
export async function prepareTemplate(template = defaultTemplate()): Promise<void> {
  await admin(async (client) => {
    await client.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [template]);
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  const source = new DataSource(dataSourceOptions({ url: databaseUrl(template), applicationName: 'kz-test' }));
  await source.initialize();
  try {
    await source.runMigrations({ transaction: 'each' });
  } finally {
    await source.destroy();
  }
  await admin((client) => client.query(`UPDATE pg_database SET datistemplate = true WHERE datname = $1`, [template]));
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (fast: no migrations run). */
export async function createTestDatabase(template = defaultTemplate()): Promise<TestDatabase> {
  const name = `kz_test_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => dropDatabase(name),
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(async (client) => {
    await client.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [name]);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
