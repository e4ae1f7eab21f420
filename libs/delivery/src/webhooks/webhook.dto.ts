import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import {
  DELIVERY_STATUSES,
  NOTIFICATION_TYPE_NAMES,
  type DeliveryStatus,
  type NotificationType,
} from '../domain/notification-types';
import { PageQueryDto } from '../http/common.dto';
import { NotificationSubjectView } from '../inbox/inbox.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_host: true };

export class CreateWebhookDto {
  /** Where to POST: an http(s) URL your organisation runs. Private and loopback addresses are refused in production. */
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS, { message: 'url must be an http or https URL' })
  url: string;

  /** Notification types to receive, e.g. `recommendation.approved`. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(NOTIFICATION_TYPE_NAMES.length)
  @IsIn(NOTIFICATION_TYPE_NAMES, {
    each: true,
    message: `eventTypes must each be one of ${NOTIFICATION_TYPE_NAMES.join(', ')}`,
  })
  eventTypes: NotificationType[];

  /** What the endpoint is for, to tell several apart. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  description?: string;
}

export class UpdateWebhookDto {
  /** A new URL (the same rules as when registering). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS, { message: 'url must be an http or https URL' })
  url?: string;

  /** The notification types to receive from now on. */
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(NOTIFICATION_TYPE_NAMES.length)
  @IsIn(NOTIFICATION_TYPE_NAMES, {
    each: true,
    message: `eventTypes must each be one of ${NOTIFICATION_TYPE_NAMES.join(', ')}`,
  })
  eventTypes?: NotificationType[];

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  description?: string;
}

export class DeliveryLogQueryDto extends PageQueryDto {
  /** Only deliveries in this status. */
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

/** A webhook endpoint as its organisation sees it: never its secret. */
export class WebhookView {
  id: string;
  organisationId: string;
  url: string;
  description: string | null;
  eventTypes: NotificationType[];
  /** `whsec_…abcd`: which secret is in use. */
  secretHint: string;
  enabled: boolean;
  /** Deliveries that failed for good since the last success. */
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Returned when an endpoint is made or its secret rotated: the only time the secret is shown. */
export class WebhookWithSecretView extends WebhookView {
  /** Verify each call's `X-Kuaizhuan-Signature` with it (HMAC-SHA256 over `${t}.${body}`). Store it now: it is not shown again. */
  secret: string;
}

/** One HTTP call made for a delivery. */
export class WebhookAttemptView {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  /** Null when no answer came. */
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/** One notification sent (or being sent) to the endpoint, with every call made for it. */
export class WebhookDeliveryView {
  /** Also sent as `X-Kuaizhuan-Delivery`. */
  id: string;
  notificationId: string;
  type: NotificationType;
  subject: NotificationSubjectView;
  status: DeliveryStatus;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  calls: WebhookAttemptView[];
}

export class WebhookDeliveryPageView {
  items: WebhookDeliveryView[];
  total: number;
  page: number;
  pageSize: number;
}
