import { Injectable } from '@nestjs/common';
import { Outbox } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { addDays, chinaDate, morningOf } from '../domain/dates';
import { paymentsAtTrigger, triggerDate, type ScheduledPayment, type UfplTerms } from '../domain/licence-terms';
import { yuan } from '../domain/money';
import { Deal } from '../entities/deal.entity';
import { Instalment, RevenueReport, UfplLicence, type ReminderKind } from '../entities/licence.entity';
import { DealSteps } from '../steps/deal-steps';

/** Days before a due date that the licensee is reminded. */
export const REMIND_DAYS_BEFORE = 7;

const money = (value: string | null): Decimal | null => (value === null ? null : new Decimal(value));

/** The licence row's terms in the pure core's shape. */
export function termsOf(licence: UfplLicence): UfplTerms {
  const trigger: UfplTerms['trigger'] =
    licence.triggerKind === 'date'
      ? { kind: 'date', date: licence.triggerDate! }
      : licence.triggerKind === 'first_revenue'
        ? { kind: 'first_revenue' }
        : { kind: 'revenue_threshold', threshold: new Decimal(licence.triggerThreshold!) };
  return {
    freeUntil: licence.freeUntil,
    trigger,
    mode: licence.paymentMode,
    fee: money(licence.fee),
    instalmentCount: licence.instalmentCount,
    intervalMonths: licence.intervalMonths,
    entryFee: money(licence.entryFee),
    royaltyPercent: licence.royaltyPercent,
    royaltyCap: money(licence.royaltyCap),
    dueDays: licence.dueDays,
    graceDays: licence.graceDays,
  };
}

/** Today in China, where the contracts' dates are read. */
export function today(): string {
  return chinaDate(new Date());
}

/**
 * The payment side of use-first-pay-later licences, shared by the api (revenue reports) and
 * the worker (date triggers): reaching the trigger, writing instalments with their invoice
 * numbers, and the reminder rows whose delayed jobs the worker plans.
 */
@Injectable()
export class LicenceBook {
  constructor(
    private readonly steps: DealSteps,
    private readonly outbox: Outbox,
  ) {}

  /** Reaches the payment trigger when it is due; returns whether it did. The deal row must be locked. */
  async checkTrigger(manager: EntityManager, deal: Deal, licence: UfplLicence): Promise<boolean> {
    if (deal.status !== 'free_use') return false;
    const reports = await manager.find(RevenueReport, { where: { dealId: deal.id } });
    const terms = termsOf(licence);
    const reached = triggerDate(
      terms,
      today(),
      reports.map((r) => ({ periodEnd: r.periodEnd, revenue: new Decimal(r.revenue) })),
    );
    if (reached === null) return false;
    await this.steps.take(manager, deal, 'trigger', 'system', null, { triggeredOn: reached });
    await manager.update(UfplLicence, deal.id, { triggeredOn: reached });
    licence.triggeredOn = reached;
    await this.addPayments(manager, deal, licence, paymentsAtTrigger(terms, reached), null);
    return true;
  }

  /** Writes instalments (numbered after the deal's last one) and their reminder rows. */
  async addPayments(
    manager: EntityManager,
    deal: Deal,
    licence: UfplLicence,
    payments: readonly ScheduledPayment[],
    revenueReportId: string | null,
  ): Promise<Instalment[]> {
    if (payments.length === 0) return [];
    const [{ last }]: { last: number }[] = await manager.query(
      `SELECT coalesce(max(seq), 0)::int AS last FROM instalment WHERE deal_id = $1`,
      [deal.id],
    );
    const rows = payments.map((p, i) => {
      const seq = last + i + 1;
      return manager.create(Instalment, {
        dealId: deal.id,
        seq,
        kind: p.kind,
        amount: yuan(p.amount),
        dueOn: p.dueOn,
        invoiceNo: `KZ-${deal.id.replace(/-/g, '').slice(0, 12).toUpperCase()}-${String(seq).padStart(3, '0')}`,
        revenueReportId,
        paidOn: null,
      });
    });
    const saved = await manager.save(Instalment, rows);
    const reminders: { instalmentId: string; kind: ReminderKind; runAt: Date }[] = [];
    for (const instalment of saved) {
      reminders.push(
        {
          instalmentId: instalment.id,
          kind: 'before_due',
          runAt: morningOf(addDays(instalment.dueOn, -REMIND_DAYS_BEFORE)),
        },
        { instalmentId: instalment.id, kind: 'overdue', runAt: morningOf(addDays(instalment.dueOn, 1)) },
        {
          instalmentId: instalment.id,
          kind: 'default_check',
          runAt: morningOf(addDays(instalment.dueOn, licence.graceDays + 1)),
        },
      );
    }
    await this.addReminders(manager, deal.id, reminders);
    return saved;
  }

  /** Writes reminder rows and asks the worker (through the outbox) to plan their delayed jobs. */
  async addReminders(
    manager: EntityManager,
    dealId: string,
    reminders: readonly { instalmentId: string | null; kind: ReminderKind; runAt: Date }[],
  ): Promise<void> {
    if (reminders.length === 0) return;
    await manager.query(
      `INSERT INTO deal_reminder (deal_id, instalment_id, kind, run_at)
       SELECT $1, t.instalment_id, t.kind::deal_reminder_kind, t.run_at
         FROM unnest($2::uuid[], $3::text[], $4::timestamptz[]) AS t(instalment_id, kind, run_at)`,
      [dealId, reminders.map((r) => r.instalmentId), reminders.map((r) => r.kind), reminders.map((r) => r.runAt)],
    );
    await this.outbox.publish(manager, 'deal.reminders.changed', { dealId });
  }
}
