import { Processor } from '@nestjs/bullmq';
import { JobProcessor, QueueName } from '@kuaizhuan/platform';

/**
 * The `deliver` queue: e-mail and digests (here), and the mails other libraries send through it —
 * invitations and sign-up links (identity), pushed recommendations (matching), saved-search
 * alerts (outreach). Each job's handler is declared with `@OnJob` beside the code it runs.
 */
@Processor(QueueName.Deliver, { concurrency: 4, autorun: false })
export class DeliverProcessor extends JobProcessor {}
