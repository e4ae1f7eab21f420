import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createRootLogger, JsonLogger, validateEnvironment } from '@kuaizhuan/platform';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker's application context. On SIGTERM Nest runs the shutdown hooks:
 * the relay stops, BullMQ workers stop taking jobs and wait for the active ones.
 */
export async function createWorker(): Promise<INestApplicationContext> {
  const env = validateEnvironment(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new JsonLogger(createRootLogger(env.LOG_LEVEL, 'worker')),
  });
  app.enableShutdownHooks();
  return app;
}
