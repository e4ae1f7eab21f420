import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '../http/common';
import { AchievementInterestDto, NeedInterestDto } from './interest.dto';
import { InterestService, type InterestState } from './interest.service';

/** A company's interest in an achievement it found (search, a researcher's page). */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('achievements')
export class AchievementInterestController {
  constructor(private readonly interest: InterestService) {}

  /** Where the caller's needs stand with this achievement: recommended, interested, connected. */
  @Get(':id/interest')
  @Roles('enterprise')
  list(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<InterestState[]> {
    return this.interest.pairsOf(caller, 'achievement', id);
  }

  /**
   * Says the caller's company is interested in this achievement for one of its published needs.
   * The match goes to a technology manager (or, if it reached both sides already, counts as the
   * company's answer); contacts follow once approved and the TTO is interested too.
   */
  @Post(':id/interest')
  @HttpCode(200)
  @Roles('enterprise')
  express(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: AchievementInterestDto,
  ): Promise<InterestState> {
    return this.interest.express(caller, body.needId, id);
  }
}

/** A TTO's interest in a need it found, for one of its achievements. */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('needs')
export class NeedInterestController {
  constructor(private readonly interest: InterestService) {}

  /** Where the caller's achievements stand with this need. */
  @Get(':id/interest')
  @Roles('tto')
  list(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<InterestState[]> {
    return this.interest.pairsOf(caller, 'need', id);
  }

  /** Says the caller's institution is interested in this need for one of its published achievements. */
  @Post(':id/interest')
  @HttpCode(200)
  @Roles('tto')
  express(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: NeedInterestDto,
  ): Promise<InterestState> {
    return this.interest.express(caller, id, body.achievementId);
  }
}
