import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@kuaizhuan/platform';
import { USER_ROLES, type UserRole } from '../domain/roles';
import type { Caller } from './caller';

/** Claims of an access token: subject, organisation, role. */
interface AccessClaims {
  sub: string;
  org: string;
  role: UserRole;
}

export const JWT_ISSUER = 'kuaizhuan';

/** Short-lived signed JWTs (HS256, JWT_ACCESS_SECRET) carrying who the caller is. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get lifetimeSeconds(): number {
    return this.config.get('JWT_ACCESS_TTL');
  }

  sign(caller: Caller): Promise<string> {
    const claims: AccessClaims = { sub: caller.userId, org: caller.orgId, role: caller.role };
    return this.jwt.signAsync(claims, { expiresIn: this.lifetimeSeconds });
  }

  /** The caller named by a valid token, or null for a forged, expired or malformed one. */
  async verify(token: string): Promise<Caller | null> {
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<AccessClaims>>(token);
    } catch {
      return null;
    }
    const { sub, org, role } = claims;
    if (typeof sub !== 'string' || typeof org !== 'string' || !USER_ROLES.includes(role as UserRole)) return null;
    return { userId: sub, orgId: org, role: role as UserRole };
  }
}
