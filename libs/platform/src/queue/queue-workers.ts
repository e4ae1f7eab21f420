import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { QueueName } from './job-catalogue';
import { processorWorkers } from './processor-workers';

/**
 * Starts the BullMQ workers of the queues this process takes (WORKER_QUEUES; every queue when
 * empty) once the whole application is built. Processors are declared with `autorun: false`,
 * so a queue this process does not take never hands it a job. Refuses to start, naming it,
 * while a queue of the catalogue has no processor (its jobs would wait for ever).
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap {
  private readonly log = new Logger(QueueWorkers.name);

  constructor(
    private readonly modules: ModulesContainer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const wanted = selectedQueues(this.config.get('WORKER_QUEUES'));
    const taken: string[] = [];
    const workers = processorWorkers(this.modules);
    const served = new Set(workers.map((worker) => worker.name));
    const unserved = Object.values(QueueName).filter((queue) => !served.has(queue));
    if (unserved.length > 0) throw new Error(`No processor takes the queue ${unserved.join(', ')}`);
    for (const worker of workers) {
      if (wanted !== null && !wanted.has(worker.name)) {
        await worker.close();
        continue;
      }
      taken.push(worker.name);
      // run() settles when the worker closes; a failure to start is logged, not thrown.
      worker
        .run()
        .catch((error: unknown) =>
          this.log.error({ msg: 'queue worker stopped', queue: worker.name, error: String(error) }),
        );
    }
    this.log.log({ msg: 'taking jobs', queues: taken.sort() });
  }
}

/** The queue names of a WORKER_QUEUES setting, or null for every queue. */
export function selectedQueues(setting: string): Set<string> | null {
  const names = setting
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length === 0 ? null : new Set(names);
}
