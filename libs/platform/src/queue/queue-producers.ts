import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JOB_POLICIES, QueueName, queueOf, type JobName, type JobPayloads } from './job-catalogue';
import { producerConnection } from './redis-connection';
import { withDeadline } from '../util/deadline';

/** How long adding a batch may take before the caller gives up (and retries later). */
const ADD_DEADLINE_MS = 5_000;

export interface JobToAdd<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  jobId: string;
  /** Milliseconds to hold the job back (a delayed job, kept in Redis across worker restarts). */
  delayMs?: number;
}

/** Jobs that run on a schedule: their payload only says what started them. */
export type ScheduledJobName = {
  [N in JobName]: JobPayloads[N] extends { trigger: 'schedule' | 'manual' } ? N : never;
}[JobName];

/** Every so many milliseconds, or by a cron pattern in a time zone. */
export type Repeat = { every: number } | { pattern: string; tz: string };

/**
 * BullMQ queues used to add jobs and read queue state. Their connections fail fast
 * when Redis is down, so a caller holding a database transaction is never stuck.
 */
@Injectable()
export class QueueProducers implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueProducers.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: producerConnection(this.config.get('REDIS_URL')),
        prefix: this.config.get('QUEUE_PREFIX'),
      });
      // Connection errors surface on the calls that need Redis; without a listener
      // ioredis would print each reconnect attempt as an unhandled error.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return Object.values(QueueName).map((name) => this.queue(name));
  }

  /** Adds jobs with their catalogue policy; a jobId already present is not added again. */
  async add(jobs: JobToAdd[]): Promise<void> {
    const byQueue = new Map<QueueName, JobToAdd[]>();
    for (const job of jobs) {
      const list = byQueue.get(queueOf(job.name)) ?? [];
      list.push(job);
      byQueue.set(queueOf(job.name), list);
    }
    for (const [name, list] of byQueue) {
      await withDeadline(
        this.queue(name).addBulk(
          list.map((job) => {
            return {
              name: job.name,
              data: job.data,
              opts: {
                jobId: job.jobId,
                ...(job.delayMs && job.delayMs > 0 ? { delay: Math.round(job.delayMs) } : {}),
                ...this.policyOptions(job.name),
              },
            };
          }),
        ),
        ADD_DEADLINE_MS,
        `adding jobs to queue ${name}`,
      );
    }
  }

  /**
   * Keeps one repeating job scheduled under `schedulerId`, with its catalogue policy; any
   * number of processes may call it at start (the scheduler is upserted). Redis may be down
   * then: the failure is logged, the work it starts waits in PostgreSQL, and the next start
   * schedules it.
   */
  async schedule(schedulerId: string, name: ScheduledJobName, repeat: Repeat): Promise<void> {
    try {
      await withDeadline(
        this.queue(queueOf(name)).upsertJobScheduler(schedulerId, repeat, {
          name,
          data: { trigger: 'schedule' },
          opts: this.policyOptions(name),
        }),
        ADD_DEADLINE_MS,
        `scheduling ${name}`,
      );
    } catch (error) {
      this.logger.warn({ msg: 'could not schedule a repeating job', scheduler: schedulerId, error: String(error) });
    }
  }

  /** Retries, back-off and retention of a job, from the catalogue. */
  private policyOptions(name: JobName) {
    const policy = JOB_POLICIES[name];
    return {
      attempts: policy.attempts,
      backoff: { type: 'exponential', delay: Math.round(policy.backoffMs * this.config.get('JOB_BACKOFF_SCALE')) },
      removeOnComplete: { age: policy.keepCompletedSeconds },
      removeOnFail: { age: policy.keepFailedSeconds },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // close() waits for Redis; when Redis is away, drop the connection instead.
    await Promise.all(
      [...this.queues.values()].map((queue) =>
        withDeadline(queue.close(), 2_000, 'closing queue').catch(() => queue.disconnect()),
      ),
    );
    this.queues.clear();
  }
}
