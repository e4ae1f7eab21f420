import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { TaxonomyService, type CreateNeedDto } from '@kuaizhuan/catalog';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CommissionerAppointment } from '../entities/appointment.entity';
import { MinedNeedDraft } from '../entities/mined-need-draft.entity';
import { CommissionerVisit } from '../entities/visit.entity';
import { appointmentProblem, chinaToday, visitDateProblem } from './appointment-rules';
import type { DraftMinedNeedDto, RecordVisitDto } from './commissioner.dto';
import { draftView, type DraftView } from './draft-view';

export interface VisitView {
  id: string;
  appointmentId: string;
  companyId: string;
  visitedOn: string;
  findings: string;
  createdAt: Date;
}

function visitView(visit: CommissionerVisit): VisitView {
  return {
    id: visit.id,
    appointmentId: visit.appointmentId,
    companyId: visit.companyOrgId,
    visitedOn: visit.visitedOn,
    findings: visit.findings,
    createdAt: visit.createdAt,
  };
}

/** Checks the codes of a need's content the way catalog will when it is confirmed, naming `need.*` fields. */
export async function checkNeedTerms(taxonomy: TaxonomyService, need: CreateNeedDto): Promise<void> {
  await taxonomy.checkCodes([
    { kind: 'field', field: 'need.fieldCodes', codes: need.fieldCodes ?? [] },
    { kind: 'maturity_stage', field: 'need.desiredStage', codes: [need.desiredStage] },
    { kind: 'region', field: 'need.regionCode', codes: [need.regionCode] },
  ]);
  const { budgetMin, budgetMax } = need;
  if (budgetMin != null && budgetMax != null && new Decimal(budgetMin).greaterThan(budgetMax)) {
    throw new InvalidInputError('need.budgetMin must not be greater than need.budgetMax', 'need.budgetMin');
  }
}

/**
 * A commissioner's own work: visits to the companies of their appointments and the needs they
 * draft there. Every call acts under the caller's appointment to that company, valid today.
 */
@Injectable()
export class CommissionerWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async recordVisit(caller: Caller, input: RecordVisitDto): Promise<VisitView> {
    const today = chinaToday();
    const visit = await this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointmentFor(manager, caller, input.companyId, today);
      const problem = visitDateProblem(appointment, input.visitedOn, today);
      if (problem) throw new InvalidInputError(problem, 'visitedOn');
      const saved = await manager.save(
        manager.create(CommissionerVisit, {
          appointmentId: appointment.id,
          companyOrgId: appointment.companyOrgId,
          visitedOn: input.visitedOn,
          findings: input.findings.trim(),
          createdBy: caller.userId,
        }),
      );
      await this.audit.record(manager, {
        action: 'commissioner.visited',
        actor: { userId: caller.userId, orgId: caller.orgId },
        subject: { type: 'commissioner_visit', id: saved.id },
        details: { appointmentId: appointment.id, companyId: appointment.companyOrgId, visitedOn: input.visitedOn },
      });
      return saved;
    });
    return visitView(visit);
  }

  /** The caller's visits, newest first. */
  async visits(caller: Caller): Promise<VisitView[]> {
    const rows = await this.dataSource
      .createQueryBuilder(CommissionerVisit, 'v')
      .innerJoin(CommissionerAppointment, 'a', 'a.id = v.appointmentId')
      .where('a.userId = :user', { user: caller.userId })
      .orderBy('v.visitedOn', 'DESC')
      .addOrderBy('v.createdAt', 'DESC')
      .getMany();
    return rows.map(visitView);
  }

  async draft(caller: Caller, input: DraftMinedNeedDto): Promise<DraftView> {
    await checkNeedTerms(this.taxonomy, input.need);
    const today = chinaToday();
    const id = await this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointmentFor(manager, caller, input.companyId, today);
      if (input.visitId) {
        const visit = await manager.findOneBy(CommissionerVisit, { id: input.visitId, appointmentId: appointment.id });
        if (!visit) throw new NotFoundError('No such visit of yours to this company', 'visitId');
      }
      const saved = await manager.save(
        manager.create(MinedNeedDraft, {
          appointmentId: appointment.id,
          companyOrgId: appointment.companyOrgId,
          visitId: input.visitId ?? null,
          content: { ...input.need },
          draftedBy: caller.userId,
        }),
      );
      await this.audit.record(manager, {
        action: 'commissioner.drafted',
        actor: { userId: caller.userId, orgId: caller.orgId },
        subject: { type: 'mined_need_draft', id: saved.id },
        details: { appointmentId: appointment.id, companyId: appointment.companyOrgId },
      });
      return saved.id;
    });
    return this.own(caller, id);
  }

  /** The caller's drafts, newest first. */
  async drafts(caller: Caller): Promise<DraftView[]> {
    const rows = await this.dataSource
      .createQueryBuilder(MinedNeedDraft, 'd')
      .innerJoin(CommissionerAppointment, 'a', 'a.id = d.appointmentId')
      .where('a.userId = :user', { user: caller.userId })
      .orderBy('d.createdAt', 'DESC')
      .getMany();
    return rows.map(draftView);
  }

  private async own(caller: Caller, id: string): Promise<DraftView> {
    const [row] = (await this.drafts(caller)).filter((draft) => draft.id === id);
    if (!row) throw new NotFoundError('No such draft', 'id');
    return row;
  }

  /**
   * The caller's appointment to the company, valid today. Someone not appointed to it is refused
   * (403 naming the company), and so is an appointment not yet started or already ended.
   */
  private async appointmentFor(
    manager: EntityManager,
    caller: Caller,
    companyId: string,
    today: string,
  ): Promise<CommissionerAppointment> {
    const appointments = await manager.find(CommissionerAppointment, {
      where: { userId: caller.userId, companyOrgId: companyId },
      order: { endsOn: 'DESC' },
    });
    if (appointments.length === 0) {
      throw new ForbiddenError('companyId: you are not appointed as commissioner to this company', 'companyId');
    }
    const current = appointments.find((appointment) => appointmentProblem(appointment, today) === null);
    if (current) return current;
    throw new ForbiddenError(`companyId: ${appointmentProblem(appointments[0], today)}`, 'companyId');
  }
}

/** Refuses a change to a draft the company has already confirmed. */
export function requireAwaiting(draft: MinedNeedDraft): void {
  if (draft.status !== 'awaiting_company') {
    throw new ConflictError('This draft was confirmed; its need is now the company’s own', 'status');
  }
}
