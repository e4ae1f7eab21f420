import { Module } from '@nestjs/common';
import { InsightsController } from './insights.controller';
import { KpiService } from './kpi.service';
import { ManagerRecordController } from './managers/manager-record.controller';
import { ManagerRecordService } from './managers/manager-record.service';

/** KPI queries for the dashboard and the managers' records (read-only, over the other libs' tables). */
@Module({
  controllers: [InsightsController, ManagerRecordController],
  providers: [KpiService, ManagerRecordService],
})
export class InsightsModule {}
