import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, Outbox } from '@kuaizhuan/platform';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { AuthResult, RegisterDto } from '../auth/auth.dto';
import { Passwords } from '../auth/passwords';
import { Sessions } from '../auth/sessions';
import { selfRegistrationRole } from '../domain/roles';
import { confirmationState, registrationLapsed } from '../domain/signup-confirmation';
import { hashToken } from '../domain/tokens';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';
import { toOrganisationView, toUserView } from '../organisations/organisation.dto';
import { LegalConsent } from '../verification/legal-consent.entity';
import { VerificationService } from '../verification/verification.service';
import { ConfirmationExpiredError } from './signup.errors';
import type { SignupAnswer } from './signup.dto';

const ANSWER: SignupAnswer = { status: 'confirmation_sent' };
const UNKNOWN_LINK = 'This confirmation link is unknown or has already been used; sign in, or ask for a new link';

/**
 * E-mail-confirmed self-registration. Registering answers the same whether or not the address
 * has an account, after the same work: a new address gets an unconfirmed organisation and user
 * and a confirmation link; a taken one gets a notice to its owner, and nothing is created.
 */
@Injectable()
export class SignupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: Passwords,
    private readonly sessions: Sessions,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly verification: VerificationService,
  ) {}

  async register(input: RegisterDto): Promise<SignupAnswer> {
    const role = selfRegistrationRole(input.organisation.kind);
    if (!role) throw new InvalidInputError('This kind of organisation is created by invitation', 'organisation.kind');
    this.verification.checkConsent(input.consent);
    const passwordHash = await this.passwords.hash(input.password);
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(User, {
        where: { email: input.email },
        lock: { mode: 'pessimistic_write' },
      });
      // Checked for every address alike (an account's own organisation included), so a known credit
      // code cannot tell which addresses have accounts. Only a registration being replaced keeps its own.
      const replaced = existing && !existing.emailConfirmedAt ? existing.organisationId : undefined;
      await this.claimCreditCode(manager, input.organisation.creditCode, replaced);
      if (existing?.emailConfirmedAt) {
        await this.outbox.publish(manager, 'signup.repeated', { userId: existing.id });
        await this.audit.record(manager, {
          action: 'auth.register_existing_address',
          actor: null,
          subject: { type: 'user', id: existing.id },
          details: { email: input.email },
        });
        return;
      }
      const user = existing
        ? await this.replace(manager, existing, input, role, passwordHash)
        : await this.create(manager, input, role, passwordHash);
      await this.verification.recordConsent(manager, user.id, input.consent);
      await this.outbox.publish(manager, 'signup.requested', { userId: user.id });
      await this.audit.record(manager, {
        action: 'organisation.registered',
        actor: { userId: user.id, orgId: user.organisationId },
        subject: { type: 'organisation', id: user.organisationId },
        details: {
          kind: input.organisation.kind,
          name: input.organisation.name,
          firstUserId: user.id,
          role,
          replacedUnconfirmed: Boolean(existing),
        },
      });
    });
    return ANSWER;
  }

  /** Opens the mailed link: confirms the address and signs the person in, once. */
  async confirm(token: string): Promise<AuthResult> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { confirmationTokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.status !== 'active') throw new InvalidInputError(UNKNOWN_LINK, 'token');
      const now = new Date();
      const state = confirmationState(user, now);
      if (state === 'expired') {
        throw new ConfirmationExpiredError('This confirmation link has expired; ask for a new one', 'token');
      }
      if (state !== 'usable') throw new InvalidInputError(UNKNOWN_LINK, 'token');
      const confirmed = {
        emailConfirmedAt: now,
        confirmationTokenHash: null,
        confirmationExpiresAt: null,
        lastLoginAt: now,
      };
      await manager.update(User, { id: user.id }, confirmed);
      Object.assign(user, confirmed);
      const organisation = await manager.findOneByOrFail(Organisation, { id: user.organisationId });
      await this.audit.record(manager, {
        action: 'auth.email_confirmed',
        actor: { userId: user.id, orgId: user.organisationId },
        subject: { type: 'user', id: user.id },
      });
      const tokens = await this.sessions.open(manager, user);
      return { user: toUserView(user), organisation: toOrganisationView(organisation), tokens };
    });
  }

  /** Mails a new link to an unconfirmed account; answers the same for any address. */
  async resend(email: string): Promise<SignupAnswer> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.emailConfirmedAt || user.status !== 'active') return;
      await manager.update(User, { id: user.id }, { confirmationRequestedAt: new Date() });
      await this.outbox.publish(manager, 'signup.requested', { userId: user.id });
      await this.audit.record(manager, {
        action: 'auth.confirmation_requested',
        actor: null,
        subject: { type: 'user', id: user.id },
        details: { email },
      });
    });
    return ANSWER;
  }

  /**
   * Refuses a credit code another organisation holds. An unconfirmed registration whose link
   * lapsed a day ago no longer holds its code, so it cannot block the real organisation.
   */
  private async claimCreditCode(manager: EntityManager, creditCode: string | undefined, ownOrgId?: string) {
    if (!creditCode) return;
    const holder = await manager.findOne(Organisation, {
      where: { creditCode, ...(ownOrgId ? { id: Not(ownOrgId) } : {}) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!holder) return;
    const members = await manager.findBy(User, { organisationId: holder.id });
    const now = new Date();
    if (members.length > 0 && members.every((member) => registrationLapsed(member, now))) {
      await manager.update(Organisation, { id: holder.id }, { creditCode: null });
      return;
    }
    throw new ConflictError('An organisation with this credit code is already registered', 'organisation.creditCode');
  }

  private async create(manager: EntityManager, input: RegisterDto, role: User['role'], passwordHash: string) {
    const organisation = await manager.save(manager.create(Organisation, this.organisationFields(input)));
    return manager.save(
      manager.create(User, {
        organisationId: organisation.id,
        email: input.email,
        displayName: input.name,
        phone: input.phone ?? null,
        role,
        passwordHash,
        emailConfirmedAt: null,
        confirmationRequestedAt: new Date(),
      }),
    );
  }

  /**
   * A new registration of an address that was never confirmed takes the place of the old one
   * (whoever made it): the last registration is the one its link confirms, earlier links stop working.
   */
  private async replace(
    manager: EntityManager,
    user: User,
    input: RegisterDto,
    role: User['role'],
    passwordHash: string,
  ): Promise<User> {
    await manager.update(Organisation, { id: user.organisationId }, this.organisationFields(input));
    await manager.update(
      User,
      { id: user.id },
      {
        displayName: input.name,
        phone: input.phone ?? null,
        role,
        passwordHash,
        confirmationTokenHash: null,
        confirmationExpiresAt: null,
        confirmationRequestedAt: new Date(),
      },
    );
    await manager.delete(LegalConsent, { userId: user.id });
    return user;
  }

  private organisationFields(input: RegisterDto) {
    return {
      name: input.organisation.name,
      kind: input.organisation.kind,
      creditCode: input.organisation.creditCode ?? null,
      region: input.organisation.region ?? null,
      contactName: input.organisation.contactName ?? null,
      contactEmail: input.organisation.contactEmail ?? null,
      contactPhone: input.organisation.contactPhone ?? null,
    };
  }
}
