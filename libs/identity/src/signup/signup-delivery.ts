import { Injectable } from '@nestjs/common';
import { AppConfig, Mailer, OnJob } from '@kuaizhuan/platform';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { CONFIRMATION_TTL_HOURS } from '../domain/signup-confirmation';
import { hashToken, newOpaqueToken } from '../domain/tokens';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a sign-up job did (kept by BullMQ as the job's return value). */
export type SignupMailOutcome = 'delivered' | 'skipped: missing' | 'skipped: confirmed' | 'skipped: already sent';

/**
 * The e-mails of self-registration: `signup.confirm` (the confirmation link) and `signup.notice`
 * (someone registered with the address of an existing account). Each request for a link (a
 * registration or a resend) is answered by one e-mail: a job run again after it was sent finds
 * the request marked sent. The token exists only from this moment, and only its hash is stored.
 */
@Injectable()
export class SignupDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  @OnJob('signup.confirm', ({ userId }) => [userId])
  async confirm(userId: string): Promise<SignupMailOutcome> {
    if (!UUID.test(userId)) throw new UnrecoverableError(`signup.confirm: malformed user id ${userId}`);
    // The token is committed before the e-mail goes out, so the link works the moment it arrives.
    const prepared = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) return 'skipped: missing' as const;
      if (user.emailConfirmedAt) return 'skipped: confirmed' as const;
      const requested = user.confirmationRequestedAt?.getTime() ?? 0;
      if (user.confirmationSentAt && user.confirmationSentAt.getTime() >= requested)
        return 'skipped: already sent' as const;
      const organisation = await manager.findOneByOrFail(Organisation, { id: user.organisationId });
      const token = newOpaqueToken();
      const expiresAt = new Date(Date.now() + CONFIRMATION_TTL_HOURS * 3600 * 1000);
      await manager.update(
        User,
        { id: user.id },
        { confirmationTokenHash: hashToken(token), confirmationExpiresAt: expiresAt },
      );
      await this.audit.record(manager, {
        action: 'auth.confirmation_issued',
        actor: null,
        subject: { type: 'user', id: user.id },
        details: { email: user.email, expiresAt: expiresAt.toISOString() },
      });
      return { user, organisation, token };
    });
    if (typeof prepared === 'string') return prepared;
    const { user, organisation, token } = prepared;
    // If sending throws, the job is retried and mails a new token; the one committed above is never seen.
    await this.mailer.send({
      to: user.email,
      subject: '请确认您的邮箱 · 成果快转 / Confirm your e-mail address for Kuaizhuan',
      text: this.confirmBody(user, organisation, this.link('/confirm', token)),
      messageId: `<signup.${user.id}.${hashToken(token).slice(0, 16)}@${this.mailDomain()}>`,
    });
    // Marks this request answered, unless a newer link replaced this one meanwhile.
    await this.dataSource
      .getRepository(User)
      .update({ id: user.id, confirmationTokenHash: hashToken(token) }, { confirmationSentAt: new Date() });
    return 'delivered';
  }

  @OnJob('signup.notice', ({ userId }) => [userId])
  async notice(userId: string): Promise<SignupMailOutcome> {
    if (!UUID.test(userId)) throw new UnrecoverableError(`signup.notice: malformed user id ${userId}`);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) return 'skipped: missing';
    await this.mailer.send({
      to: user.email,
      subject: '有人尝试用您的邮箱注册 · 成果快转 / Someone tried to register with your address',
      text: this.noticeBody(this.link('/login', null)),
    });
    return 'delivered';
  }

  private link(path: string, token: string | null): string {
    const base = this.config.get('PUBLIC_URL').replace(/\/+$/, '');
    return token === null ? `${base}${path}` : `${base}${path}?token=${encodeURIComponent(token)}`;
  }

  private mailDomain(): string {
    return this.config.get('MAIL_FROM').split('@')[1] ?? 'kuaizhuan.local';
  }

  private confirmBody(user: User, organisation: Organisation, link: string): string {
    return [
      `${user.displayName}，您好：`,
      `有人用本邮箱为「${organisation.name}」注册了成果快转账号。请在 ${CONFIRMATION_TTL_HOURS} 小时内打开以下链接确认邮箱并登录：`,
      link,
      '',
      `Hello ${user.displayName},`,
      `This address was used to register ${organisation.name} on Kuaizhuan. Open this link within ${CONFIRMATION_TTL_HOURS} hours to confirm it and sign in:`,
      link,
      '',
      '如果不是您本人注册，请忽略本邮件，账号不会生效。 If you did not register, ignore this e-mail: the account will not be activated.',
    ].join('\n');
  }

  private noticeBody(signIn: string): string {
    return [
      '刚才有人尝试用本邮箱在成果快转注册新账号，但本邮箱已有账号，因此没有创建新账号。',
      `如果是您本人，请直接登录：${signIn}`,
      '忘记密码时，请联系您机构的管理员或平台运营方。如果不是您本人，请忽略本邮件，您的账号不受影响。',
      '',
      'Someone just tried to register a new Kuaizhuan account with this address. It already has an account, so no new one was created.',
      `If it was you, sign in: ${signIn}`,
      'If you forgot your password, ask your organisation or the platform operator. If it was not you, ignore this e-mail: your account is unchanged.',
    ].join('\n');
  }
}
