import { Injectable } from '@nestjs/common';
import { AuditLog, type AuditActor } from '@kuaizhuan/identity';
import { InvalidInputError } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { DEFAULT_POLICY, splitIncome, type IncomePolicy } from '../domain/income-split';
import { yuan } from '../domain/money';
import type { Deal } from '../entities/deal.entity';
import { DealContribution } from '../entities/deal-room.entity';
import { IncomeEvent, IncomePolicyRow, LedgerEntry, type IncomeKind } from '../entities/ledger.entity';

export interface LedgerView {
  party: LedgerEntry['party'];
  researcherId: string | null;
  amount: string;
}

export interface IncomeEventView {
  id: string;
  dealId: string;
  kind: IncomeKind;
  amount: string;
  occurredOn: string;
  instalmentId: string | null;
  policy: Record<string, string>;
  entries: LedgerView[];
}

/** The policy an institution has set, or the default 80 / 20. */
export async function policyOf(manager: EntityManager, orgId: string): Promise<IncomePolicy> {
  const row = await manager.findOne(IncomePolicyRow, { where: { orgId } });
  return row
    ? { teamFloorPercent: row.teamFloorPercent, institutionCapPercent: row.institutionCapPercent }
    : DEFAULT_POLICY;
}

/**
 * Records income and splits it into ledger entries by the institution's policy, in the
 * caller's transaction: costs still outstanding on the deal first, then the institution's
 * capped share, then each researcher by contribution. The entries sum exactly to the income.
 */
@Injectable()
export class IncomeBook {
  constructor(private readonly audit: AuditLog) {}

  async record(
    manager: EntityManager,
    deal: Deal,
    income: { kind: IncomeKind; amount: string; occurredOn: string; instalmentId: string | null },
    by: AuditActor,
  ): Promise<IncomeEventView> {
    const contributions = await manager.find(DealContribution, {
      where: { dealId: deal.id },
      order: { sharePercent: 'DESC', researcherId: 'ASC' },
    });
    if (contributions.length === 0) {
      throw new InvalidInputError(
        "Record the research team's contributions (PUT /deals/{id}/distribution) before income",
        'contributions',
      );
    }
    const [{ recovered }]: { recovered: string }[] = await manager.query(
      `SELECT coalesce(sum(l.amount), 0)::text AS recovered FROM ledger_entry l
         JOIN income_event e ON e.id = l.income_event_id
        WHERE e.deal_id = $1 AND l.party = 'cost_recovery'`,
      [deal.id],
    );
    const policy = await policyOf(manager, deal.institutionOrgId);
    const outstanding = new Decimal(deal.recoverableCosts).minus(recovered);
    const split = splitIncome(
      new Decimal(income.amount),
      outstanding,
      policy,
      contributions.map((c) => ({ researcherId: c.researcherId, sharePercent: c.sharePercent })),
    );
    const event = await manager.save(
      IncomeEvent,
      manager.create(IncomeEvent, {
        dealId: deal.id,
        institutionOrgId: deal.institutionOrgId,
        kind: income.kind,
        amount: yuan(new Decimal(income.amount)),
        occurredOn: income.occurredOn,
        instalmentId: income.instalmentId,
        policy: { ...policy },
        recordedBy: by.userId,
      }),
    );
    const entries: LedgerView[] = [
      { party: 'cost_recovery', researcherId: null, amount: yuan(split.costRecovery) },
      { party: 'institution', researcherId: null, amount: yuan(split.institution) },
      ...split.researchers.map((r) => ({
        party: 'researcher' as const,
        researcherId: r.researcherId,
        amount: yuan(r.amount),
      })),
    ];
    await manager.insert(
      LedgerEntry,
      entries.map((e) => ({ ...e, incomeEventId: event.id, institutionOrgId: deal.institutionOrgId })),
    );
    await this.audit.record(manager, {
      action: 'deal.income_recorded',
      actor: by,
      subject: { type: 'deal', id: deal.id },
      details: { incomeEventId: event.id, kind: income.kind, amount: event.amount },
    });
    return {
      id: event.id,
      dealId: deal.id,
      kind: event.kind,
      amount: event.amount,
      occurredOn: event.occurredOn,
      instalmentId: event.instalmentId,
      policy: event.policy,
      entries,
    };
  }
}
