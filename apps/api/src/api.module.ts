import { Module } from '@nestjs/common';
import { HealthModule, MetricsHttpModule, PlatformModule } from '@kuaizhuan/platform';
import { IdentityModule } from '@kuaizhuan/identity';
import { OperationsModule } from './operations/operations.module';

@Module({
  imports: [PlatformModule, HealthModule, MetricsHttpModule, IdentityModule, OperationsModule],
})
export class ApiModule {}
