import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from '../entities/user.entity';
import { AccessTokens } from './access-tokens';
import type { TokenPairView } from './auth.dto';
import { RefreshTokens } from './refresh-tokens';

type SessionUser = Pick<User, 'id' | 'organisationId' | 'role' | 'sessionVersion'>;

/** Opens a sign-in session: a new refresh token family and an access token. */
@Injectable()
export class Sessions {
  constructor(
    private readonly access: AccessTokens,
    private readonly refresh: RefreshTokens,
  ) {}

  async open(manager: EntityManager, user: User): Promise<TokenPairView> {
    const issued = await this.refresh.issue(manager, user.id);
    return this.pair(user, { raw: issued.raw, familyId: issued.row.familyId, expiresAt: issued.row.expiresAt });
  }

  async pair(user: SessionUser, refresh: { raw: string; familyId: string; expiresAt: Date }): Promise<TokenPairView> {
    const caller = { userId: user.id, orgId: user.organisationId, role: user.role };
    return {
      accessToken: await this.access.sign({ caller, sessionVersion: user.sessionVersion, familyId: refresh.familyId }),
      expiresIn: this.access.lifetimeSeconds,
      tokenType: 'Bearer',
      refreshToken: refresh.raw,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }
}
