import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kuaizhuan/platform';
import { IsNull, type EntityManager } from 'typeorm';
import { familyExpiry } from '../domain/refresh-rotation';
import { hashToken, newOpaqueToken } from '../domain/tokens';
import { RefreshToken } from '../entities/refresh-token.entity';

export interface IssuedRefreshToken {
  /** The token for the client; only its hash is stored. */
  raw: string;
  row: RefreshToken;
}

/** Storage of refresh tokens. Every method runs in the caller's transaction. */
@Injectable()
export class RefreshTokens {
  constructor(private readonly config: AppConfig) {}

  /** Starts a new family (a sign-in), or continues `family` with its expiry when rotating. */
  async issue(
    manager: EntityManager,
    userId: string,
    family?: { id: string; expiresAt: Date },
  ): Promise<IssuedRefreshToken> {
    const raw = newOpaqueToken();
    const row = manager.create(RefreshToken, {
      userId,
      familyId: family?.id ?? randomUUID(),
      tokenHash: hashToken(raw),
      expiresAt: family?.expiresAt ?? familyExpiry(new Date(), this.config.get('REFRESH_TOKEN_TTL_DAYS')),
    });
    await manager.insert(RefreshToken, row);
    return { raw, row };
  }

  /** The stored token matching `raw`, locked until the transaction ends. */
  findForUpdate(manager: EntityManager, raw: string): Promise<RefreshToken | null> {
    return manager.findOne(RefreshToken, {
      where: { tokenHash: hashToken(raw) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markUsed(manager: EntityManager, token: RefreshToken, successor: RefreshToken): Promise<void> {
    await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date(), replacedBy: successor.id });
  }

  /** Ends every token of the family that is not yet revoked. */
  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
