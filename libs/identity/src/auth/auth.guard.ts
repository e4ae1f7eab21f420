import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, PUBLIC_ROUTE, UnauthorizedError } from '@kuaizhuan/platform';
import type { UserRole } from '../domain/roles';
import { AccessTokens } from './access-tokens';
import { ROLES_KEY, type AuthenticatedRequest } from './caller';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Global guard: every route needs a valid access token unless marked @Public(),
 * and a route marked @Roles(...) needs one of those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedError('Sign in first: send the access token as "Authorization: Bearer <token>"');
    const caller = await this.tokens.verify(match[1]);
    if (!caller) throw new UnauthorizedError('The access token is invalid or has expired');
    request.caller = caller;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(caller.role)) {
      throw new ForbiddenError(`This action is for ${roles.join(' or ')} accounts`);
    }
    return true;
  }
}
