import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kuaizhuan/identity';
import { QueueDashboard, type FailedJobView, type OutboxSummary, type QueueSummary } from '@kuaizhuan/platform';
import { FailedJobsQuery } from './queues.dto';

/** The operator's view of background work: queue depth and age, failed jobs, the outbox backlog. */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class QueuesController {
  constructor(private readonly dashboard: QueueDashboard) {}

  /** Every queue with its job counts and the age of its oldest waiting job, and the outbox backlog. */
  @Get()
  async overview(): Promise<{ queues: QueueSummary[]; outbox: OutboxSummary }> {
    const [queues, outbox] = await Promise.all([this.dashboard.summaries(), this.dashboard.outbox()]);
    return { queues, outbox };
  }

  /** Jobs of one queue that failed for good, newest first. */
  @Get(':queue/failed')
  failed(@Param('queue') queue: string, @Query() query: FailedJobsQuery): Promise<FailedJobView[]> {
    return this.dashboard.failed(queue, query.offset ?? 0, query.limit ?? 50);
  }

  /** Runs a failed job again, with its full retry policy. */
  @Post(':queue/failed/:jobId/retry')
  @HttpCode(202)
  async retry(@Param('queue') queue: string, @Param('jobId') jobId: string): Promise<{ retried: string }> {
    await this.dashboard.retry(queue, jobId);
    return { retried: jobId };
  }
}
