import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '../errors/validation';

/** A path parameter that must be a UUID: 400 naming it otherwise, never a database error. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationError([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
