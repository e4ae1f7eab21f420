import { Module } from '@nestjs/common';
import { PlatformModule, WorkerQueueModule } from '@kuaizhuan/platform';
import { IdentityWorkerModule } from '@kuaizhuan/identity';

/** The worker: outbox relay, BullMQ processors and schedulers. No HTTP. */
@Module({
  imports: [PlatformModule, WorkerQueueModule, IdentityWorkerModule],
})
export class WorkerModule {}
