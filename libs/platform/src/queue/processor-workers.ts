import type { ModulesContainer } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';

/** The BullMQ worker of every processor (WorkerHost) the application has. */
export function processorWorkers(modules: ModulesContainer): Worker[] {
  const workers: Worker[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.providers.values()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof WorkerHost) workers.push((instance as WorkerHost<Worker>).worker);
    }
  }
  return workers;
}
