import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kuaizhuan/identity';
import { IsOptional, Matches } from 'class-validator';
import { parsePeriod } from './domain/period';
import { KpiService, type Kpis } from './kpi.service';

export class KpiQueryDto {
  /** `2026`, `2026-Q3` or `2026-07`; the current year (China time) when left out. */
  @IsOptional()
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, {
    message: 'period must be a year, a quarter (2026-Q3) or a month (2026-07)',
  })
  period?: string;
}

/** The KPI dashboard: the platform's figures against Chongqing's 2027 targets. */
@ApiTags('insights')
@ApiBearerAuth()
@Roles('admin')
@Controller('insights')
export class InsightsController {
  constructor(private readonly kpis: KpiService) {}

  @Get('kpis')
  get(@Query() query: KpiQueryDto): Promise<Kpis> {
    const text = query.period ?? String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    return this.kpis.kpis(parsePeriod(text)!);
  }
}
