import { Module } from '@nestjs/common';
import { DeliverJobs, DeliverWorkerModule } from '@kuaizhuan/identity';
import { DigestDelivery } from './jobs/digest-delivery';
import { DigestScheduler } from './jobs/digest.scheduler';
import { EmailDelivery } from './jobs/email-delivery';
import { WebhookDelivery } from './jobs/webhook-delivery';
import { WebhookSender } from './jobs/webhook-sender';
import { WebhookProcessor } from './jobs/webhook.processor';
import { NotifierModule } from './notify/notifier.module';

/**
 * The worker side of delivery: e-mail and digest jobs on the shared `deliver` queue (through
 * identity's handler registry), webhook calls on their own `webhook` queue, the daily digest schedule.
 */
@Module({
  imports: [NotifierModule, DeliverWorkerModule],
  providers: [EmailDelivery, DigestDelivery, WebhookSender, WebhookDelivery, WebhookProcessor, DigestScheduler],
  exports: [NotifierModule, EmailDelivery, DigestDelivery, WebhookDelivery],
})
export class DeliveryWorkerModule {
  // Registered while the application is built, before any BullMQ worker starts taking jobs.
  constructor(jobs: DeliverJobs, email: EmailDelivery, digest: DigestDelivery) {
    jobs.handle('delivery.email', (job) => email.send(job.data.deliveryId));
    jobs.handle('delivery.digest', (job) => digest.send(job.data.userId));
    jobs.handle('delivery.digest.sweep', (job) => digest.sweep(job.data.trigger));
  }
}
