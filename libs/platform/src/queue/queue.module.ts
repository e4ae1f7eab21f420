import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { QueueName } from './job-catalogue';
import { MetricsModule } from '../metrics/metrics';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { QueueProducers } from './queue-producers';
import { QueueDashboard } from './queue-dashboard';
import { QueueMetrics } from './queue-metrics';
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
 * The worker side: the outbox relay and BullMQ's connection for processors.
 * Libs register their processors in modules the worker imports after this one.
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
  ],
  providers: [OutboxRelay, JobMetrics, QueueWorkers],
  exports: [BullModule, OutboxRelay],
})
export class WorkerQueueModule {}
