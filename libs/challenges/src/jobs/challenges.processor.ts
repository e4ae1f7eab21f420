import { Processor } from '@nestjs/bullmq';
import { JobProcessor, QueueName } from '@kuaizhuan/platform';

/** The `challenges` queue (its jobs' handlers: `ChallengeJobs`). */
@Processor(QueueName.Challenges, { concurrency: 2, autorun: false })
export class ChallengesProcessor extends JobProcessor {}
