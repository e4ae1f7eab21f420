import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

  forInstitution(orgId: string): Promise<AchievementMatchesView[]> {
    return this.dataSource.query(
      `SELECT a.id AS "achievementId", a.title, count(*)::int AS matches,
              count(*) FILTER (WHERE r.institution_answer IS NULL)::int AS unanswered,
              max(coalesce(r.delivered_at, r.updated_at)) AS "latestAt"
         FROM recommendation r JOIN achievement a ON a.id = r.achievement_id
        WHERE r.achievement_org_id = $1 AND r.status = ANY($2::recommendation_status[])
        GROUP BY a.id, a.title
        ORDER BY unanswered DESC, "latestAt" DESC, a.id
        LIMIT 50`,
      [orgId, SHOWN_TO_SIDES],
    );
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
