import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { NotFoundError, UuidParam } from '@kuaizhuan/platform';
import { IsOptional, Matches } from 'class-validator';
import { parsePeriod } from '../domain/period';
import { ManagerRecordService, type ManagerFigures, type ManagerRecord } from './manager-record.service';

export class RankingQueryDto {
  /** The year ranked, e.g. `2026`; the current year (China time) when left out. */
  @IsOptional()
  @Matches(/^20\d\d$/, { message: 'year must be a year from 2000 to 2099, such as 2026' })
  year?: string;
}

/**
 * Technology managers' records for professional-title evaluation (技术转移职称评聘): a manager
 * reads their own; the operator reads anyone's and the ranking of all.
 */
@ApiTags('insights')
@ApiBearerAuth()
@Controller('insights/managers')
export class ManagerRecordController {
  constructor(private readonly records: ManagerRecordService) {}

  /** All technology managers' figures for a year, the best first. */
  @Get()
  @Roles('admin')
  ranking(@Query() query: RankingQueryDto): Promise<ManagerFigures[]> {
    const year = query.year ?? String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    return this.records.ranking(parsePeriod(year)!);
  }

  /** A manager's figures year by year, for the evidence sheet. */
  @Get(':userId/record')
  @Roles('manager', 'admin')
  record(@CurrentUser() caller: Caller, @UuidParam('userId') userId: string): Promise<ManagerRecord> {
    // Another manager's record is not there for a manager at all (404, as for another organisation's objects).
    if (caller.role === 'manager' && caller.userId !== userId) throw new NotFoundError(`No record ${userId}`);
    return this.records.record(userId);
  }
}
