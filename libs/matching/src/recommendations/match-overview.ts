import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { achievementTitles } from '@kuaizhuan/catalog';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { DataSource } from 'typeorm';
import { SHOWN_TO_SIDES } from './lifecycle';

/** One of the TTO's achievements with the needs pushed for it. */
export class AchievementMatchesView {
  achievementId: string;
  title: string;
  /** Needs pushed for it. */
  matches: number;
  /** Of those, the ones the TTO has not answered yet. */
  unanswered: number;
  /** When the latest was pushed. */
  latestAt: Date;
}

/** Where the TTO's matches are: its achievements with pushed needs, unanswered first. */
@Injectable()
export class MatchOverview {
  constructor(private readonly dataSource: DataSource) {}

  async forInstitution(orgId: string): Promise<AchievementMatchesView[]> {
    const rows: Omit<AchievementMatchesView, 'title'>[] = await this.dataSource.query(
      `SELECT r.achievement_id AS "achievementId", count(*)::int AS matches,
              count(*) FILTER (WHERE r.institution_answer IS NULL)::int AS unanswered,
              max(coalesce(r.delivered_at, r.updated_at)) AS "latestAt"
         FROM recommendation r
        WHERE r.achievement_org_id = $1 AND r.status = ANY($2::recommendation_status[])
        GROUP BY r.achievement_id
        ORDER BY unanswered DESC, "latestAt" DESC, r.achievement_id
        LIMIT 50`,
      [orgId, SHOWN_TO_SIDES],
    );
    const titles = await achievementTitles(
      this.dataSource.manager,
      rows.map((row) => row.achievementId),
    );
    return rows.flatMap((row) => {
      const title = titles.get(row.achievementId);
      return title === undefined ? [] : [{ ...row, title }];
    });
  }
}

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('matches')
export class MatchOverviewController {
  constructor(private readonly overview: MatchOverview) {}

  /** The caller's achievements that needs were pushed for, those with unanswered needs first (at most 50). */
  @Get('achievements')
  @Roles('tto')
  achievements(@CurrentUser() caller: Caller): Promise<AchievementMatchesView[]> {
    return this.overview.forInstitution(caller.orgId);
  }
}
