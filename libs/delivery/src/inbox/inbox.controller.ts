import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '../http/params';
import { InboxItemView, InboxPageView, InboxQueryDto, MarkedView, UnreadCountView } from './inbox.dto';
import { InboxService } from './inbox.service';

/** The signed-in user's in-app notifications. */
@ApiTags('inbox')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager', 'admin')
@Standing('any')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** Your notifications, newest first, with the unread count. */
  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: InboxQueryDto): Promise<InboxPageView> {
    return this.inbox.list(caller, query);
  }

  /** How many of your notifications are unread (for the bell in the portal's header). */
  @Get('unread-count')
  async unreadCount(@CurrentUser() caller: Caller): Promise<UnreadCountView> {
    return { unread: await this.inbox.unreadCount(caller) };
  }

  /** Marks every unread notification read. */
  @Post('read-all')
  @HttpCode(200)
  async markAllRead(@CurrentUser() caller: Caller): Promise<MarkedView> {
    return { marked: await this.inbox.markAllRead(caller) };
  }

  /** Marks one notification read. */
  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<InboxItemView> {
    return this.inbox.markRead(caller, id);
  }
}
