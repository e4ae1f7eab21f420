import { createServer, type Server } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Job } from 'bullmq';
import { Counter, Histogram } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { processorWorkers } from './processor-workers';

const SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * What the worker's processors do, as Prometheus metrics: for every job, how long it waited
 * in its queue, how long it ran, and how long from being queued to done (for `match.need`,
 * the time from a need's publication to its recommendations stored, less the outbox relay's
 * hand-over); failures by queue and job (delivery failures among them). Every processor is
 * found at start, so a new one is measured without wiring. Served on WORKER_METRICS_PORT.
 */
@Injectable()
export class JobMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(JobMetrics.name);
  private server: Server | null = null;
  private readonly wait: Histogram<'queue' | 'job'>;
  private readonly run: Histogram<'queue' | 'job'>;
  private readonly latency: Histogram<'queue' | 'job'>;
  private readonly failures: Counter<'queue' | 'job'>;

  constructor(
    private readonly metrics: Metrics,
    private readonly modules: ModulesContainer,
    private readonly config: AppConfig,
  ) {
    const registers = [metrics.registry];
    const labelNames = ['queue', 'job'] as const;
    this.wait = new Histogram({
      name: 'job_wait_seconds',
      help: 'Time a job waited in its queue',
      labelNames,
      buckets: SECONDS,
      registers,
    });
    this.run = new Histogram({
      name: 'job_run_seconds',
      help: 'Time a job ran',
      labelNames,
      buckets: SECONDS,
      registers,
    });
    this.latency = new Histogram({
      name: 'job_latency_seconds',
      help: 'Time from a job being queued to its completion',
      labelNames,
      buckets: SECONDS,
      registers,
    });
    this.failures = new Counter({ name: 'job_failures_total', help: 'Failed job attempts', labelNames, registers });
  }

  onApplicationBootstrap(): void {
    for (const worker of processorWorkers(this.modules)) {
      worker.on('completed', (job: Job) => this.completed(worker.name, job));
      worker.on('failed', (job: Job | undefined) =>
        this.failures.inc({ queue: worker.name, job: job?.name ?? 'unknown' }),
      );
    }
    const port = this.config.get('WORKER_METRICS_PORT');
    if (port === 0) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.registry
        .metrics()
        .then((body) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(body))
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    this.server.listen(port, () => this.log.log(`worker metrics on :${port}/metrics`));
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private completed(queue: string, job: Job): void {
    const labels = { queue, job: job.name };
    if (job.processedOn !== undefined) {
      this.wait.observe(labels, Math.max(0, job.processedOn - job.timestamp) / 1000);
      if (job.finishedOn !== undefined) this.run.observe(labels, Math.max(0, job.finishedOn - job.processedOn) / 1000);
    }
    if (job.finishedOn !== undefined) this.latency.observe(labels, Math.max(0, job.finishedOn - job.timestamp) / 1000);
  }
}
