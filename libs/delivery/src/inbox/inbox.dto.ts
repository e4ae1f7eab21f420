import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { NotificationType } from '../domain/notification-types';
import { BilingualText, PageQueryDto } from '../http/common.dto';

export class InboxQueryDto extends PageQueryDto {
  /** Only items not read yet (`true`) or only read ones (`false`). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationSubjectView {
  /** e.g. `recommendation`. */
  type: string;
  id: string;
}

/** One notification in the caller's inbox. */
export class InboxItemView {
  /** The inbox item's id (used to mark it read). */
  id: string;
  notificationId: string;
  type: NotificationType;
  subject: NotificationSubjectView;
  title: BilingualText;
  body: BilingualText;
  /** Portal path to open. */
  link: string;
  createdAt: Date;
  /** Null while unread. */
  readAt: Date | null;
}

export class InboxPageView {
  items: InboxItemView[];
  total: number;
  page: number;
  pageSize: number;
  /** Unread items in the whole inbox. */
  unread: number;
}

export class UnreadCountView {
  unread: number;
}

export class MarkedView {
  /** How many items were marked read by this call. */
  marked: number;
}
