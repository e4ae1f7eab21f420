import { SetMetadata } from '@nestjs/common';

/** Metadata key the authentication guard reads to let a route through without a token. */
export const PUBLIC_ROUTE = 'kuaizhuan:public-route';

/** Marks a controller or handler that answers without authentication (health, metrics, sign-in). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
