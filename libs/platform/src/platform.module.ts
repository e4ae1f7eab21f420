import { Global, Module } from '@nestjs/common';
import { PlatformConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { Mailer } from './mail/mailer';
import { MetricsModule } from './metrics/metrics';
import { QueueModule } from './queue/queue.module';

/** What every process needs: validated config, the database, the outbox and queues, mail, metrics. */
@Global()
@Module({
  imports: [PlatformConfigModule, DatabaseModule, QueueModule, MetricsModule],
  providers: [Mailer],
  exports: [PlatformConfigModule, QueueModule, MetricsModule, Mailer],
})
export class PlatformModule {}
