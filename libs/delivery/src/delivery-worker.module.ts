import { Module } from '@nestjs/common';
import { DeliverProcessor } from './jobs/deliver.processor';
import { DigestDelivery } from './jobs/digest-delivery';
import { DigestScheduler } from './jobs/digest.scheduler';
import { EmailDelivery } from './jobs/email-delivery';
import { WebhookDelivery } from './jobs/webhook-delivery';
import { WebhookSender } from './jobs/webhook-sender';
import { WebhookProcessor } from './jobs/webhook.processor';
import { NotifierModule } from './notify/notifier.module';

/**
 * The worker side of delivery: the `deliver` queue (its e-mail and digest jobs, and the other
 * libraries' mails), webhook calls on their own `webhook` queue, the daily digest schedule.
 */
@Module({
  imports: [NotifierModule],
  providers: [
    EmailDelivery,
    DigestDelivery,
    WebhookSender,
    WebhookDelivery,
    DeliverProcessor,
    WebhookProcessor,
    DigestScheduler,
  ],
  exports: [NotifierModule, EmailDelivery, DigestDelivery, WebhookDelivery],
})
export class DeliveryWorkerModule {}
