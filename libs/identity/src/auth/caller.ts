import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { UnauthorizedError } from '@kuaizhuan/platform';
import type { Request } from 'express';
import type { UserRole } from '../domain/roles';
import type { RouteStanding } from '../domain/standing';

/** The signed-in user a request acts for, as carried by the access token. */
export interface Caller {
  userId: string;
  orgId: string;
  role: UserRole;
}

export interface AuthenticatedRequest extends Request {
  caller?: Caller;
}

export const ROLES_KEY = 'kuaizhuan:roles';
export const STANDING_KEY = 'kuaizhuan:standing';

/** Only these roles may call the route (403 for others). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * What the route asks of the caller's organisation: `draft` lets a pending organisation in (drafts),
 * `any` lets every member in whatever the standing (their own account). Writes default to `verified`.
 */
export const Standing = (standing: RouteStanding): MethodDecorator & ClassDecorator =>
  SetMetadata(STANDING_KEY, standing);

/** The caller of an authenticated route: `{ userId, orgId, role }`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  // Only reachable on a @Public() route, where there is no caller to give.
  if (!caller) throw new UnauthorizedError('Sign in first');
  return caller;
});
