import { Controller, Get, Module } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { QueueProducers } from '../queue/queue-producers';
import { SearchIndex } from '../search/search-index';
import { SearchModule, searchEngineOf } from '../search/search.module';
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
    private readonly search: SearchIndex,
    private readonly config: AppConfig,
  ) {}

  /** The process is up. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL, Redis and the search engine (named: meilisearch or postgres) answer: the process can serve. */
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
      async () => {
        const engine = searchEngineOf(this.config);
        const search = this.indicators.check('search');
        const health = await withDeadline(this.search.health(), 2_000, 'search').catch((error: unknown) => ({
          ok: false,
          documents: undefined,
          message: error instanceof Error ? error.message : String(error),
        }));
        return health.ok
          ? search.up({ engine, documents: health.documents })
          : search.down({ engine, message: health.message });
      },
    ]);
  }
}

@Module({ imports: [TerminusModule, SearchModule], controllers: [HealthController] })
export class HealthModule {}
