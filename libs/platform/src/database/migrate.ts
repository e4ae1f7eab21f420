/**
 * Applies pending migrations from the built image, without ts-node:
 *   node dist/libs/platform/src/database/migrate.js
 * Used by the `migrate` service of docker-compose.yml and by `npm run demo`. Prints one JSON
 * line per migration applied and exits non-zero when the environment or a migration is bad.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDotEnv } from '../config/config.module';
import { validateEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** Any fixed number: two runners started at once take turns instead of racing. */
const MIGRATION_LOCK_KEY = 7_245_121;

function log(level: number, msg: string, extra: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, service: 'migrate', msg, ...extra });
  if (level >= 50) console.error(line);
  else console.log(line);
}

/** Runs every pending migration, each in its own transaction; returns the names applied. */
export async function runPendingMigrations(databaseUrl: string, logging = false): Promise<string[]> {
  const source = new DataSource(dataSourceOptions({ url: databaseUrl, logging, applicationName: 'kuaizhuan-migrate' }));
  await source.initialize();
  const lock = source.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await source.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await source.destroy();
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = validateEnvironment(process.env);
  const database = new URL(env.DATABASE_URL).pathname.slice(1);
  const applied = await runPendingMigrations(env.DATABASE_URL, env.DATABASE_LOGGING);
  for (const name of applied) log(30, `applied ${name}`, { migration: name });
  log(30, applied.length === 0 ? `database ${database} is up to date` : `applied ${applied.length} migration(s)`, {
    database,
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log(50, 'migration failed', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
