import { Processor } from '@nestjs/bullmq';
import { JobProcessor, QueueName } from '@kuaizhuan/platform';

/**
 * The `webhook` queue. Its own queue and concurrency, so receivers that hang until the timeout
 * never hold up e-mail and invitations. Errors reach BullMQ, which retries with back-off.
 */
@Processor(QueueName.Webhook, { concurrency: 8, autorun: false })
export class WebhookProcessor extends JobProcessor {}
