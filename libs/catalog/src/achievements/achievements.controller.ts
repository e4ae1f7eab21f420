import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import type { Page } from '../common/listing-workflow';
import { OwnListQueryDto, PageQueryDto } from '../common/page-query.dto';
import { IdParam } from '../common/params';
import { ListingLifecycleRoutes } from '../common/lifecycle-routes';
import { CreateAchievementDto, UpdateAchievementDto } from './achievement.dto';
import { OwnerAchievement, OwnerAchievementPage, PublicAchievement } from './achievement-views';
import { AchievementsService } from './achievements.service';

/** Achievements (科技成果): a TTO manages its own; anyone signed in reads published ones. */
@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class AchievementsController extends ListingLifecycleRoutes({
  ownerRole: 'tto',
  noun: 'achievement',
  view: OwnerAchievement,
}) {
  constructor(private readonly achievements: AchievementsService) {
    super();
  }

  protected get lifecycle(): AchievementsService {
    return this.achievements;
  }

  /** Drafts an achievement for the caller's institution. */
  @Post()
  @Roles('tto')
  @Standing('draft')
  create(@CurrentUser() caller: Caller, @Body() body: CreateAchievementDto): Promise<OwnerAchievement> {
    return this.achievements.create(caller, body);
  }

  /** The caller's institution's achievements, any status. */
  @Get()
  @ApiOkResponse({ type: OwnerAchievementPage })
  @Roles('tto')
  listOwn(@CurrentUser() caller: Caller, @Query() query: OwnListQueryDto): Promise<Page<OwnerAchievement>> {
    return this.achievements.listOwn(caller, query, query.page, query.pageSize);
  }

  /** An achievement: whole for its owner and moderators; others see a published one without private fields. */
  @Get(':id')
  @ApiExtraModels(PublicAchievement, OwnerAchievement)
  @ApiOkResponse({
    schema: { anyOf: [{ $ref: getSchemaPath(OwnerAchievement) }, { $ref: getSchemaPath(PublicAchievement) }] },
  })
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
}

/** Achievements waiting for a moderator. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/achievements')
export class AchievementModerationController {
  constructor(private readonly achievements: AchievementsService) {}

  /** Submitted achievements, oldest first. */
  @Get()
  @ApiOkResponse({ type: OwnerAchievementPage })
  @Roles('manager', 'admin')
  queue(@Query() query: PageQueryDto): Promise<Page<OwnerAchievement>> {
    return this.achievements.moderationQueue(query.page, query.pageSize);
  }
}
