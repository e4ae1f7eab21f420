import { Injectable } from '@nestjs/common';
import { QueueName, queueOf, type AnyJob, type JobName, type JobOf } from '@kuaizhuan/platform';
import { UnrecoverableError } from 'bullmq';

export type JobHandler<N extends JobName> = (job: JobOf<N>) => Promise<unknown>;

/**
 * Handlers of the jobs on the `deliver` queue, by job name. One processor serves the
 * queue; each lib adds its own jobs' handlers from its worker module, so the processor
 * never imports them all.
 */
@Injectable()
export class DeliverJobs {
  private readonly handlers = new Map<JobName, (job: AnyJob) => Promise<unknown>>();

  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (queueOf(name) !== QueueName.Deliver) throw new Error(`Job ${name} does not run on the deliver queue`);
    if (this.handlers.has(name)) throw new Error(`A handler for ${name} is already registered`);
    this.handlers.set(name, handler as (job: AnyJob) => Promise<unknown>);
  }

  /** Runs the job's handler. A job nobody handles fails for good, visibly, without retries. */
  run(job: AnyJob): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} on the deliver queue`);
    return handler(job);
  }
}
