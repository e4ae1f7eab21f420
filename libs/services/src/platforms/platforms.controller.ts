import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam, type Page } from '@kuaizhuan/platform';
import { ApplyPlatformDto, PlatformListQueryDto, RejectPlatformDto, ServiceDto } from './platform.dto';
import type { OwnPlatformView, PlatformView, ServiceView } from './platform-views';
import { PlatformsService } from './platforms.service';

/**
 * Proof-of-concept centres, pilot platforms and incubators: a company, university or institute
 * applies, the operator verifies it, and a verified platform lists its services.
 */
@ApiTags('service-platforms')
@ApiBearerAuth()
@Controller('service-platforms')
export class PlatformsController {
  constructor(private readonly platforms: PlatformsService) {}

  /** Verified platforms with their active services (filter by kind, field, or the TRL a service takes). */
  @Get()
  list(@Query() query: PlatformListQueryDto): Promise<Page<PlatformView>> {
    return this.platforms.list(query);
  }

  /** Your organisation applies to act as a service platform (pending until the operator verifies it). */
  @Post()
  @Roles('enterprise', 'tto')
  apply(@CurrentUser() caller: Caller, @Body() body: ApplyPlatformDto): Promise<OwnPlatformView> {
    return this.platforms.apply(caller, body);
  }

  /** Your organisation's platform, with its standing and every service (withdrawn ones too). */
  @Get('mine')
  @Roles('enterprise', 'tto')
  mine(@CurrentUser() caller: Caller): Promise<OwnPlatformView> {
    return this.platforms.mine(caller);
  }

  /** Lists a service of your verified platform. */
  @Post('mine/services')
  @Roles('enterprise', 'tto')
  addService(@CurrentUser() caller: Caller, @Body() body: ServiceDto): Promise<ServiceView> {
    return this.platforms.addService(caller, body);
  }

  /** Changes (or withdraws, `active: false`) a service of your verified platform. */
  @Put('mine/services/:id')
  @Roles('enterprise', 'tto')
  updateService(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: ServiceDto,
  ): Promise<ServiceView> {
    return this.platforms.updateService(caller, id, body);
  }

  /** Applications waiting for the operator. */
  @Get('applications')
  @Roles('admin')
  pending(): Promise<OwnPlatformView[]> {
    return this.platforms.pending();
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('admin')
  verify(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<OwnPlatformView> {
    return this.platforms.decide(caller, id, 'verify');
  }

  /** Rejects an application, or suspends a verified platform: it may no longer list or quote. */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles('admin')
  reject(
    @CurrentUser() caller: Caller,
    @UuidParam() id: string,
    @Body() body: RejectPlatformDto,
  ): Promise<OwnPlatformView> {
    return this.platforms.decide(caller, id, body);
  }

  /** A verified platform (your own in any standing). */
  @Get(':id')
  get(@CurrentUser() caller: Caller, @UuidParam() id: string): Promise<PlatformView | OwnPlatformView> {
    return this.platforms.get(caller, id);
  }
}
