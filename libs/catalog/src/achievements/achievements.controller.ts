import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import type { Page } from '../common/listing-workflow';
import { OwnListQueryDto, PageQueryDto } from '../common/page-query.dto';
import { IdParam } from '../common/params';
import { ModerationDecisionDto, RejectDto } from '../common/moderation.dto';
import { CreateAchievementDto, UpdateAchievementDto } from './achievement.dto';
import type { OwnerAchievement, PublicAchievement } from './achievement-views';
import { AchievementsService } from './achievements.service';

/** Achievements (科技成果): a TTO manages its own; anyone signed in reads published ones. */
@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class AchievementsController {
  constructor(private readonly achievements: AchievementsService) {}

  /** Drafts an achievement for the caller's institution. */
  @Post()
  @Roles('tto')
  @Standing('draft')
  create(@CurrentUser() caller: Caller, @Body() body: CreateAchievementDto): Promise<OwnerAchievement> {
    return this.achievements.create(caller, body);
  }

  /** The caller's institution's achievements, any status. */
  @Get()
  @Roles('tto')
  listOwn(@CurrentUser() caller: Caller, @Query() query: OwnListQueryDto): Promise<Page<OwnerAchievement>> {
    return this.achievements.listOwn(caller, query, query.page, query.pageSize);
  }

  /** An achievement: whole for its owner and moderators; others see a published one without private fields. */
  @Get(':id')
  get(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<PublicAchievement> {
    return this.achievements.get(caller, id);
  }

  /** Edits a draft. */
  @Patch(':id')
  @Roles('tto')
  @Standing('draft')
  update(
    @CurrentUser() caller: Caller,
    @IdParam() id: string,
    @Body() body: UpdateAchievementDto,
  ): Promise<OwnerAchievement> {
    return this.achievements.update(caller, id, body);
  }

  /** Sends a draft to moderation. */
  @Post(':id/submit')
  @HttpCode(200)
  @Roles('tto')
  submit(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerAchievement> {
    return this.achievements.act(caller, id, 'submit');
  }

  /** Takes a submitted or published achievement back to draft, e.g. to edit it. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('tto')
  withdraw(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerAchievement> {
    return this.achievements.act(caller, id, 'withdraw');
  }

  /** Marks a published achievement as matched. */
  @Post(':id/match')
  @HttpCode(200)
  @Roles('tto', 'manager', 'admin')
  match(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerAchievement> {
    return this.achievements.act(caller, id, 'match');
  }

  /** Closes an achievement for good. */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('tto', 'manager', 'admin')
  close(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerAchievement> {
    return this.achievements.act(caller, id, 'close');
  }

  /** Publishes a submitted achievement (moderators). */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('manager', 'admin')
  approve(
    @CurrentUser() caller: Caller,
    @IdParam() id: string,
    @Body() body: ModerationDecisionDto,
  ): Promise<OwnerAchievement> {
    return this.achievements.act(caller, id, 'approve', body.reason ?? null);
  }

  /** Sends a submitted achievement back to its owner with a reason (moderators). */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles('manager', 'admin')
  reject(@CurrentUser() caller: Caller, @IdParam() id: string, @Body() body: RejectDto): Promise<OwnerAchievement> {
    return this.achievements.act(caller, id, 'reject', body.reason);
  }
}

/** Achievements waiting for a moderator. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/achievements')
export class AchievementModerationController {
  constructor(private readonly achievements: AchievementsService) {}

  /** Submitted achievements, oldest first. */
  @Get()
  @Roles('manager', 'admin')
  queue(@Query() query: PageQueryDto): Promise<Page<OwnerAchievement>> {
    return this.achievements.moderationQueue(query.page, query.pageSize);
  }
}
