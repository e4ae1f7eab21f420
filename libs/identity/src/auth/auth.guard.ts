import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, PUBLIC_ROUTE, UnauthorizedError } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import type { UserRole, UserStatus, VerificationStatus } from '../domain/roles';
import { standingRefusal, type RouteStanding } from '../domain/standing';
import { AccessTokens, type AccessTokenSubject } from './access-tokens';
import { ROLES_KEY, STANDING_KEY, type AuthenticatedRequest, type Caller } from './caller';

const BEARER = /^Bearer\s+(\S+)$/i;

interface StandingRow {
  role: UserRole;
  status: UserStatus;
  session_version: number;
  organisation_id: string;
  verification_status: VerificationStatus;
  family_revoked: boolean;
}

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and a route
 * marked @Roles(...) needs one of those roles. The token is checked against the database on
 * every request: the user active, the session version and the refresh family unchanged since
 * the token was made (logout, reuse, suspension end it at once), the role taken from the row,
 * and the organisation's verification deciding what the role may do (see standingRefusal).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedError('Sign in first: send the access token as "Authorization: Bearer <token>"');
    const subject = await this.tokens.verify(match[1]);
    if (!subject) throw new UnauthorizedError('The access token is invalid or has expired');
    const { caller, organisationStatus } = await this.current(subject);
    request.caller = caller;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(caller.role)) {
      throw new ForbiddenError(`This action is for ${roles.join(' or ')} accounts`);
    }
    const refusal = standingRefusal({
      role: caller.role,
      organisationStatus,
      reading: request.method === 'GET' || request.method === 'HEAD',
      route: this.reflector.getAllAndOverride<RouteStanding | undefined>(STANDING_KEY, targets),
    });
    if (refusal) throw new ForbiddenError(refusal);
    return true;
  }

  private async current(
    subject: AccessTokenSubject,
  ): Promise<{ caller: Caller; organisationStatus: VerificationStatus }> {
    const rows: StandingRow[] = await this.dataSource.query(
      `SELECT u.role, u.status, u.session_version, u.organisation_id, o.verification_status,
              EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = u.id
                        AND t.revoked_at IS NOT NULL) AS family_revoked
         FROM user_account u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.id = $1`,
      [subject.caller.userId, subject.familyId],
    );
    const row = rows[0];
    if (
      !row ||
      row.status !== 'active' ||
      row.session_version !== subject.sessionVersion ||
      row.organisation_id !== subject.caller.orgId ||
      row.family_revoked
    ) {
      throw new UnauthorizedError('This session has ended; sign in again');
    }
    return {
      caller: { userId: subject.caller.userId, orgId: row.organisation_id, role: row.role },
      organisationStatus: row.verification_status,
    };
  }
}
