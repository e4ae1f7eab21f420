import { Injectable } from '@nestjs/common';
import type { Caller } from '@kuaizhuan/identity';
import { ConflictError, InvalidInputError, NotFoundError, RequestValidationError } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { IncomeBook, type IncomeEventView } from '../books/income-book';
import { LicenceBook, today } from '../books/licence-book';
import { addDays, daysBetween } from '../domain/dates';
import { hasRoyalty, royaltyDue, standing } from '../domain/licence-terms';
import { yuan } from '../domain/money';
import type { Deal } from '../entities/deal.entity';
import type { IncomeKind } from '../entities/ledger.entity';
import { Instalment, RevenueReport, UfplLicence } from '../entities/licence.entity';
import type { PaymentDto, RevenueReportDto } from '../http/deal.dto';
import { DealAccess } from '../steps/deal-access';
import { DealSteps } from '../steps/deal-steps';
import { Idempotency } from '../steps/idempotency';

export interface InstalmentView {
  id: string;
  seq: number;
  kind: Instalment['kind'];
  amount: string;
  dueOn: string;
  invoiceNo: string;
  paidOn: string | null;
  /** Where an unpaid instalment stands today. */
  standing: 'paid' | 'current' | 'overdue' | 'defaulted';
}

export interface LicenceView {
  dealId: string;
  status: Deal['status'];
  terms: Omit<UfplLicence, 'deal' | 'dealId' | 'createdAt' | 'triggeredOn'>;
  triggeredOn: string | null;
  instalments: InstalmentView[];
  reports: { id: string; periodStart: string; periodEnd: string; revenue: string; royalty: string | null }[];
}

export interface ReportResult {
  id: string;
  periodStart: string;
  periodEnd: string;
  revenue: string;
  royalty: string | null;
  /** Whether this report reached the payment trigger. */
  triggered: boolean;
  status: Deal['status'];
}

export interface PaymentResult {
  instalment: InstalmentView;
  income: IncomeEventView;
  status: Deal['status'];
}

/** Statuses in which a licensee reports revenue. */
const REPORTING = new Set<Deal['status']>(['free_use', 'paying', 'overdue', 'defaulted']);

const INCOME_KIND: Record<Instalment['kind'], IncomeKind> = {
  lump_sum: 'fee',
  entry_fee: 'fee',
  instalment: 'instalment',
  royalty: 'royalty',
};

function instalmentView(row: Instalment, graceDays: number, on: string): InstalmentView {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    amount: row.amount,
    dueOn: row.dueOn,
    invoiceNo: row.invoiceNo,
    paidOn: row.paidOn,
    standing: row.paidOn ? 'paid' : standing(row.dueOn, on, graceDays),
  };
}

