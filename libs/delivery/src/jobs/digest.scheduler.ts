import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueProducers } from '@kuaizhuan/platform';
import { DeliveryConfig } from '../delivery-config';

export const DIGEST_SCHEDULER_ID = 'delivery.digest.daily';

/** Keeps the daily digest sweep scheduled (DIGEST_CRON in DIGEST_TIMEZONE), whichever worker starts first. */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly producers: QueueProducers,
    private readonly config: DeliveryConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    const { DIGEST_CRON, DIGEST_TIMEZONE } = this.config.settings;
    return this.producers.schedule(DIGEST_SCHEDULER_ID, 'delivery.digest.sweep', {
      pattern: DIGEST_CRON,
      tz: DIGEST_TIMEZONE,
    });
  }
}
