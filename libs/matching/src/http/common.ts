import { Transform } from 'class-transformer';

export { UuidParam } from '@kuaizhuan/platform';

/** `true` / `false` in a query string as booleans; anything else is left for @IsBoolean to refuse. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
