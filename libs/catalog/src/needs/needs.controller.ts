import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import type { Page } from '../common/listing-workflow';
import { OwnListQueryDto, PageQueryDto } from '../common/page-query.dto';
import { IdParam } from '../common/params';
import { ModerationDecisionDto, RejectDto } from '../common/moderation.dto';
import { CreateNeedDto, UpdateNeedDto } from './need.dto';
import type { OwnerNeed, PublicNeed } from './need-views';
import { NeedsService } from './needs.service';

/** Technology needs (技术需求): a company manages its own; anyone signed in reads published ones. */
@ApiTags('needs')
@ApiBearerAuth()
@Controller('needs')
export class NeedsController {
  constructor(private readonly needs: NeedsService) {}

  /** Drafts a need for the caller's company. */
  @Post()
  @Roles('enterprise')
  @Standing('draft')
  create(@CurrentUser() caller: Caller, @Body() body: CreateNeedDto): Promise<OwnerNeed> {
    return this.needs.create(caller, body);
  }

  /** The caller's company's needs, any status. */
  @Get()
  @Roles('enterprise')
  listOwn(@CurrentUser() caller: Caller, @Query() query: OwnListQueryDto): Promise<Page<OwnerNeed>> {
    return this.needs.listOwn(caller, query, query.page, query.pageSize);
  }

  /** A need: whole for its owner and moderators; others see a published one, details only when public. */
  @Get(':id')
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

  /** Sends a draft to moderation. */
  @Post(':id/submit')
  @HttpCode(200)
  @Roles('enterprise')
  submit(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerNeed> {
    return this.needs.act(caller, id, 'submit');
  }

  /** Takes a submitted or published need back to draft, e.g. to edit it. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('enterprise')
  withdraw(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerNeed> {
    return this.needs.act(caller, id, 'withdraw');
  }

  /** Marks a published need as matched. */
  @Post(':id/match')
  @HttpCode(200)
  @Roles('enterprise', 'manager', 'admin')
  match(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerNeed> {
    return this.needs.act(caller, id, 'match');
  }

  /** Closes a need for good. */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('enterprise', 'manager', 'admin')
  close(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<OwnerNeed> {
    return this.needs.act(caller, id, 'close');
  }

  /** Publishes a submitted need (moderators). */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('manager', 'admin')
  approve(
    @CurrentUser() caller: Caller,
    @IdParam() id: string,
    @Body() body: ModerationDecisionDto,
  ): Promise<OwnerNeed> {
    return this.needs.act(caller, id, 'approve', body.reason ?? null);
  }

  /** Sends a submitted need back to its owner with a reason (moderators). */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles('manager', 'admin')
  reject(@CurrentUser() caller: Caller, @IdParam() id: string, @Body() body: RejectDto): Promise<OwnerNeed> {
    return this.needs.act(caller, id, 'reject', body.reason);
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
  @Roles('manager', 'admin')
  queue(@Query() query: PageQueryDto): Promise<Page<OwnerNeed>> {
    return this.needs.moderationQueue(query.page, query.pageSize);
  }
}
