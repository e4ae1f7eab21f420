import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { Caller } from '../auth/caller';
import type { VerificationStatus } from '../domain/roles';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';
import {
  toOrganisationView,
  toUserView,
  type ListOrganisationsQuery,
  type OrganisationPage,
  type OrganisationView,
  type UpdateOrganisationDto,
  type UserView,
} from './organisation.dto';

/**
 * The organisation id a caller may act on: their own. Anything else is answered as if
 * it did not exist, so ids of other tenants cannot be probed.
 */
export function ownOrganisation(caller: Caller, organisationId: string): string {
  if (caller.orgId !== organisationId) throw new NotFoundError('Organisation not found', 'id');
  return organisationId;
}

/** What an organisation may edit about itself; never its kind, status or id. */
const PROFILE_FIELDS = ['name', 'region', 'contactName', 'contactEmail', 'contactPhone'] as const;

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}

/** Verification decisions an admin may take from each status. */
const VERIFICATION_FROM: Record<'verified' | 'rejected', VerificationStatus[]> = {
  verified: ['pending', 'rejected'],
  rejected: ['pending', 'verified'],
};

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Members see their organisation; admins see any (they verify them). */
  async get(caller: Caller, id: string): Promise<OrganisationView> {
    const orgId = caller.role === 'admin' ? id : ownOrganisation(caller, id);
    return toOrganisationView(await this.find(this.dataSource.manager, orgId));
  }

  async update(caller: Caller, id: string, changes: UpdateOrganisationDto): Promise<OrganisationView> {
    const orgId = ownOrganisation(caller, id);
    return this.dataSource.transaction(async (manager) => {
      const org = await this.find(manager, orgId, true);
      const changed = PROFILE_FIELDS.filter((key) => changes[key] !== undefined && changes[key] !== org[key]);
      if (changed.length === 0) return toOrganisationView(org);
      // The DTO has exactly the profile fields; name cannot be null there.
      const saved = await manager.save(Object.assign(org, pick(changes, changed)));
      await this.audit.record(manager, {
        action: 'organisation.updated',
        actor: caller,
        subject: { type: 'organisation', id: orgId },
        details: { fields: changed },
      });
      return toOrganisationView(saved);
    });
  }

  async listUsers(caller: Caller, id: string): Promise<UserView[]> {
    const users = await this.usersOf(ownOrganisation(caller, id));
    return users.map(toUserView);
  }

  /**
   * Admin: organisations, optionally in one verification status, oldest first (a review queue).
   * A self-registration whose e-mail address was never confirmed is not shown: nobody stands behind it yet.
   */
  async list(query: ListOrganisationsQuery): Promise<OrganisationPage> {
    const builder = this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('org')
      .where(
        `(NOT EXISTS (SELECT 1 FROM user_account member WHERE member.organisation_id = org.id)
          OR EXISTS (SELECT 1 FROM user_account member
                     WHERE member.organisation_id = org.id AND member.email_confirmed_at IS NOT NULL))`,
      );
    if (query.status) builder.andWhere('org.verificationStatus = :status', { status: query.status });
    const [rows, total] = await builder
      .orderBy('org.createdAt', 'ASC')
      .addOrderBy('org.id', 'ASC')
      .take(query.limit ?? 50)
      .skip(query.offset ?? 0)
      .getManyAndCount();
    return { items: rows.map(toOrganisationView), total };
  }

  /** Admin: marks an organisation verified or rejected (with the reason shown to its members). */
  async decide(
    admin: Caller,
    id: string,
    decision: 'verified' | 'rejected',
    reason: string | null,
  ): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const org = await this.find(manager, id, true);
      if (!VERIFICATION_FROM[decision].includes(org.verificationStatus)) {
        throw new ConflictError(`The organisation is already ${org.verificationStatus}`);
      }
      const previous = org.verificationStatus;
      org.verificationStatus = decision;
      org.verificationReason = reason;
      org.verifiedAt = decision === 'verified' ? new Date() : null;
      org.verifiedBy = decision === 'verified' ? admin.userId : null;
      const saved = await manager.save(org);
      // Sessions made before a rejection or suspension end at once: their access tokens carry the old version.
      if (decision === 'rejected') await manager.increment(User, { organisationId: org.id }, 'sessionVersion', 1);
      await this.audit.record(manager, {
        action: decision === 'verified' ? 'organisation.verified' : 'organisation.rejected',
        actor: admin,
        subject: { type: 'organisation', id: org.id },
        details: { previous, reason },
      });
      return toOrganisationView(saved);
    });
  }

  private usersOf(organisationId: string): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ where: { organisationId }, order: { createdAt: 'ASC' } });
  }

  private async find(manager: EntityManager, organisationId: string, forUpdate = false): Promise<Organisation> {
    const org = await manager.findOne(Organisation, {
      where: { id: organisationId },
      lock: forUpdate ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!org) throw new NotFoundError('Organisation not found', 'id');
    return org;
  }
}
