import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { JOB_POLICIES, queueOf, type JobName, type JobPayloads } from './job-catalogue';

const ON_JOB = Symbol('kuaizhuan:on-job');

interface OnJobMark {
  job: JobName;
  /** Turns the job's payload into the method's arguments; absent, the method takes the payload and the job. */
  args?: (data: never, job: Job) => unknown[];
}

/** A method decorator accepting only a method that takes `A` and returns a promise. */
type Handles<A extends unknown[]> = <M extends (...args: A) => Promise<unknown>>(
  target: object,
  key: string | symbol,
  method: TypedPropertyDescriptor<M>,
) => void;

/**
 * Declares the method that runs a job of the catalogue, on the provider whose domain the job
 * belongs to. Without `args` the method receives the job's payload (and the BullMQ job);
 * with `args`, what it returns from the payload:
 *
 *   @OnJob('delivery.email', ({ deliveryId }) => [deliveryId])
 *   async send(deliveryId: string) { … }
 *
 * The worker finds every such method when it starts, and refuses to start while a job of the
 * catalogue has none.
 */
export function OnJob<N extends JobName>(job: N): Handles<[data: JobPayloads[N], job: Job]>;
// `| []` makes TypeScript read the returned array as a tuple: each argument keeps its own type.
export function OnJob<N extends JobName, A extends unknown[] | []>(
  job: N,
  args: (data: JobPayloads[N], job: Job) => A,
): Handles<A>;
export function OnJob(job: JobName, args?: (data: never, job: Job) => unknown[]): Handles<unknown[]> {
  return (_target, _key, method) => {
    const mark: OnJobMark = { job, args };
    Reflect.defineMetadata(ON_JOB, mark, method.value as object);
  };
}

type Handler = (job: Job) => Promise<unknown>;

interface Found {
  run: Handler;
  /** `Class.method`, for messages. */
  where: string;
}

/** The worker cannot start: jobs of the catalogue nobody handles, or a job handled twice. */
export class JobHandlerError extends Error {}

/**
 * Every `@OnJob` method of the worker's providers, by job name, found once the application is
 * built (before any queue worker runs). Refuses to let the worker start, naming the jobs, when a
 * job of the catalogue has no handler or two providers claim the same job.
 */
@Injectable()
export class JobHandlers implements OnModuleInit {
  private readonly handlers = new Map<JobName, Found>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.discover();
    this.verify(Object.keys(JOB_POLICIES) as JobName[]);
  }

  /** The handler of a job taken from `queue`; a job that is not ours there fails for good, without retries. */
  handlerOf(name: string, queue: string): Handler {
    const found = this.handlers.get(name as JobName);
    if (!found || (queueOf(name as JobName) as string) !== queue) {
      throw new UnrecoverableError(`job ${name} has no handler on the ${queue} queue`);
    }
    return found.run;
  }

  /** Which class and method run the job (`EmailDelivery.send`), or undefined. */
  describe(name: JobName): string | undefined {
    return this.handlers.get(name)?.where;
  }

  /** Throws, naming them, when any of `jobs` has no handler. */
  verify(jobs: readonly JobName[]): void {
    const missing = jobs.filter((job) => !this.handlers.has(job)).sort();
    if (missing.length > 0) {
      throw new JobHandlerError(
        `The worker has no handler for job${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: ` +
          `declare one with @OnJob on a provider of a module the worker imports`,
      );
    }
  }

  private discover(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!wrapper.isDependencyTreeStatic() || typeof instance !== 'object' || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      // A class provided by two modules has two instances; its handlers are taken once.
      if (!prototype || seen.has(prototype)) continue;
      seen.add(prototype);
      for (const key of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[key] as (...args: unknown[]) => Promise<unknown>;
        const mark = Reflect.getMetadata(ON_JOB, method) as OnJobMark | undefined;
        if (mark) this.add(mark, `${prototype.constructor.name}.${key}`, instance, method);
      }
    }
  }

  private add(mark: OnJobMark, where: string, owner: object, method: (...args: unknown[]) => Promise<unknown>): void {
    const earlier = this.handlers.get(mark.job);
    if (earlier) {
      throw new JobHandlerError(`Job ${mark.job} has two handlers, ${earlier.where} and ${where}: keep one`);
    }
    const args = mark.args;
    const run: Handler = args
      ? (job) => method.apply(owner, args(job.data as never, job))
      : (job) => method.call(owner, job.data, job);
    this.handlers.set(mark.job, { run, where });
  }
}
