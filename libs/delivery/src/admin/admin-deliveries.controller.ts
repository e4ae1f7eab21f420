import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '../http/params';
import { FailedDeliveriesQueryDto, FailedDeliveryPageView, FailedDeliveryView } from './admin-deliveries.dto';
import { AdminDeliveriesService } from './admin-deliveries.service';

/** Deliveries that failed for good (e-mail, webhook), for the platform operator. */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/deliveries')
export class AdminDeliveriesController {
  constructor(private readonly deliveries: AdminDeliveriesService) {}

  /** Failed deliveries, most recently failed first. */
  @Get('failed')
  failed(@Query() query: FailedDeliveriesQueryDto): Promise<FailedDeliveryPageView> {
    return this.deliveries.failed(query);
  }

  /** Sends a failed delivery again. */
  @Post(':id/retry')
  @HttpCode(202)
  retry(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<FailedDeliveryView> {
    return this.deliveries.retry(caller, id);
  }
}
