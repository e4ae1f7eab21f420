import { Module } from '@nestjs/common';
import { HealthModule, MetricsHttpModule, PlatformModule } from '@kuaizhuan/platform';
import { IdentityModule } from '@kuaizhuan/identity';

@Module({
  imports: [PlatformModule, HealthModule, MetricsHttpModule, IdentityModule],
})
export class ApiModule {}
