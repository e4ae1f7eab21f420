import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@kuaizhuan/platform';
import { USER_ROLES, type UserRole } from '../domain/roles';
import type { Caller } from './caller';

/** Claims of an access token: subject, organisation, role, session version and refresh family. */
interface AccessClaims {
  sub: string;
  org: string;
  role: UserRole;
  /** The user's session version when the token was made. */
  sv: number;
  /** The refresh-token family (sign-in session) the token belongs to. */
  fam: string;
}

/** Who a token names and which session it belongs to; still to be checked against the database. */
export interface AccessTokenSubject {
  caller: Caller;
  sessionVersion: number;
  familyId: string;
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

  sign(subject: AccessTokenSubject): Promise<string> {
    const { caller } = subject;
    const claims: AccessClaims = {
      sub: caller.userId,
      org: caller.orgId,
      role: caller.role,
      sv: subject.sessionVersion,
      fam: subject.familyId,
    };
    return this.jwt.signAsync(claims, { expiresIn: this.lifetimeSeconds });
  }

  /** The subject of a well-signed, unexpired token, or null for a forged, expired or malformed one. */
  async verify(token: string): Promise<AccessTokenSubject | null> {
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<AccessClaims>>(token);
    } catch {
      return null;
    }
    const { sub, org, role, sv, fam } = claims;
    if (typeof sub !== 'string' || typeof org !== 'string' || !USER_ROLES.includes(role as UserRole)) return null;
    if (typeof sv !== 'number' || !Number.isInteger(sv) || typeof fam !== 'string') return null;
    return { caller: { userId: sub, orgId: org, role: role as UserRole }, sessionVersion: sv, familyId: fam };
  }
}
