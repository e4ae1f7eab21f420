import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { QueueName } from './job-catalogue';
import { MetricsModule } from '../metrics/metrics';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { QueueProducers } from './queue-producers';
import { QueueDashboard } from './queue-dashboard';
import { QueueMetrics } from './queue-metrics';
import { JobHandlers } from './job-handlers';
import { JobMetrics } from './job-metrics';
import { QueueWorkers } from './queue-workers';
import { workerConnection } from './redis-connection';

/** Writing jobs (through the outbox) and reading queue state: for the api and the worker. */
@Global()
@Module({
  imports: [MetricsModule],
  providers: [Outbox, QueueProducers, QueueDashboard, QueueMetrics],
  exports: [Outbox, QueueProducers, QueueDashboard],
})
export class QueueModule {}

/**
 * The worker side: the outbox relay, BullMQ's connection for processors and the handlers of
 * every job (`@OnJob` methods, found when the worker starts). Libs declare their queues'
 * processors (`JobProcessor`) and jobs' handlers in modules the worker imports after this one.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: workerConnection(config.get('REDIS_URL')),
        prefix: config.get('QUEUE_PREFIX'),
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
    MetricsModule,
    DiscoveryModule,
  ],
  providers: [OutboxRelay, JobHandlers, JobMetrics, QueueWorkers],
  exports: [BullModule, OutboxRelay, JobHandlers],
})
export class WorkerQueueModule {}
