// The public door of @kuaizhuan/insights: other libs and apps import only from here.
export { InsightsModule } from './insights.module';
export { TARGETS_2027, measure, type Measure } from './domain/targets';
export { parsePeriod, type Period } from './domain/period';
export type { Kpis } from './kpi.service';
export type { ManagerFigures, ManagerRecord, ManagerYear } from './managers/manager-record.service';
