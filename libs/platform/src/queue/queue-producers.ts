import { Injectable, OnApplicationShutdown } from '@nestjs/common';
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

/**
 * BullMQ queues used to add jobs and read queue state. Their connections fail fast
 * when Redis is down, so a caller holding a database transaction is never stuck.
 */
@Injectable()
export class QueueProducers implements OnApplicationShutdown {
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
    const scale = this.config.get('JOB_BACKOFF_SCALE');
    for (const [name, list] of byQueue) {
      await withDeadline(
        this.queue(name).addBulk(
          list.map((job) => {
            const policy = JOB_POLICIES[job.name];
            return {
              name: job.name,
              data: job.data,
              opts: {
                jobId: job.jobId,
                ...(job.delayMs && job.delayMs > 0 ? { delay: Math.round(job.delayMs) } : {}),
                attempts: policy.attempts,
                backoff: { type: 'exponential', delay: Math.round(policy.backoffMs * scale) },
                removeOnComplete: { age: policy.keepCompletedSeconds },
                removeOnFail: { age: policy.keepFailedSeconds },
              },
            };
          }),
        ),
        ADD_DEADLINE_MS,
        `adding jobs to queue ${name}`,
      );
    }
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
