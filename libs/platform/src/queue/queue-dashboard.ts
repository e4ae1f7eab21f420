import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueName } from './job-catalogue';
import { QueueProducers } from './queue-producers';
import { withDeadline } from '../util/deadline';
import { NotFoundError } from '../errors/domain-errors';

export interface QueueSummary {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  /** Age in seconds of the oldest job still waiting, or null when none waits. */
  oldestWaitingSeconds: number | null;
}

export interface FailedJobView {
  queue: QueueName;
  id: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
  createdAt: string;
}

export interface OutboxSummary {
  pending: number;
  oldestPendingSeconds: number | null;
  failingHandOvers: number;
}

const REDIS_DEADLINE_MS = 3_000;

function isQueueName(value: string): value is QueueName {
  return (Object.values(QueueName) as string[]).includes(value);
}

/** What the operator sees of the queues: counts, age, failed jobs, and the outbox backlog. */
@Injectable()
export class QueueDashboard {
  constructor(
    private readonly producers: QueueProducers,
    private readonly dataSource: DataSource,
  ) {}

  async summaries(): Promise<QueueSummary[]> {
    return Promise.all(
      Object.values(QueueName).map(async (name) => {
        const queue = this.producers.queue(name);
        const counts = await withDeadline(
          queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
          REDIS_DEADLINE_MS,
          `counting jobs of ${name}`,
        );
        // The two ends of the waiting list; which end is the oldest depends on how jobs were
        // added (FIFO or LIFO), so take the earlier of the two.
        const ends = await withDeadline(
          Promise.all([queue.getWaiting(0, 0), queue.getWaiting(-1, -1)]),
          REDIS_DEADLINE_MS,
          `reading ${name}`,
        );
        const oldest = ends
          .flat()
          .filter((job) => job !== undefined)
          .sort((a, b) => a.timestamp - b.timestamp)[0];
        return {
          queue: name,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
          oldestWaitingSeconds: oldest ? Math.max(0, Math.round((Date.now() - oldest.timestamp) / 1000)) : null,
        };
      }),
    );
  }

  async failed(queueName: string, offset = 0, limit = 50): Promise<FailedJobView[]> {
    const name = this.knownQueue(queueName);
    const jobs = await withDeadline(
      this.producers.queue(name).getFailed(offset, offset + limit - 1),
      REDIS_DEADLINE_MS,
      `reading failed jobs of ${name}`,
    );
    return jobs.map((job) => ({
      queue: name,
      id: String(job.id),
      name: job.name,
      data: job.data as unknown,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      createdAt: new Date(job.timestamp).toISOString(),
    }));
  }

  /** Puts a failed job back in line; it runs again with its full retry policy. */
  async retry(queueName: string, jobId: string): Promise<void> {
    const name = this.knownQueue(queueName);
    const job = await withDeadline(this.producers.queue(name).getJob(jobId), REDIS_DEADLINE_MS, `reading job ${jobId}`);
    if (!job || !(await job.isFailed())) throw new NotFoundError(`No failed job ${jobId} in queue ${name}`, 'jobId');
    await job.retry('failed');
  }

  async outbox(): Promise<OutboxSummary> {
    const [row]: { pending: number; oldest: number | null; failing: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              extract(epoch FROM now() - min(created_at))::int AS oldest,
              count(*) FILTER (WHERE relay_attempts > 0)::int AS failing
         FROM outbox WHERE dispatched_at IS NULL`,
    );
    return { pending: row.pending, oldestPendingSeconds: row.oldest, failingHandOvers: row.failing };
  }

  private knownQueue(name: string): QueueName {
    if (!isQueueName(name)) throw new NotFoundError(`No queue named ${name}`, 'queue');
    return name;
  }
}
