import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '../http/params';
import {
  CreateWebhookDto,
  DeliveryLogQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryPageView,
  WebhookDeliveryView,
  WebhookView,
  WebhookWithSecretView,
} from './webhook.dto';
import { WebhooksService } from './webhooks.service';

/**
 * Your organisation's webhook endpoints: signed POSTs of the notification types you choose.
 * Only members of the organisation see or change them; for anyone else they do not exist.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager', 'admin')
@Controller('organisations/:id/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Registers an endpoint. The answer holds its signing secret, shown this once. */
  @Post()
  create(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookWithSecretView> {
    return this.webhooks.create(caller, id, body);
  }

  /** Your organisation's endpoints. */
  @Get()
  list(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<WebhookView[]> {
    return this.webhooks.list(caller, id);
  }

  @Get(':endpointId')
  get(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
  ): Promise<WebhookView> {
    return this.webhooks.get(caller, id, endpointId);
  }

  /** Changes the URL, the notification types or the description. */
  @Patch(':endpointId')
  update(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookView> {
    return this.webhooks.update(caller, id, endpointId, body);
  }

  /** Removes the endpoint with its delivery log. */
  @Delete(':endpointId')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
  ): Promise<void> {
    return this.webhooks.remove(caller, id, endpointId);
  }

  /** Turns a disabled endpoint on again and clears its failure count. */
  @Post(':endpointId/enable')
  @HttpCode(200)
  enable(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
  ): Promise<WebhookView> {
    return this.webhooks.enable(caller, id, endpointId);
  }

  /** Stops deliveries to the endpoint until it is enabled again. */
  @Post(':endpointId/disable')
  @HttpCode(200)
  disable(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
  ): Promise<WebhookView> {
    return this.webhooks.disable(caller, id, endpointId);
  }

  /** Replaces the signing secret; the answer shows the new one, this once. */
  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  rotateSecret(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
  ): Promise<WebhookWithSecretView> {
    return this.webhooks.rotateSecret(caller, id, endpointId);
  }

  /** The delivery log: each delivery with every call made (status code, duration, error). */
  @Get(':endpointId/deliveries')
  deliveries(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
    @Query() query: DeliveryLogQueryDto,
  ): Promise<WebhookDeliveryPageView> {
    return this.webhooks.deliveries(caller, id, endpointId, query);
  }

  /** Sends a failed or skipped delivery again. */
  @Post(':endpointId/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('endpointId') endpointId: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.redeliver(caller, id, endpointId, deliveryId);
  }
}
