import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '../http/common';
import {
  RecommendationsService,
  type AchievementRecommendations,
  type NeedRecommendations,
} from './recommendations.service';

/** The company's side: achievements (and researchers) recommended for its own need. */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('needs')
export class NeedRecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  /**
   * Delivered recommendations for the caller's need, best first: each achievement's public
   * fields, the score and its explained features, the researchers behind it (no contacts). The
   * first read marks them viewed. Another organisation's need is a 404.
   */
  @Get(':id/recommendations')
  @Roles('enterprise')
  list(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<NeedRecommendations> {
    return this.recommendations.forNeed(caller.orgId, id);
  }
}

/** The TTO's side: the needs its own achievement was recommended for. */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('achievements')
export class AchievementRecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  /**
   * Delivered recommendations of the caller's achievement: the needs, shown by title, summary
   * and keywords only when the company keeps its need `summary_only`. Another organisation's
   * achievement is a 404.
   */
  @Get(':id/recommendations')
  @Roles('tto')
  list(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<AchievementRecommendations> {
    return this.recommendations.forAchievement(caller.orgId, id);
  }
}
