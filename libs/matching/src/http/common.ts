import { Param, ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { RequestValidationError } from '@kuaizhuan/platform';

/** A path parameter that must be a UUID: 400 naming it otherwise, never a database error. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationError([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );

/** `true` / `false` in a query string as booleans; anything else is left for @IsBoolean to refuse. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
