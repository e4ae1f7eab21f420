import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, Outbox } from '@kuaizhuan/platform';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { AuthResult } from '../auth/auth.dto';
import type { Caller } from '../auth/caller';
import { Passwords } from '../auth/passwords';
import { Sessions } from '../auth/sessions';
import { INVITATION_TTL_DAYS, invitationStatus } from '../domain/invitation-status';
import { invitationRefusal } from '../domain/roles';
import { hashToken } from '../domain/tokens';
import { Invitation } from '../entities/invitation.entity';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';
import { ownOrganisation } from '../organisations/organisations.service';
import { toOrganisationView, toUserView } from '../organisations/organisation.dto';
import type { AcceptInvitationDto, CreateInvitationDto, InvitationView } from './invitation.dto';

const DAY_MS = 24 * 3600 * 1000;

function toInvitationView(invitation: Invitation, now = new Date()): InvitationView {
  return {
    id: invitation.id,
    organisationId: invitation.organisationId,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    invitedById: invitation.invitedById,
    expiresAt: invitation.expiresAt,
    sentAt: invitation.sentAt,
    acceptedAt: invitation.acceptedAt,
    revokedAt: invitation.revokedAt,
    createdAt: invitation.createdAt,
  };
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly passwords: Passwords,
    private readonly sessions: Sessions,
  ) {}

  /**
   * Records the invitation and, in the same transaction, the outbox event that makes the
   * worker send its e-mail. The token is made by the worker, so none exists before sending.
   */
  async create(caller: Caller, id: string, input: CreateInvitationDto): Promise<InvitationView> {
    // The operator grants platform roles by inviting into any verified organisation (e.g. a manager agency).
    const orgId = caller.role === 'admin' ? id : ownOrganisation(caller, id);
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.findOne(Organisation, { where: { id: orgId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('Organisation not found', 'id');
      if (org.verificationStatus !== 'verified') {
        throw new ConflictError('The organisation must be verified before it can invite members');
      }
      const refusal = invitationRefusal(caller.role, org.kind, input.role);
      if (refusal?.kind === 'not_permitted') throw new ForbiddenError(refusal.reason, 'role');
      if (refusal) throw new InvalidInputError(refusal.reason, 'role');
      // Whether the address already has an account is not told here (that would let any member probe
      // for accounts): the invitation goes out either way, and accepting it is what refuses a taken address.
      if (await this.pendingFor(manager, orgId, input.email)) {
        throw new ConflictError('This address already has an open invitation; revoke it to invite again', 'email');
      }
      const invitation = await manager.save(
        manager.create(Invitation, {
          organisationId: orgId,
          email: input.email,
          role: input.role,
          invitedById: caller.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS),
        }),
      );
      await this.outbox.publish(manager, 'invitation.created', { invitationId: invitation.id });
      await this.audit.record(manager, {
        action: 'invitation.created',
        actor: caller,
        subject: { type: 'invitation', id: invitation.id },
        details: { email: invitation.email, role: invitation.role },
      });
      return toInvitationView(invitation);
    });
  }

  async list(caller: Caller, id: string): Promise<InvitationView[]> {
    const rows = await this.dataSource.getRepository(Invitation).find({
      where: { organisationId: ownOrganisation(caller, id) },
      order: { createdAt: 'DESC' },
    });
    const now = new Date();
    return rows.map((row) => toInvitationView(row, now));
  }

  /** Withdraws an invitation not yet accepted; revoking twice is harmless. */
  async revoke(caller: Caller, id: string, invitationId: string): Promise<void> {
    const orgId = ownOrganisation(caller, id);
    await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, {
        where: { id: invitationId, organisationId: orgId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw new NotFoundError('Invitation not found', 'invitationId');
      if (invitation.acceptedAt) throw new ConflictError('The invitation has already been accepted');
      if (invitation.revokedAt) return;
      await manager.update(Invitation, { id: invitation.id }, { revokedAt: new Date() });
      await this.audit.record(manager, {
        action: 'invitation.revoked',
        actor: caller,
        subject: { type: 'invitation', id: invitation.id },
        details: { email: invitation.email },
      });
    });
  }

  /** Creates the invited user from the e-mail's token, and signs them in. */
  async accept(input: AcceptInvitationDto): Promise<AuthResult> {
    const passwordHash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, {
        where: { tokenHash: hashToken(input.token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitationStatus(invitation, new Date()) !== 'sent') {
        throw new NotFoundError('This invitation is invalid, expired or already used; ask for a new one', 'token');
      }
      if (await manager.existsBy(User, { email: invitation.email })) {
        throw new ConflictError('A user with this e-mail address already exists', 'email');
      }
      const user = await manager.save(
        manager.create(User, {
          organisationId: invitation.organisationId,
          email: invitation.email,
          displayName: input.name,
          phone: input.phone ?? null,
          role: invitation.role,
          passwordHash,
          lastLoginAt: new Date(),
        }),
      );
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await this.audit.record(manager, {
        action: 'user.joined',
        actor: { userId: user.id, orgId: user.organisationId },
        subject: { type: 'user', id: user.id },
        details: { invitationId: invitation.id, role: user.role, invitedById: invitation.invitedById },
      });
      const organisation = await manager.findOneByOrFail(Organisation, { id: invitation.organisationId });
      const tokens = await this.sessions.open(manager, user);
      return { user: toUserView(user), organisation: toOrganisationView(organisation), tokens };
    });
  }

  private pendingFor(manager: EntityManager, orgId: string, email: string): Promise<boolean> {
    return manager.existsBy(Invitation, {
      organisationId: orgId,
      email,
      acceptedAt: IsNull(),
      revokedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
  }
}
