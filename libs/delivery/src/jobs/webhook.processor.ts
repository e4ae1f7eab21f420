import { Processor, WorkerHost } from '@nestjs/bullmq';
import { logContext, QueueName, type AnyJob } from '@kuaizhuan/platform';
import { UnrecoverableError, type Job } from 'bullmq';
import { WebhookDelivery } from './webhook-delivery';

/**
 * The `webhook` queue. Its own queue and concurrency, so receivers that hang until the timeout
 * never hold up e-mail and invitations. Errors reach BullMQ, which retries with back-off.
 */
// Started by QueueWorkers when this process takes the queue (WORKER_QUEUES).
@Processor(QueueName.Webhook, { concurrency: 8, autorun: false })
export class WebhookProcessor extends WorkerHost {
  constructor(private readonly webhooks: WebhookDelivery) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const typed = { name: job.name, data: job.data as unknown } as AnyJob;
    return logContext.run({ jobId: job.id }, async () => {
      if (typed.name === 'delivery.webhook') return this.webhooks.send(typed.data.deliveryId);
      throw new UnrecoverableError(`job ${job.name} does not belong on the ${QueueName.Webhook} queue`);
    });
  }
}
