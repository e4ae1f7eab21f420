import { Module } from '@nestjs/common';
import { HealthModule, MetricsHttpModule, PlatformModule } from '@kuaizhuan/platform';

@Module({
  imports: [PlatformModule, HealthModule, MetricsHttpModule],
})
export class ApiModule {}
