import { Module } from '@nestjs/common';
import { HealthModule, MetricsHttpModule, PlatformModule, RateLimitModule } from '@kuaizhuan/platform';
import { IdentityModule } from '@kuaizhuan/identity';
import { CatalogModule } from '@kuaizhuan/catalog';
import { DeliveryModule } from '@kuaizhuan/delivery';
import { MatchingModule } from '@kuaizhuan/matching';
import { DealsModule } from '@kuaizhuan/deals';
import { InsightsModule } from '@kuaizhuan/insights';
import { ChallengesModule } from '@kuaizhuan/challenges';
import { OutreachModule } from '@kuaizhuan/outreach';
import { ServicesModule } from '@kuaizhuan/services';
import { RecordsModule } from '@kuaizhuan/records';
import { OperationsModule } from './operations/operations.module';
import { PortalModule } from './portal/portal.module';

@Module({
  imports: [
    PlatformModule,
    RateLimitModule,
    HealthModule,
    MetricsHttpModule,
    IdentityModule,
    OperationsModule,
    CatalogModule,
    DeliveryModule,
    MatchingModule,
    DealsModule,
    InsightsModule,
    ChallengesModule,
    OutreachModule,
    ServicesModule,
    RecordsModule,
    // Last: its fallback serves the portal for paths no module above answers.
    PortalModule.register(),
  ],
})
export class ApiModule {}
