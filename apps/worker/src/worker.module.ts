import { Module } from '@nestjs/common';
import { PlatformModule, WorkerQueueModule } from '@kuaizhuan/platform';
import { IdentityWorkerModule } from '@kuaizhuan/identity';
import { CatalogWorkerModule } from '@kuaizhuan/catalog';
import { DeliveryWorkerModule } from '@kuaizhuan/delivery';
import { MatchingWorkerModule } from '@kuaizhuan/matching';
import { DealsWorkerModule } from '@kuaizhuan/deals';
import { ChallengesWorkerModule } from '@kuaizhuan/challenges';
import { OutreachWorkerModule } from '@kuaizhuan/outreach';

/** The worker: outbox relay, BullMQ processors and schedulers. No HTTP. */
@Module({
  imports: [
    PlatformModule,
    WorkerQueueModule,
    IdentityWorkerModule,
    CatalogWorkerModule,
    DeliveryWorkerModule,
    MatchingWorkerModule,
    DealsWorkerModule,
    ChallengesWorkerModule,
    OutreachWorkerModule,
  ],
})
export class WorkerModule {}
