import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@kuaizhuan/platform';
import type { Caller } from '@kuaizhuan/identity';
import { DataSource } from 'typeorm';
import { pageOf } from '../http/common.dto';
import type { InboxItemView, InboxPageView, InboxQueryDto } from './inbox.dto';

interface InboxRow {
  id: string;
  notification_id: string;
  type: InboxItemView['type'];
  subject_type: string;
  subject_id: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

const SELECT_ITEM = `SELECT d.id, d.notification_id, n.type, n.subject_type, n.subject_id, n.title_zh, n.title_en,
       n.body_zh, n.body_en, n.link, d.created_at, d.read_at
  FROM delivery d JOIN notification n ON n.id = d.notification_id`;

function toView(row: InboxRow): InboxItemView {
  return {
    id: row.id,
    notificationId: row.notification_id,
    type: row.type,
    subject: { type: row.subject_type, id: row.subject_id },
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The caller's own inbox. Every query names the user and the organisation: nobody reads another's. */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(caller: Caller, query: InboxQueryDto): Promise<InboxPageView> {
    const { page, pageSize, skip } = pageOf(query);
    const shown = query.unread === undefined ? 'true' : query.unread ? 'd.read_at IS NULL' : 'd.read_at IS NOT NULL';
    const rows: InboxRow[] = await this.dataSource.query(
      `${SELECT_ITEM}
        WHERE d.channel = 'inbox' AND d.user_id = $1 AND d.org_id = $2 AND ${shown}
        ORDER BY d.created_at DESC, d.id
        LIMIT $3 OFFSET $4`,
      [caller.userId, caller.orgId, pageSize, skip],
    );
    const [counts]: { total: number; unread: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${shown})::int AS total, count(*) FILTER (WHERE d.read_at IS NULL)::int AS unread
         FROM delivery d WHERE d.channel = 'inbox' AND d.user_id = $1 AND d.org_id = $2`,
      [caller.userId, caller.orgId],
    );
    return { items: rows.map(toView), total: counts.total, page, pageSize, unread: counts.unread };
  }

  async unreadCount(caller: Caller): Promise<number> {
    const [row]: { unread: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM delivery
        WHERE channel = 'inbox' AND user_id = $1 AND org_id = $2 AND read_at IS NULL`,
      [caller.userId, caller.orgId],
    );
    return row.unread;
  }

  /** Marks one item read (reading it again keeps the first time). Someone else's item is not found. */
  async markRead(caller: Caller, id: string): Promise<InboxItemView> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE delivery SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND channel = 'inbox' AND user_id = $2 AND org_id = $3`,
      [id, caller.userId, caller.orgId],
    );
    if (count === 0) throw new NotFoundError('Inbox item not found', 'id');
    const [row]: InboxRow[] = await this.dataSource.query(`${SELECT_ITEM} WHERE d.id = $1`, [id]);
    return toView(row);
  }

  async markAllRead(caller: Caller): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE delivery SET read_at = now()
        WHERE channel = 'inbox' AND user_id = $1 AND org_id = $2 AND read_at IS NULL`,
      [caller.userId, caller.orgId],
    );
    return count;
  }
}
