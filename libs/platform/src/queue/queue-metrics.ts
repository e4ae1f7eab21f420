import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Metrics } from '../metrics/metrics';
import { QueueDashboard } from './queue-dashboard';

/** Queue depth and age, and the outbox backlog, read when Prometheus scrapes. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dashboard: QueueDashboard,
  ) {}

  onModuleInit(): void {
    const dashboard = this.dashboard;
    const registers = [this.metrics.registry];
    const oldest = new Gauge({
      name: 'queue_oldest_waiting_seconds',
      help: 'Age of the oldest waiting job per queue',
      labelNames: ['queue'] as const,
      registers,
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers,
      // One read of Redis per scrape fills both queue gauges; when Redis is away they are left empty.
      async collect() {
        this.reset();
        oldest.reset();
        const summaries = await dashboard.summaries().catch(() => []);
        for (const s of summaries) {
          for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed'] as const) {
            this.set({ queue: s.queue, state }, s[state]);
          }
          oldest.set({ queue: s.queue }, s.oldestWaitingSeconds ?? 0);
        }
      },
    });
    new Gauge({
      name: 'outbox_pending',
      help: 'Outbox rows not yet handed to the queues',
      registers,
      async collect() {
        const summary = await dashboard.outbox();
        this.set(summary.pending);
      },
    });
    new Gauge({
      name: 'outbox_oldest_pending_seconds',
      help: 'Age of the oldest outbox row not yet handed over',
      registers,
      async collect() {
        const summary = await dashboard.outbox();
        this.set(summary.oldestPendingSeconds ?? 0);
      },
    });
  }
}
