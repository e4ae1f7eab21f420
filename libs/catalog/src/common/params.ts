import { UuidParam } from '@kuaizhuan/platform';

/** The `:id` path parameter, which must be a UUID: 400 naming it otherwise, never a database error. */
export const IdParam = (): ParameterDecorator => UuidParam('id');
