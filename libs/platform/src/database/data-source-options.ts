import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';
import { DatabaseLogger } from './typeorm-logger';

const libsRoot = join(__dirname, '..', '..', '..');

/** Every entity and migration of every lib, found by file name (works for .ts and built .js). */
export const ENTITY_GLOBS = [join(libsRoot, '*', 'src', '**', '*.entity.{ts,js}')];
export const MIGRATION_GLOBS = [join(__dirname, 'migrations', '*.{ts,js}')];

export interface DatabaseSettings {
  url: string;
  logging?: boolean;
  /** Name of the application, shown in pg_stat_activity. */
  applicationName?: string;
  /** Connection pool size. */
  poolSize?: number;
}

/** The one description of how we talk to PostgreSQL, shared by api, worker, CLI and tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITY_GLOBS,
    migrations: MIGRATION_GLOBS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: new DatabaseLogger(settings.logging ?? false),
    logging: settings.logging ? ['query', 'error', 'warn'] : ['error', 'warn'],
    maxQueryExecutionTime: 1_000,
    applicationName: settings.applicationName ?? 'kuaizhuan',
    poolSize: settings.poolSize ?? 10,
    extra: {
      // A statement that runs away must not hold a connection forever.
      statement_timeout: 30_000,
      connectionTimeoutMillis: 5_000,
    },
  };
}
