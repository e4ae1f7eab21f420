import { Param, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@kuaizhuan/platform';
import { isNotificationType, type NotificationType } from '../domain/notification-types';

export { UuidParam } from '@kuaizhuan/platform';

class NotificationTypePipe implements PipeTransform<string, NotificationType> {
  transform(value: string): NotificationType {
    if (!isNotificationType(value)) {
      throw new RequestValidationError([{ field: 'type', message: `type ${value} is not a notification type` }]);
    }
    return value;
  }
}

/** The `:type` path parameter: a known notification type. */
export const NotificationTypeParam = (): ParameterDecorator => Param('type', new NotificationTypePipe());
