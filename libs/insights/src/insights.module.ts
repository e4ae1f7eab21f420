import { Module } from '@nestjs/common';
import { InsightsController } from './insights.controller';
import { KpiService } from './kpi.service';

/** KPI queries for the dashboard (read-only, over the other libs' tables). */
@Module({
  controllers: [InsightsController],
  providers: [KpiService],
})
export class InsightsModule {}
