import { Injectable } from '@nestjs/common';
import { AppConfig, Mailer, OnJob } from '@kuaizhuan/platform';
import { AuditLog } from '../audit/audit-log';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { invitationStatus, type InvitationStatus } from '../domain/invitation-status';
import { hashToken, newOpaqueToken } from '../domain/tokens';
import { Invitation } from '../entities/invitation.entity';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ROLE_NAMES: Record<Invitation['role'], string> = {
  enterprise: '企业用户 / enterprise user',
  tto: '技术转移机构用户 / tech-transfer office',
  manager: '技术经理人 / technology manager',
  admin: '平台管理员 / platform administrator',
};

/** What the job did (kept by BullMQ as the job's return value). */
export type InvitationDeliveryOutcome = 'delivered' | `skipped: ${'missing' | Exclude<InvitationStatus, 'pending'>}`;

/**
 * The `invitation.send` job. The invitation row is locked while the e-mail goes out, so
 * two runs of the job send one e-mail: the second finds `sent_at` set and stops. The
 * token exists only from this moment, and only its hash is stored.
 */
@Injectable()
export class InvitationDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  @OnJob('invitation.send', ({ invitationId }) => [invitationId])
  async send(invitationId: string): Promise<InvitationDeliveryOutcome> {
    if (!UUID.test(invitationId))
      throw new UnrecoverableError(`invitation.send: malformed invitation id ${invitationId}`);
    return this.dataSource.transaction(async (manager): Promise<InvitationDeliveryOutcome> => {
      const invitation = await manager.findOne(Invitation, {
        where: { id: invitationId },
        lock: { mode: 'pessimistic_write' },
      });
      // Gone with its organisation: nothing to send.
      if (!invitation) return 'skipped: missing';
      const status = invitationStatus(invitation, new Date());
      if (status !== 'pending') return `skipped: ${status}`;

      const organisation = await manager.findOneByOrFail(Organisation, { id: invitation.organisationId });
      const inviter = await manager.findOneBy(User, { id: invitation.invitedById });
      const token = newOpaqueToken();
      await manager.update(Invitation, { id: invitation.id }, { tokenHash: hashToken(token), sentAt: new Date() });
      await this.audit.record(manager, {
        action: 'invitation.sent',
        actor: null,
        subject: { type: 'invitation', id: invitation.id },
        details: { email: invitation.email },
      });
      // Sent last: if it throws, the transaction rolls back and the retry makes a new token.
      await this.mailer.send({
        to: invitation.email,
        subject: `邀请您加入「${organisation.name}」· 成果快转 / Invitation to Kuaizhuan`,
        text: this.body(invitation, organisation, inviter, this.acceptLink(token)),
        messageId: `<invitation.${invitation.id}@${this.mailDomain()}>`,
      });
      return 'delivered';
    });
  }

  private acceptLink(token: string): string {
    const base = this.config.get('PUBLIC_URL').replace(/\/+$/, '');
    return `${base}/invitations/accept?token=${encodeURIComponent(token)}`;
  }

  private mailDomain(): string {
    return this.config.get('MAIL_FROM').split('@')[1] ?? 'kuaizhuan.local';
  }

  private body(invitation: Invitation, organisation: Organisation, inviter: User | null, link: string): string {
    const who = inviter ? `${inviter.displayName} (${inviter.email})` : organisation.name;
    const expires = invitation.expiresAt.toISOString().slice(0, 10);
    return [
      `${who} 邀请您以「${ROLE_NAMES[invitation.role]}」身份加入「${organisation.name}」，使用成果快转平台。`,
      `请在 ${expires} 之前打开以下链接，设置姓名和密码：`,
      link,
      '',
      `${who} invites you to join ${organisation.name} on Kuaizhuan as ${ROLE_NAMES[invitation.role]}.`,
      `Open this link before ${expires} to choose your name and password:`,
      link,
      '',
      '如果您不认识邀请人，请忽略本邮件。 If you were not expecting this, ignore this e-mail.',
    ].join('\n');
  }
}
