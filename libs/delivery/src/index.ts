// The public door of @kuaizhuan/delivery: other libs and apps import only from here.
export { DeliveryModule } from './delivery.module';
export { DeliveryWorkerModule } from './delivery-worker.module';
export { EmailDelivery } from './jobs/email-delivery';
export { NotifierModule } from './notify/notifier.module';
export { Notifier, type NotifyResult } from './notify/notifier';
export type { NotificationInput } from './domain/notification-input';
export type { Bilingual } from './domain/messages';
export type { Subject } from './domain/plan';
export {
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_NAMES,
  isNotificationType,
  type NotificationType,
  type Channel,
  type DeliveryStatus,
} from './domain/notification-types';
export {
  SIGNATURE_HEADER,
  DELIVERY_HEADER,
  EVENT_HEADER,
  computeSignature,
  verifySignature,
  type VerificationResult,
} from './domain/signature';
export { Notification } from './entities/notification.entity';
export { Delivery } from './entities/delivery.entity';
