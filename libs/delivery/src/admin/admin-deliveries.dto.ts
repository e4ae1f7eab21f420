import { IsIn, IsOptional } from 'class-validator';
import {
  CHANNELS,
  type Channel,
  type DeliveryStatus,
  type EmailMode,
  type NotificationType,
} from '../domain/notification-types';
import { BilingualText, PageQueryDto } from '../http/common.dto';
import { NotificationSubjectView } from '../inbox/inbox.dto';

export class FailedDeliveriesQueryDto extends PageQueryDto {
  /** Only this channel. */
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

/** A delivery that used up its attempts, as the operator sees it. */
export class FailedDeliveryView {
  id: string;
  channel: Channel;
  status: DeliveryStatus;
  emailMode: EmailMode | null;
  notificationId: string;
  type: NotificationType;
  subject: NotificationSubjectView;
  title: BilingualText;
  organisationId: string;
  organisationName: string;
  /** The recipient user (inbox, e-mail). */
  userId: string | null;
  /** The endpoint (webhook). */
  endpointId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class FailedDeliveryPageView {
  items: FailedDeliveryView[];
  total: number;
  page: number;
  pageSize: number;
}
