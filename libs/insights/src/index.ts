// The public door of @kuaizhuan/insights: other libs and apps import only from here.
//
// Insights is the reporting lib and the one exception to "each lib owns its tables": its figures
// (KPIs against the 2027 targets, technology managers' records) are counts and sums across every
// lib, read with SQL straight from their tables. The exception is narrow:
// - read-only: insights never writes another lib's table, and owns no table of its own;
// - aggregates and the names shown beside them, never a row another lib then acts on;
// - one way: no other lib imports insights' queries or reads through it.
// A figure that needs a lib's rule (what is public, what counts as a deal signed) asks that lib's
// door instead of writing the rule again.
export { InsightsModule } from './insights.module';
export { TARGETS_2027, measure, type Measure } from './domain/targets';
export { parsePeriod, type Period } from './domain/period';
export type { Kpis } from './kpi.service';
export type { ManagerFigures, ManagerRecord, ManagerYear } from './managers/manager-record.service';
