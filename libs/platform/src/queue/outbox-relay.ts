import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { JobName, JobPayloads } from './job-catalogue';
import { OUTBOX_CHANNEL } from './outbox';
import { QueueProducers } from './queue-producers';

const BATCH_SIZE = 200;
const MAX_IDLE_BACKOFF_MS = 5_000;

interface ClaimedRow {
  id: string;
  job_name: JobName;
  payload: JobPayloads[JobName];
}

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so any number of relays can run side by side without handing a row over twice, and
 * each job's id is its outbox id, so a hand-over repeated after a crash is a no-op.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private listener: Client | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producers: QueueProducers,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /**
   * Hands over one batch; returns how many rows went to Redis.
   * Throws when Redis refused them: the rows stay pending for the next try.
   */
  async relayBatch(): Promise<number> {
    let claimed: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: ClaimedRow[] = await manager.query(
          `SELECT id, job_name, payload FROM outbox
            WHERE dispatched_at IS NULL
            ORDER BY created_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED`,
          [BATCH_SIZE],
        );
        if (rows.length === 0) return 0;
        claimed = rows.map((row) => row.id);
        await this.producers.add(rows.map((row) => ({ name: row.job_name, data: row.payload, jobId: row.id })));
        await manager.query(`UPDATE outbox SET dispatched_at = now(), last_error = NULL WHERE id = ANY($1)`, [claimed]);
        return rows.length;
      });
    } catch (error) {
      if (claimed.length > 0) {
        // The claim has been rolled back; note the failed attempt on the rows, which stay pending.
        const message = error instanceof Error ? error.message : String(error);
        await this.dataSource
          .query(`UPDATE outbox SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = ANY($1)`, [
            claimed,
            message.slice(0, 500),
          ])
          .catch(() => undefined);
      }
      throw error;
    }
  }

  private async run(): Promise<void> {
    const pollMs = this.config.get('OUTBOX_POLL_MS');
    let failures = 0;
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.relayBatch();
        if (failures > 0) this.logger.log({ msg: 'outbox relay recovered', failures });
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn({ msg: 'outbox relay could not hand over jobs; will retry', failures, error: String(error) });
      }
      if (moved === BATCH_SIZE) continue;
      const delay = failures > 0 ? Math.min(pollMs * 2 ** failures, MAX_IDLE_BACKOFF_MS) : pollMs;
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** LISTEN for commits that wrote outbox rows; polling still covers a lost notification. */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.get('DATABASE_URL') });
    client.on('error', () => {
      // The connection is gone (database restart): fall back to polling, then listen again.
      if (this.listener === client) this.listener = null;
      setTimeout(() => this.running && void this.listen(), 1_000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      client.on('notification', () => this.wake?.());
      if (!this.running) {
        await client.end();
        return;
      }
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
      if (this.running) setTimeout(() => this.running && void this.listen(), 1_000);
    }
  }
}
