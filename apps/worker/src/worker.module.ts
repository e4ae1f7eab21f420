import { Module } from '@nestjs/common';
import { PlatformModule, WorkerQueueModule } from '@kuaizhuan/platform';
import { IdentityWorkerModule } from '@kuaizhuan/identity';
import { CatalogWorkerModule } from '@kuaizhuan/catalog';
import { DeliveryWorkerModule } from '@kuaizhuan/delivery';

/** The worker: outbox relay, BullMQ processors and schedulers. No HTTP. */
@Module({
  imports: [PlatformModule, WorkerQueueModule, IdentityWorkerModule, CatalogWorkerModule, DeliveryWorkerModule],
})
export class WorkerModule {}
