import { Injectable } from '@nestjs/common';
import { AppConfig, UnauthorizedError } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { decideRefresh } from '../domain/refresh-rotation';
import { User } from '../entities/user.entity';
import { toOrganisationView, toUserView } from '../organisations/organisation.dto';
import type { AuthResult, LoginDto, MeView, TokenPairView } from './auth.dto';
import type { Caller } from './caller';
import { Passwords } from './passwords';
import { RefreshTokens } from './refresh-tokens';
import { EmailUnconfirmedError } from '../signup/signup.errors';
import { Sessions } from './sessions';

const BAD_CREDENTIALS = 'The e-mail address or password is incorrect';
const BAD_REFRESH = 'The refresh token is invalid, expired or already used; sign in again';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: Passwords,
    private readonly refreshTokens: RefreshTokens,
    private readonly sessions: Sessions,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /** Same answer and about the same time whether or not the address has an account. */
  async login(input: LoginDto): Promise<AuthResult> {
    const user = await this.dataSource.getRepository(User).findOne({
      where: { email: input.email },
      relations: { organisation: true },
    });
    const passwordOk = user
      ? await this.passwords.verify(user.passwordHash, input.password)
      : await this.passwords.verifyNobody(input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      await this.audit.record(null, {
        action: 'auth.login_failed',
        actor: null,
        subject: { type: 'user', id: user?.id ?? null },
        details: { email: input.email, reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'disabled' },
      });
      throw new UnauthorizedError(BAD_CREDENTIALS);
    }
    // Told only to someone who knows the password, so it reveals nothing about the address.
    if (!user.emailConfirmedAt) {
      throw new EmailUnconfirmedError(
        'Confirm your e-mail address first: open the link we sent you, or ask for a new one',
        'email',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      user.lastLoginAt = new Date();
      await manager.update(User, { id: user.id }, { lastLoginAt: user.lastLoginAt });
      const tokens = await this.sessions.open(manager, user);
      await this.audit.record(manager, {
        action: 'auth.login',
        actor: { userId: user.id, orgId: user.organisationId },
        subject: { type: 'user', id: user.id },
      });
      return { user: toUserView(user), organisation: toOrganisationView(user.organisation!), tokens };
    });
  }

  /**
   * Exchanges a refresh token for a new pair. A token presented a second time means a
   * copy leaked: the whole family is revoked (and audited), so the thief's and the
   * owner's newest tokens both stop working.
   */
  async refresh(raw: string): Promise<TokenPairView> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.refreshTokens.findForUpdate(manager, raw);
      if (!token) return null;
      const decision = decideRefresh(token, new Date(), this.config.get('REFRESH_REUSE_GRACE_SECONDS') * 1000);
      const user = await manager.findOneBy(User, { id: token.userId });
      if (decision === 'reuse') {
        await this.refreshTokens.revokeFamily(manager, token.familyId);
        await this.audit.record(manager, {
          action: 'auth.refresh_reuse_detected',
          actor: user ? { userId: user.id, orgId: user.organisationId } : null,
          subject: { type: 'user', id: token.userId },
          details: { familyId: token.familyId, refreshTokenId: token.id },
        });
        return null;
      }
      if (decision !== 'rotate' && decision !== 'grace') return null;
      if (!user || user.status !== 'active') {
        await this.refreshTokens.revokeFamily(manager, token.familyId);
        return null;
      }
      const next = await this.refreshTokens.issue(manager, user.id, { id: token.familyId, expiresAt: token.expiresAt });
      // Within the grace window the token keeps its first successor and first use time.
      if (decision === 'rotate') await this.refreshTokens.markUsed(manager, token, next.row);
      return { user, raw: next.raw, familyId: token.familyId, expiresAt: next.row.expiresAt };
    });
    // Thrown after the transaction, so a detected reuse stays revoked and recorded.
    if (!outcome) throw new UnauthorizedError(BAD_REFRESH, 'refreshToken');
    return this.sessions.pair(outcome.user, outcome);
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (nothing to end). */
  async logout(raw: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await this.refreshTokens.findForUpdate(manager, raw);
      if (!token) return;
      const user = await manager.findOneBy(User, { id: token.userId });
      await this.refreshTokens.revokeFamily(manager, token.familyId);
      await this.audit.record(manager, {
        action: 'auth.logout',
        actor: user ? { userId: user.id, orgId: user.organisationId } : null,
        subject: { type: 'user', id: token.userId },
        details: { familyId: token.familyId },
      });
    });
  }

  async me(caller: Caller): Promise<MeView> {
    const user = await this.dataSource.getRepository(User).findOne({
      where: { id: caller.userId, organisationId: caller.orgId },
      relations: { organisation: true },
    });
    if (!user || user.status !== 'active') throw new UnauthorizedError('This account is no longer active');
    return { user: toUserView(user), organisation: toOrganisationView(user.organisation!) };
  }
}
