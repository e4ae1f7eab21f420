import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '@kuaizhuan/platform';

/** The `:id` path parameter, which must be a UUID: 400 naming it otherwise, never a database error. */
export const IdParam = (): ParameterDecorator =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationError([{ field: 'id', message: 'id must be a UUID' }]),
    }),
  );
