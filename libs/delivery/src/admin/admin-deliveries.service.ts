import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@kuaizhuan/platform';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { DataSource } from 'typeorm';
import type { Channel } from '../domain/notification-types';
import { Delivery } from '../entities/delivery.entity';
import { pageOf } from '../http/common.dto';
import { Redelivery } from '../notify/redelivery';
import type { FailedDeliveriesQueryDto, FailedDeliveryPageView, FailedDeliveryView } from './admin-deliveries.dto';

interface FailedRow {
  id: string;
  channel: Channel;
  status: FailedDeliveryView['status'];
  email_mode: FailedDeliveryView['emailMode'];
  notification_id: string;
  type: FailedDeliveryView['type'];
  subject_type: string;
  subject_id: string;
  title_zh: string;
  title_en: string;
  org_id: string;
  org_name: string;
  user_id: string | null;
  endpoint_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT_FAILED = `SELECT d.id, d.channel, d.status, d.email_mode, d.notification_id, n.type, n.subject_type,
       n.subject_id, n.title_zh, n.title_en, d.org_id, o.name AS org_name, d.user_id, d.endpoint_id, d.attempts,
       d.last_error, d.created_at, d.updated_at
  FROM delivery d
  JOIN notification n ON n.id = d.notification_id
  JOIN organisation o ON o.id = d.org_id`;

function toView(row: FailedRow): FailedDeliveryView {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    emailMode: row.email_mode,
    notificationId: row.notification_id,
    type: row.type,
    subject: { type: row.subject_type, id: row.subject_id },
    title: { zh: row.title_zh, en: row.title_en },
    organisationId: row.org_id,
    organisationName: row.org_name,
    userId: row.user_id,
    endpointId: row.endpoint_id,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The operator's view of deliveries that failed for good, across organisations (admins only). */
@Injectable()
export class AdminDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redelivery: Redelivery,
    private readonly audit: AuditLog,
  ) {}

  async failed(query: FailedDeliveriesQueryDto): Promise<FailedDeliveryPageView> {
    const { page, pageSize, skip } = pageOf(query);
    const channel = query.channel ?? null;
    const rows: FailedRow[] = await this.dataSource.query(
      `${SELECT_FAILED}
        WHERE d.status = 'failed' AND ($1::delivery_channel IS NULL OR d.channel = $1)
        ORDER BY d.updated_at DESC, d.id
        LIMIT $2 OFFSET $3`,
      [channel, pageSize, skip],
    );
    const [count]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM delivery d
        WHERE d.status = 'failed' AND ($1::delivery_channel IS NULL OR d.channel = $1)`,
      [channel],
    );
    return { items: rows.map(toView), total: count.total, page, pageSize };
  }

  /** Sends a failed delivery again with the full retry policy. */
  async retry(caller: Caller, id: string): Promise<FailedDeliveryView> {
    await this.dataSource.transaction(async (manager) => {
      const delivery = await manager.findOne(Delivery, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!delivery) throw new NotFoundError('Delivery not found', 'id');
      await this.redelivery.requeue(manager, delivery);
      await this.audit.record(manager, {
        action: 'delivery.retried',
        actor: caller,
        subject: { type: 'delivery', id },
        details: { channel: delivery.channel, organisationId: delivery.orgId },
      });
    });
    const [row]: FailedRow[] = await this.dataSource.query(`${SELECT_FAILED} WHERE d.id = $1`, [id]);
    return toView(row);
  }
}
