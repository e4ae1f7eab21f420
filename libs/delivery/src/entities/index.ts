import { Organisation, User } from '@kuaizhuan/identity';
import { Delivery } from './delivery.entity';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export { Delivery, Notification, NotificationPreference, WebhookAttempt, WebhookEndpoint };

/** Every delivery entity, with the identity ones they refer to, so relations resolve in any process. */
export const DELIVERY_ENTITIES = [
  Notification,
  Delivery,
  WebhookEndpoint,
  WebhookAttempt,
  NotificationPreference,
  Organisation,
  User,
];
