import { Controller, Get, Module } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { QueueProducers } from '../queue/queue-producers';
import { QueueName } from '../queue/job-catalogue';
import { withDeadline } from '../util/deadline';
import { Public } from '../http/public-route';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueProducers,
  ) {}

  /** The process is up. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL and Redis answer: the process can serve. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2_000 }),
      async () => {
        const redis = this.indicators.check('redis');
        try {
          await withDeadline(this.queues.queue(QueueName.Deliver).getJobCounts('waiting'), 2_000, 'redis');
          return redis.up();
        } catch (error) {
          return redis.down({ message: error instanceof Error ? error.message : String(error) });
        }
      },
    ]);
  }
}

@Module({ imports: [TerminusModule], controllers: [HealthController] })
export class HealthModule {}
