import { Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@kuaizhuan/platform';
import { isNotificationType, type NotificationType } from '../domain/notification-types';

/** A path parameter that must be a UUID: 400 naming it otherwise, never a database error. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationError([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );

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
