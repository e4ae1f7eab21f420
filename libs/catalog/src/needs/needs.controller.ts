import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import type { Page } from '../common/listing-workflow';
import { OwnListQueryDto, PageQueryDto } from '../common/page-query.dto';
import { IdParam } from '../common/params';
import { ListingLifecycleRoutes } from '../common/lifecycle-routes';
import { CreateNeedDto, UpdateNeedDto } from './need.dto';
import { OwnerNeed, OwnerNeedPage, PublicNeed } from './need-views';
import { NeedsService } from './needs.service';

/** Technology needs (技术需求): a company manages its own; anyone signed in reads published ones. */
@ApiTags('needs')
@ApiBearerAuth()
@Controller('needs')
export class NeedsController extends ListingLifecycleRoutes({
  ownerRole: 'enterprise',
  noun: 'need',
  view: OwnerNeed,
}) {
  constructor(private readonly needs: NeedsService) {
    super();
  }

  protected get lifecycle(): NeedsService {
    return this.needs;
  }

  /** Drafts a need for the caller's company. */
  @Post()
  @Roles('enterprise')
  @Standing('draft')
  create(@CurrentUser() caller: Caller, @Body() body: CreateNeedDto): Promise<OwnerNeed> {
    return this.needs.create(caller, body);
  }

  /** The caller's company's needs, any status. */
  @Get()
  @ApiOkResponse({ type: OwnerNeedPage })
  @Roles('enterprise')
  listOwn(@CurrentUser() caller: Caller, @Query() query: OwnListQueryDto): Promise<Page<OwnerNeed>> {
    return this.needs.listOwn(caller, query, query.page, query.pageSize);
  }

  /** A need: whole for its owner and moderators; others see a published one, details only when public. */
  @Get(':id')
  @ApiExtraModels(PublicNeed, OwnerNeed)
  @ApiOkResponse({ schema: { anyOf: [{ $ref: getSchemaPath(OwnerNeed) }, { $ref: getSchemaPath(PublicNeed) }] } })
  get(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<PublicNeed | OwnerNeed> {
    return this.needs.get(caller, id);
  }

  /** Edits a draft. */
  @Patch(':id')
  @Roles('enterprise')
  @Standing('draft')
  update(@CurrentUser() caller: Caller, @IdParam() id: string, @Body() body: UpdateNeedDto): Promise<OwnerNeed> {
    return this.needs.update(caller, id, body);
  }
}

/** Needs waiting for a moderator. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/needs')
export class NeedModerationController {
  constructor(private readonly needs: NeedsService) {}

  /** Submitted needs, oldest first. */
  @Get()
  @ApiOkResponse({ type: OwnerNeedPage })
  @Roles('manager', 'admin')
  queue(@Query() query: PageQueryDto): Promise<Page<OwnerNeed>> {
    return this.needs.moderationQueue(query.page, query.pageSize);
  }
}
