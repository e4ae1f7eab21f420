import { RequestValidationError } from '@kuaizhuan/platform';

/** A 400 naming the field, in the one error shape bad input gets. */
export function badField(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field, message }]);
}
