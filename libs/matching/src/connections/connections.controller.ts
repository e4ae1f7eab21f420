import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { PageQueryDto, type Page } from '@kuaizhuan/platform';
import { UuidParam } from '../http/common';
import { ConnectionsService, type ConnectionDetail, type ConnectionSummary } from './connections.service';

/** Connections (对接): both sides interested; each sees the other's contacts. */
@ApiTags('connections')
@ApiBearerAuth()
@Roles('enterprise', 'tto')
@Controller('connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  /** The caller's organisation's connections, newest first. */
  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: PageQueryDto): Promise<Page<ConnectionSummary>> {
    return this.connections.list(caller.orgId, query);
  }

  /** One connection with the other side's contact person (and researchers' contacts when it is the TTO). */
  @Get(':id')
  get(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<ConnectionDetail> {
    return this.connections.get(caller.orgId, id);
  }
}
