import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Sends TypeORM's messages through the process logger (structured JSON, request id, level),
 * instead of printing them to the console. Failed queries are warnings: the caller gets the
 * error and decides whether it is one (a unique violation is often an expected 409).
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly logQueries: boolean) {}

  logQuery(query: string, parameters?: unknown[]): void {
    if (this.logQueries) this.logger.debug({ msg: 'query', query, parameterCount: parameters?.length ?? 0 });
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ msg: 'query failed', error: error instanceof Error ? error.message : error, query });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', ms: time, query });
  }

  logSchemaBuild(message: string): void {
    if (this.logQueries) this.logger.debug(message);
  }

  logMigration(message: string): void {
    if (this.logQueries) this.logger.debug(message);
  }

  /** TypeORM's chatter (which files its globs found, …) only when SQL logging is on. */
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else if (this.logQueries) this.logger.debug(message);
  }
}
