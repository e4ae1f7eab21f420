import { Module } from '@nestjs/common';
import { PlatformModule, WorkerQueueModule } from '@kuaizhuan/platform';

/** The worker: outbox relay, BullMQ processors and schedulers. No HTTP. */
@Module({
  imports: [PlatformModule, WorkerQueueModule],
})
export class WorkerModule {}