/** Use-first-pay-later licences in force: terms, revenue reports, instalments and payments. */
@Injectable()
export class LicencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccess,
    private readonly steps: DealSteps,
    private readonly book: LicenceBook,
    private readonly income: IncomeBook,
    private readonly idempotency: Idempotency,
  ) {}

  private async licenceOf(manager: EntityManager, deal: Deal): Promise<UfplLicence> {
    const licence =
      deal.type === 'use_first_pay_later' ? await manager.findOneBy(UfplLicence, { dealId: deal.id }) : null;
    if (!licence) throw new NotFoundError(`Deal ${deal.id} has no use-first-pay-later licence in force`);
    return licence;
  }

  async view(caller: Caller, dealId: string): Promise<LicenceView> {
    const manager = this.dataSource.manager;
    const { deal } = await this.access.find(manager, caller, dealId);
    const licence = await this.licenceOf(manager, deal);
    const instalments = await manager.find(Instalment, { where: { dealId }, order: { seq: 'ASC' } });
    const reports = await manager.find(RevenueReport, { where: { dealId }, order: { periodStart: 'ASC' } });
    const { deal: _deal, dealId: _id, createdAt: _at, triggeredOn, ...terms } = licence;
    const on = today();
    return {
      dealId,
      status: deal.status,
      terms,
      triggeredOn,
      instalments: instalments.map((i) => instalmentView(i, licence.graceDays, on)),
      reports: reports.map(({ id, periodStart, periodEnd, revenue, royalty }) => ({
        id,
        periodStart,
        periodEnd,
        revenue,
        royalty,
      })),
    };
  }

  /**
   * The licensee's revenue for a period. It may reach the payment trigger (and so write the
   * instalments due at it); once triggered, a royalty licence charges the period's royalty,
   * due `dueDays` after the report, within the cap.
   */
  report(caller: Caller, dealId: string, key: string, input: RevenueReportDto): Promise<ReportResult> {
    return this.dataSource.transaction(async (manager) => {
      const { deal } = await this.access.findAs(manager, caller, dealId, ['company']);
      return this.idempotency.run(
        manager,
        caller.orgId,
        key,
        `POST /deals/${dealId}/revenue-reports`,
        input,
        async () => {
          const licence = await this.licenceOf(manager, deal);
          if (!REPORTING.has(deal.status)) {
            throw new ConflictError(
              `Revenue is reported while the licence is in force; the deal is ${deal.status}`,
              'status',
            );
          }
          const on = today();
          const problems = [];
          if (daysBetween(input.periodStart, input.periodEnd) < 0) {
            problems.push({ field: 'periodEnd', message: 'periodEnd must not be before periodStart' });
          }
          if (daysBetween(input.periodEnd, on) < 0) {
            problems.push({ field: 'periodEnd', message: 'periodEnd must not be in the future' });
          }
          if (problems.length > 0) throw new RequestValidationError(problems);
          const overlapping: unknown[] = await manager.query(
            `SELECT 1 FROM revenue_report WHERE deal_id = $1 AND period_start <= $3 AND period_end >= $2`,
            [dealId, input.periodStart, input.periodEnd],
          );
          if (overlapping.length > 0) {
            throw new ConflictError('A report already covers part of this period', 'periodStart');
          }
          const report = await manager.save(
            RevenueReport,
            manager.create(RevenueReport, {
              dealId,
              periodStart: input.periodStart,
              periodEnd: input.periodEnd,
              revenue: input.revenue,
              royalty: null,
              reportedBy: caller.userId,
            }),
          );
          const triggered = await this.book.checkTrigger(manager, deal, licence);
          const royalty = await this.chargeRoyalty(manager, deal, licence, report, on);
          return {
            id: report.id,
            periodStart: report.periodStart,
            periodEnd: report.periodEnd,
            revenue: yuan(new Decimal(report.revenue)),
            royalty,
            triggered,
            status: deal.status,
          };
        },
      );
    });
  }

  /**
   * The royalty on a report once the licence is triggered (periods ending on or after the trigger):
   * the percentage of its revenue within what the cap leaves, due `dueDays` after the report.
   */
  private async chargeRoyalty(
    manager: EntityManager,
    deal: Deal,
    licence: UfplLicence,
    report: RevenueReport,
    on: string,
  ): Promise<string | null> {
    if (!hasRoyalty(licence.paymentMode) || licence.triggeredOn === null) return null;
    if (daysBetween(licence.triggeredOn, report.periodEnd) < 0) return null;
    const [{ charged }]: { charged: string }[] = await manager.query(
      `SELECT coalesce(sum(amount), 0)::text AS charged FROM instalment WHERE deal_id = $1 AND kind = 'royalty'`,
      [deal.id],
    );
    const cap = licence.royaltyCap === null ? null : new Decimal(licence.royaltyCap);
    const due = royaltyDue(new Decimal(report.revenue), licence.royaltyPercent!, cap, new Decimal(charged));
    const royalty = yuan(due);
    await manager.update(RevenueReport, report.id, { royalty });
    if (due.gt(0)) {
      await this.book.addPayments(
        manager,
        deal,
        licence,
        [{ seq: 0, kind: 'royalty', amount: due, dueOn: addDays(on, licence.dueDays) }],
        report.id,
      );
    }
    return royalty;
  }

  /**
   * The institution (or the deal's manager) records a payment received for an instalment: the
   * amount must be the instalment's, exactly. The income is split into ledger entries at once;
   * a licence that was overdue or in default is back in good standing when nothing else is late.
   */
  pay(caller: Caller, dealId: string, key: string, input: PaymentDto): Promise<PaymentResult> {
    return this.dataSource.transaction(async (manager) => {
      const { deal } = await this.access.findAs(manager, caller, dealId, ['institution', 'manager']);
      return this.idempotency.run(manager, caller.orgId, key, `POST /deals/${dealId}/payments`, input, async () => {
        const licence = await this.licenceOf(manager, deal);
        const instalment = await manager.findOne(Instalment, {
          where: { id: input.instalmentId, dealId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!instalment) throw new NotFoundError(`No instalment ${input.instalmentId}`, 'instalmentId');
        if (instalment.paidOn) throw new ConflictError(`Instalment ${instalment.seq} is paid already`, 'instalmentId');
        if (!new Decimal(input.amount).equals(instalment.amount)) {
          throw new InvalidInputError(`amount must be the instalment's amount, ${instalment.amount}`, 'amount');
        }
        const on = today();
        if (daysBetween(input.paidOn, on) < 0) {
          throw new RequestValidationError([{ field: 'paidOn', message: 'paidOn must not be in the future' }]);
        }
        await manager.update(Instalment, instalment.id, { paidOn: input.paidOn });
        instalment.paidOn = input.paidOn;
        const income = await this.income.record(
          manager,
          deal,
          {
            kind: INCOME_KIND[instalment.kind],
            amount: instalment.amount,
            occurredOn: input.paidOn,
            instalmentId: instalment.id,
          },
          caller,
        );
        if (deal.status === 'overdue' || deal.status === 'defaulted') {
          const late: unknown[] = await manager.query(
            `SELECT 1 FROM instalment WHERE deal_id = $1 AND paid_on IS NULL AND due_on < $2`,
            [dealId, on],
          );
          if (late.length === 0) await this.steps.take(manager, deal, 'settle', 'system', caller);
        }
        if (deal.status === 'paying' && !hasRoyalty(licence.paymentMode)) {
          const unpaid: unknown[] = await manager.query(
            `SELECT 1 FROM instalment WHERE deal_id = $1 AND paid_on IS NULL`,
            [dealId],
          );
          if (unpaid.length === 0) await this.steps.take(manager, deal, 'complete', 'system', caller);
        }
        return { instalment: instalmentView(instalment, licence.graceDays, on), income, status: deal.status };
      });
    });
  }
}
