import { Processor } from '@nestjs/bullmq';
import { JobProcessor, QueueName } from '@kuaizhuan/platform';

/**
 * The `index` queue: re-reads rows named by id and upserts or removes their documents
 * (`CatalogIndexer`); the hourly reconciliation repairs what a lost job left behind
 * (`HourlyReconciliation`). Errors reach BullMQ.
 */
@Processor(QueueName.Index, { concurrency: 4, autorun: false })
export class IndexProcessor extends JobProcessor {}
