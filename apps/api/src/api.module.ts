import { Module } from '@nestjs/common';
import { HealthModule, MetricsHttpModule, PlatformModule } from '@kuaizhuan/platform';
import { IdentityModule } from '@kuaizhuan/identity';
import { CatalogModule } from '@kuaizhuan/catalog';
import { OperationsModule } from './operations/operations.module';

@Module({
  imports: [PlatformModule, HealthModule, MetricsHttpModule, IdentityModule, OperationsModule, CatalogModule],
})
export class ApiModule {}
