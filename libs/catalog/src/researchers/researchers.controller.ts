import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import type { Page } from '../common/listing-workflow';
import { IdParam } from '../common/params';
import { CreateResearcherDto, ResearcherQueryDto, UpdateResearcherDto } from './researcher.dto';
import { OwnerResearcher, OwnerResearcherPage, PublicResearcher } from './researcher-views';
import { ResearchersService } from './researchers.service';

/** Researchers (科技人员): a TTO manages its institution's profiles; contact details stay with it. */
@ApiTags('researchers')
@ApiBearerAuth()
@Controller('researchers')
export class ResearchersController {
  constructor(private readonly researchers: ResearchersService) {}

  /** Adds a researcher profile to the caller's institution. */
  @Post()
  @Roles('tto')
  @Standing('draft')
  create(@CurrentUser() caller: Caller, @Body() body: CreateResearcherDto): Promise<OwnerResearcher> {
    return this.researchers.create(caller, body);
  }

  /** The caller's institution's researchers, with contact details; `q` finds them by name or e-mail. */
  @Get()
  @ApiOkResponse({ type: OwnerResearcherPage })
  @Roles('tto')
  listOwn(@CurrentUser() caller: Caller, @Query() query: ResearcherQueryDto): Promise<Page<OwnerResearcher>> {
    return this.researchers.listOwn(caller, query.page, query.pageSize, query.q);
  }

  /** A researcher: the public profile, plus contact details for their own institution. */
  @Get(':id')
  @ApiExtraModels(PublicResearcher, OwnerResearcher)
  @ApiOkResponse({
    schema: { anyOf: [{ $ref: getSchemaPath(OwnerResearcher) }, { $ref: getSchemaPath(PublicResearcher) }] },
  })
  get(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<PublicResearcher | OwnerResearcher> {
    return this.researchers.get(caller, id);
  }

  /** Edits a profile of the caller's institution. */
  @Patch(':id')
  @Roles('tto')
  @Standing('draft')
  update(
    @CurrentUser() caller: Caller,
    @IdParam() id: string,
    @Body() body: UpdateResearcherDto,
  ): Promise<OwnerResearcher> {
    return this.researchers.update(caller, id, body);
  }
}
