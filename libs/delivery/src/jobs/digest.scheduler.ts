import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JOB_POLICIES, QueueName } from '@kuaizhuan/platform';
import type { Queue } from 'bullmq';
import { DeliveryConfig } from '../delivery-config';

export const DIGEST_SCHEDULER_ID = 'delivery.digest.daily';

/** Keeps the daily digest sweep scheduled (DIGEST_CRON in DIGEST_TIMEZONE), whichever worker starts first. */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestScheduler.name);

  constructor(
    @InjectQueue(QueueName.Deliver) private readonly queue: Queue,
    private readonly config: DeliveryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = JOB_POLICIES['delivery.digest.sweep'];
    try {
      await this.queue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: this.config.settings.DIGEST_CRON, tz: this.config.settings.DIGEST_TIMEZONE },
        {
          name: 'delivery.digest.sweep',
          data: { trigger: 'schedule' },
          opts: {
            attempts: policy.attempts,
            backoff: { type: 'exponential', delay: policy.backoffMs },
            removeOnComplete: { age: policy.keepCompletedSeconds },
            removeOnFail: { age: policy.keepFailedSeconds },
          },
        },
      );
    } catch (error) {
      // Redis may be down at boot: the digests wait in Postgres, and the next worker start schedules them.
      this.logger.warn({ msg: 'could not schedule the daily digest', error: String(error) });
    }
  }
}
