import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from '../entities/user.entity';
import { AccessTokens } from './access-tokens';
import type { TokenPairView } from './auth.dto';
import { RefreshTokens } from './refresh-tokens';

/** Opens a sign-in session: a new refresh token family and an access token. */
@Injectable()
export class Sessions {
  constructor(
    private readonly access: AccessTokens,
    private readonly refresh: RefreshTokens,
  ) {}

  async open(manager: EntityManager, user: User): Promise<TokenPairView> {
    const issued = await this.refresh.issue(manager, user.id);
    return this.pair(user, issued.raw, issued.row.expiresAt);
  }

  async pair(
    user: Pick<User, 'id' | 'organisationId' | 'role'>,
    refreshToken: string,
    expiresAt: Date,
  ): Promise<TokenPairView> {
    return {
      accessToken: await this.access.sign({ userId: user.id, orgId: user.organisationId, role: user.role }),
      expiresIn: this.access.lifetimeSeconds,
      tokenType: 'Bearer',
      refreshToken,
      refreshTokenExpiresAt: expiresAt,
    };
  }
}
