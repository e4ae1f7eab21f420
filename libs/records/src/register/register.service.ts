import { Injectable } from '@nestjs/common';
import { serviceInventionsOf, type ServiceInvention } from '@kuaizhuan/catalog';
import { disposalsOf, type Disposal } from '@kuaizhuan/deals';
import { AuditLog, Organisation, User, type Caller } from '@kuaizhuan/identity';
import { NotFoundError } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ApprovalDto } from './register.dto';
import { RegisterApproval } from './register-approval.entity';

export interface ApprovalView {
  approvedBy: string;
  approvedOn: string;
  documentRef: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RegisterDisposal extends Disposal {
  approval: ApprovalView | null;
}

export interface RegisterEntry extends ServiceInvention {
  disposals: RegisterDisposal[];
}

export interface RegisterTotals {
  disposals: number;
  approved: number;
  income: string;
  costRecovery: string;
  institution: string;
  researchers: string;
}

/** An institution's register of service inventions (职务科技成果单列管理台账). */
export interface Register {
  orgId: string;
  institution: string;
  /** The report year, or null for every year. */
  year: number | null;
  inventions: RegisterEntry[];
  totals: RegisterTotals;
}

const INSTITUTION_KINDS = ['university', 'research_institute'];

/**
 * The register: the institution's service inventions with each disposal taken from its deals,
 * the income and its split from the deals' ledger, and the institution's approvals, which are
 * the register's own records. Only the institution's TTO and the operator read it.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async register(caller: Caller, orgId: string, year: number | null): Promise<Register> {
    const manager = this.dataSource.manager;
    const institution = await this.institution(manager, caller, orgId);
    const period = year === null ? null : { from: `${year}-01-01`, to: `${year}-12-31` };
    const disposals = await disposalsOf(manager, orgId, period);
    const inventions = await serviceInventionsOf(
      manager,
      orgId,
      disposals.map((d) => d.achievementId),
    );
    const approvals = await this.approvals(manager, orgId, disposals);

    const entries = inventions
      // For a year's report: what was registered by the year's end, and anything disposed of in it.
      .filter(
        (i) =>
          period === null ||
          i.registeredAt.slice(0, 10) <= period.to ||
          disposals.some((d) => d.achievementId === i.id),
      )
      .map((invention) => ({
        ...invention,
        disposals: disposals
          .filter((d) => d.achievementId === invention.id)
          .map((d) => ({ ...d, approval: approvals.get(d.dealId) ?? null })),
      }));
    const all = entries.flatMap((e) => e.disposals);
    const sum = (pick: (d: RegisterDisposal) => string): string =>
      all.reduce((total, d) => total.plus(pick(d)), new Decimal(0)).toFixed(2);
    return {
      orgId,
      institution: institution.name,
      year,
      inventions: entries,
      totals: {
        disposals: all.length,
        approved: all.filter((d) => d.approval !== null).length,
        income: sum((d) => d.income),
        costRecovery: sum((d) => d.distribution.costRecovery),
        institution: sum((d) => d.distribution.institution),
        researchers: sum((d) => d.distribution.researchers),
      },
    };
  }

  /** Records (or replaces) the institution's approval of one of its disposals. */
  async approve(caller: Caller, orgId: string, dealId: string, body: ApprovalDto): Promise<ApprovalView> {
    return this.dataSource.transaction(async (manager) => {
      await this.institution(manager, caller, orgId);
      const disposal = (await disposalsOf(manager, orgId, null)).find((d) => d.dealId === dealId);
      if (!disposal) throw new NotFoundError(`No disposal ${dealId} in this institution's register`);
      await manager.upsert(
        RegisterApproval,
        {
          dealId,
          institutionOrgId: orgId,
          approvedBy: body.approvedBy,
          approvedOn: body.approvedOn,
          documentRef: body.documentRef,
          recordedBy: caller.userId,
          recordedAt: new Date(),
        },
        ['dealId'],
      );
      await this.audit.record(manager, {
        action: 'register.approval_recorded',
        actor: { userId: caller.userId, orgId: caller.orgId },
        subject: { type: 'deal', id: dealId },
        details: { approvedBy: body.approvedBy, approvedOn: body.approvedOn, documentRef: body.documentRef },
      });
      const views = await this.approvals(manager, orgId, [disposal]);
      return views.get(dealId)!;
    });
  }

  /** The institution whose register it is; a TTO reaches only its own, the operator any institution's. */
  private async institution(manager: EntityManager, caller: Caller, orgId: string): Promise<Organisation> {
    // Another institution's register is not there for a TTO at all (404, as for every object of another organisation).
    const organisation =
      caller.role === 'admin' || caller.orgId === orgId
        ? await manager.findOne(Organisation, { where: { id: orgId } })
        : null;
    if (!organisation || !INSTITUTION_KINDS.includes(organisation.kind)) {
      throw new NotFoundError(`No university or institute ${orgId}`);
    }
    return organisation;
  }

  private async approvals(
    manager: EntityManager,
    orgId: string,
    disposals: readonly Disposal[],
  ): Promise<Map<string, ApprovalView>> {
    if (disposals.length === 0) return new Map();
    const rows = await manager.find(RegisterApproval, {
      where: { institutionOrgId: orgId, dealId: In(disposals.map((d) => d.dealId)) },
    });
    const users = await manager.find(User, { where: { id: In(rows.map((r) => r.recordedBy)) } });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return new Map(
      rows.map((r) => [
        r.dealId,
        {
          approvedBy: r.approvedBy,
          approvedOn: r.approvedOn,
          documentRef: r.documentRef,
          recordedBy: names.get(r.recordedBy) ?? '',
          recordedAt: r.recordedAt.toISOString(),
        },
      ]),
    );
  }
}
