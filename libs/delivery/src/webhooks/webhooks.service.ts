import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestValidationError } from '@kuaizhuan/platform';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DeliveryConfig } from '../delivery-config';
import { SecretBox } from '../domain/secret-box';
import { newWebhookSecret, secretHint } from '../domain/signature';
import { addressRefusal, urlRefusal } from '../domain/target-address';
import { Delivery } from '../entities/delivery.entity';
import { Notification } from '../entities/notification.entity';
import { WebhookAttempt } from '../entities/webhook-attempt.entity';
import { WebhookEndpoint } from '../entities/webhook-endpoint.entity';
import { pageOf } from '../http/common.dto';
import { Redelivery } from '../notify/redelivery';
import type {
  CreateWebhookDto,
  DeliveryLogQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryPageView,
  WebhookDeliveryView,
  WebhookView,
  WebhookWithSecretView,
} from './webhook.dto';

function toView(endpoint: WebhookEndpoint): WebhookView {
  return {
    id: endpoint.id,
    organisationId: endpoint.orgId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    secretHint: endpoint.secretHint,
    enabled: endpoint.disabledAt === null,
    consecutiveFailures: endpoint.consecutiveFailures,
    disabledAt: endpoint.disabledAt,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

/** The `:id` of the path must be the caller's organisation; any other is not found. */
function ownOrganisation(caller: Caller, organisationId: string): string {
  if (caller.orgId !== organisationId) throw new NotFoundError('Organisation not found', 'id');
  return organisationId;
}

/**
 * An organisation's webhook endpoints and their delivery log. Every read and write names the
 * organisation, so another organisation's endpoint is simply not found.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    private readonly config: DeliveryConfig,
    private readonly redelivery: Redelivery,
    private readonly audit: AuditLog,
  ) {}

  async create(caller: Caller, organisationId: string, input: CreateWebhookDto): Promise<WebhookWithSecretView> {
    const orgId = ownOrganisation(caller, organisationId);
    await this.checkUrl(input.url);
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await manager.save(
        manager.create(WebhookEndpoint, {
          orgId,
          url: input.url,
          description: input.description ?? null,
          eventTypes: input.eventTypes,
          secretSealed: this.secrets.seal(secret),
          secretHint: secretHint(secret),
          createdBy: caller.userId,
        }),
      );
      await this.record(manager, caller, 'webhook.created', endpoint, { url: endpoint.url });
      return { ...toView(endpoint), secret };
    });
  }

  async list(caller: Caller, organisationId: string): Promise<WebhookView[]> {
    const orgId = ownOrganisation(caller, organisationId);
    const endpoints = await this.dataSource.manager.find(WebhookEndpoint, {
      where: { orgId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return endpoints.map(toView);
  }

  async get(caller: Caller, organisationId: string, id: string): Promise<WebhookView> {
    return toView(await this.find(this.dataSource.manager, ownOrganisation(caller, organisationId), id));
  }

  async update(caller: Caller, organisationId: string, id: string, changes: UpdateWebhookDto): Promise<WebhookView> {
    const orgId = ownOrganisation(caller, organisationId);
    if (changes.url !== undefined) await this.checkUrl(changes.url);
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, orgId, id, true);
      if (changes.url !== undefined) endpoint.url = changes.url;
      if (changes.eventTypes !== undefined) endpoint.eventTypes = changes.eventTypes;
      if (changes.description !== undefined) endpoint.description = changes.description;
      const saved = await manager.save(endpoint);
      await this.record(manager, caller, 'webhook.updated', saved, { fields: Object.keys(changes) });
      return toView(saved);
    });
  }

  async remove(caller: Caller, organisationId: string, id: string): Promise<void> {
    const orgId = ownOrganisation(caller, organisationId);
    await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, orgId, id, true);
      await manager.delete(WebhookEndpoint, { id: endpoint.id, orgId });
      await this.record(manager, caller, 'webhook.deleted', endpoint, { url: endpoint.url });
    });
  }

  /** Turns the endpoint on again and clears its failure count; past deliveries can be resent one by one. */
  async enable(caller: Caller, organisationId: string, id: string): Promise<WebhookView> {
    return this.setEnabled(caller, organisationId, id, true);
  }

  async disable(caller: Caller, organisationId: string, id: string): Promise<WebhookView> {
    return this.setEnabled(caller, organisationId, id, false);
  }

  /** A new secret, effective at once; the old one stops working. */
  async rotateSecret(caller: Caller, organisationId: string, id: string): Promise<WebhookWithSecretView> {
    const orgId = ownOrganisation(caller, organisationId);
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, orgId, id, true);
      endpoint.secretSealed = this.secrets.seal(secret);
      endpoint.secretHint = secretHint(secret);
      const saved = await manager.save(endpoint);
      await this.record(manager, caller, 'webhook.secret_rotated', saved, {});
      return { ...toView(saved), secret };
    });
  }

  /** The delivery log: the endpoint's deliveries, newest first, each with every call made. */
  async deliveries(
    caller: Caller,
    organisationId: string,
    id: string,
    query: DeliveryLogQueryDto,
  ): Promise<WebhookDeliveryPageView> {
    const orgId = ownOrganisation(caller, organisationId);
    const endpoint = await this.find(this.dataSource.manager, orgId, id);
    const { page, pageSize, skip } = pageOf(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(Delivery, {
      where: { orgId, endpointId: endpoint.id, channel: 'webhook', ...(query.status && { status: query.status }) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: await this.deliveryViews(orgId, rows), total, page, pageSize };
  }

  /** Sends a failed or skipped delivery again (e.g. after re-enabling the endpoint). */
  async redeliver(
    caller: Caller,
    organisationId: string,
    id: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    const orgId = ownOrganisation(caller, organisationId);
    const delivery = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, orgId, id);
      const row = await manager.findOne(Delivery, {
        where: { id: deliveryId, orgId, endpointId: endpoint.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFoundError('Delivery not found', 'deliveryId');
      const requeued = await this.redelivery.requeue(manager, row);
      await this.record(manager, caller, 'webhook.redelivered', endpoint, { deliveryId });
      return requeued;
    });
    const [view] = await this.deliveryViews(orgId, [delivery]);
    return view;
  }

  private async setEnabled(caller: Caller, organisationId: string, id: string, enabled: boolean): Promise<WebhookView> {
    const orgId = ownOrganisation(caller, organisationId);
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, orgId, id, true);
      if (enabled) {
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.consecutiveFailures = 0;
      } else if (!endpoint.disabledAt) {
        endpoint.disabledAt = new Date();
        endpoint.disabledReason = 'disabled by the organisation';
      }
      const saved = await manager.save(endpoint);
      await this.record(manager, caller, enabled ? 'webhook.enabled' : 'webhook.disabled', saved, {});
      return toView(saved);
    });
  }

  private async find(manager: EntityManager, orgId: string, id: string, lock = false): Promise<WebhookEndpoint> {
    const endpoint = await manager.findOne(WebhookEndpoint, {
      where: { id, orgId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!endpoint) throw new NotFoundError('Webhook endpoint not found', 'endpointId');
    return endpoint;
  }

  private async deliveryViews(orgId: string, rows: Delivery[]): Promise<WebhookDeliveryView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [notifications, attempts] = await Promise.all([
      this.dataSource.manager.findBy(Notification, { id: In([...new Set(rows.map((row) => row.notificationId))]) }),
      this.dataSource.manager.find(WebhookAttempt, {
        where: { orgId, deliveryId: In(ids) },
        order: { attempt: 'ASC' },
      }),
    ]);
    const byId = new Map(notifications.map((n) => [n.id, n]));
    return rows.map((row) => {
      const notification = byId.get(row.notificationId)!;
      return {
        id: row.id,
        notificationId: row.notificationId,
        type: notification.type,
        subject: { type: notification.subjectType, id: notification.subjectId },
        status: row.status,
        lastError: row.lastError,
        createdAt: row.createdAt,
        deliveredAt: row.deliveredAt,
        calls: attempts
          .filter((a) => a.deliveryId === row.id)
          .map((a) => ({
            attempt: a.attempt,
            startedAt: a.startedAt,
            durationMs: a.durationMs,
            statusCode: a.statusCode,
            error: a.error,
            responseExcerpt: a.responseExcerpt,
          })),
      };
    });
  }

  /**
   * The URL must be http(s) and, in production, must not point at loopback, private or
   * reserved addresses, literally or through its host name's current DNS answer (checked again
   * before every call). A name that does not resolve yet is accepted.
   */
  private async checkUrl(url: string): Promise<void> {
    const policy = this.config.targetPolicy;
    const refusal = urlRefusal(url, policy);
    if (refusal) throw new RequestValidationError([{ field: 'url', message: `url ${refusal}` }]);
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) return;
    const addresses = await lookup(host, { all: true, verbatim: true }).catch(() => []);
    for (const { address } of addresses) {
      const problem = addressRefusal(address, policy);
      if (problem) throw new RequestValidationError([{ field: 'url', message: `url resolves to ${problem}` }]);
    }
  }

  private record(
    manager: EntityManager,
    caller: Caller,
    action: `webhook.${string}`,
    endpoint: WebhookEndpoint,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      action,
      actor: caller,
      subject: { type: 'webhook_endpoint', id: endpoint.id },
      details,
    });
  }
}
