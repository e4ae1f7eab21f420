import { Injectable } from '@nestjs/common';
import { AuditLog, Organisation, User, type Caller } from '@kuaizhuan/identity';
import { Researcher } from '@kuaizhuan/catalog';
import { InvalidInputError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CommissionerAppointment } from '../entities/appointment.entity';
import { chinaToday, within } from './appointment-rules';
import type { AppointCommissionerDto, CandidateQueryDto } from './commissioner.dto';

export interface AppointmentView {
  id: string;
  researcher: { id: string; name: string; title: string };
  institution: { id: string; name: string };
  company: { id: string; name: string };
  startsOn: string;
  endsOn: string;
  /** Whether today (China time) is within the appointment. */
  active: boolean;
  visits: number;
  minedNeeds: number;
  createdAt: Date;
}

export interface CandidateView {
  researcherId: string;
  name: string;
  title: string;
  institution: { id: string; name: string };
  researchAreas: string[];
  commissionerAvailable: boolean;
}

const INSTITUTIONS = ['university', 'research_institute'];

/** The operator's side: appointing researchers as commissioners to companies, and the list of them. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async appoint(admin: Caller, input: AppointCommissionerDto): Promise<AppointmentView> {
    if (input.startsOn > input.endsOn) throw new InvalidInputError('startsOn must not be after endsOn', 'startsOn');
    const id = await this.dataSource.transaction(async (manager) => {
      const researcher = await manager.findOneBy(Researcher, { id: input.researcherId });
      if (!researcher || !researcher.active) throw new NotFoundError('No such researcher', 'researcherId');
      const institution = await manager.findOneByOrFail(Organisation, { id: researcher.orgId });
      if (!INSTITUTIONS.includes(institution.kind) || institution.verificationStatus !== 'verified') {
        throw new InvalidInputError(
          "researcherId: the researcher's university or institute must be verified first",
          'researcherId',
        );
      }
      const account = await this.accountOf(manager, researcher);
      if (!account) {
        throw new InvalidInputError(
          'researcherId: the researcher has no active account of their institution with their e-mail',
          'researcherId',
        );
      }
      const company = await manager.findOneBy(Organisation, { id: input.companyId });
      if (!company || company.kind !== 'enterprise') throw new NotFoundError('No such company', 'companyId');
      if (company.verificationStatus !== 'verified') {
        throw new InvalidInputError('companyId: the company must be verified first', 'companyId');
      }
      const saved = await manager.save(
        manager.create(CommissionerAppointment, {
          researcherId: researcher.id,
          institutionOrgId: institution.id,
          userId: account.id,
          companyOrgId: company.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          appointedBy: admin.userId,
        }),
      );
      await this.audit.record(manager, {
        action: 'commissioner.appointed',
        actor: { userId: admin.userId, orgId: admin.orgId },
        subject: { type: 'commissioner_appointment', id: saved.id },
        details: { researcherId: researcher.id, companyId: company.id, startsOn: input.startsOn, endsOn: input.endsOn },
      });
      return saved.id;
    });
    return (await this.views({ id }))[0];
  }

  /** Every appointment, newest first. */
  list(): Promise<AppointmentView[]> {
    return this.views({});
  }

  /** The caller's own appointments (as commissioner), newest first. */
  mine(caller: Caller): Promise<AppointmentView[]> {
    return this.views({ userId: caller.userId });
  }

  /** Researchers of verified universities and institutes who have an account to act with. */
  async candidates(query: CandidateQueryDto): Promise<CandidateView[]> {
    const text = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.dataSource
      .createQueryBuilder(Researcher, 'r')
      .innerJoin(Organisation, 'o', 'o.id = r.orgId')
      .innerJoin(User, 'u', 'u.organisationId = r.orgId AND lower(u.email) = lower(r.email) AND u.status = :active', {
        active: 'active',
      })
      .where('r.active AND o.kind IN (:...kinds) AND o.verificationStatus = :verified', {
        kinds: INSTITUTIONS,
        verified: 'verified',
      })
      .andWhere(text ? '(r.name ILIKE :text OR o.name ILIKE :text)' : 'true', { text })
      .select(['r.id AS id', 'r.name AS name', 'r.title AS title', 'r.researchAreas AS areas'])
      .addSelect(['r.commissionerAvailable AS available', 'o.id AS org_id', 'o.name AS org_name'])
      .orderBy('r.commissionerAvailable', 'DESC')
      .addOrderBy('r.name')
      .limit(50)
      .getRawMany<{
        id: string;
        name: string;
        title: string;
        areas: string[];
        available: boolean;
        org_id: string;
        org_name: string;
      }>();
    return rows.map((row) => ({
      researcherId: row.id,
      name: row.name,
      title: row.title,
      institution: { id: row.org_id, name: row.org_name },
      researchAreas: row.areas,
      commissionerAvailable: row.available,
    }));
  }

  private async accountOf(manager: EntityManager, researcher: Researcher): Promise<User | null> {
    if (!researcher.email) return null;
    return manager
      .createQueryBuilder(User, 'u')
      .where('u.organisationId = :org AND lower(u.email) = lower(:email) AND u.status = :active', {
        org: researcher.orgId,
        email: researcher.email,
        active: 'active',
      })
      .getOne();
  }

  private async views(where: { id?: string; userId?: string }): Promise<AppointmentView[]> {
    const rows: {
      id: string;
      researcher_id: string;
      researcher_name: string;
      researcher_title: string;
      institution_id: string;
      institution_name: string;
      company_id: string;
      company_name: string;
      starts_on: string;
      ends_on: string;
      visits: number;
      mined: number;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT a.id, r.id AS researcher_id, r.name AS researcher_name, r.title AS researcher_title,
              i.id AS institution_id, i.name AS institution_name, c.id AS company_id, c.name AS company_name,
              to_char(a.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on,
              (SELECT count(*)::int FROM commissioner_visit v WHERE v.appointment_id = a.id) AS visits,
              (SELECT count(*)::int FROM mined_need_draft d WHERE d.appointment_id = a.id AND d.status = 'confirmed') AS mined,
              a.created_at
         FROM commissioner_appointment a
         JOIN researcher r ON r.id = a.researcher_id
         JOIN organisation i ON i.id = a.institution_org_id
         JOIN organisation c ON c.id = a.company_org_id
        WHERE ($1::uuid IS NULL OR a.id = $1) AND ($2::uuid IS NULL OR a.user_id = $2)
        ORDER BY a.created_at DESC, a.id`,
      [where.id ?? null, where.userId ?? null],
    );
    const today = chinaToday();
    return rows.map((row) => ({
      id: row.id,
      researcher: { id: row.researcher_id, name: row.researcher_name, title: row.researcher_title },
      institution: { id: row.institution_id, name: row.institution_name },
      company: { id: row.company_id, name: row.company_name },
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      active: within({ startsOn: row.starts_on, endsOn: row.ends_on }, today),
      visits: row.visits,
      minedNeeds: row.mined,
      createdAt: row.created_at,
    }));
  }
}
