import { Injectable } from '@nestjs/common';
import { researcherNames, researchersOfOrganisation } from '@kuaizhuan/catalog';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { ConflictError, InvalidInputError, NotFoundError, RequestValidationError } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { IncomeBook, policyOf, type IncomeEventView } from '../books/income-book';
import { today } from '../books/licence-book';
import { daysBetween } from '../domain/dates';
import { policyProblem, type IncomePolicy } from '../domain/income-split';
import { IncomePolicyRow } from '../entities/ledger.entity';
import type { IncomeDto, PolicyDto } from '../http/deal.dto';
import { DealAccess } from '../steps/deal-access';
import { DealSteps } from '../steps/deal-steps';
import { Idempotency } from '../steps/idempotency';

export interface StatementLine {
  incomeEventId: string;
  dealId: string;
  dealTitle: string;
  kind: string;
  occurredOn: string;
  incomeAmount: string;
  amount: string;
}

export interface Statement {
  researcher: { id: string; name: string };
  lines: StatementLine[];
  total: string;
}

/** What one researcher has been allotted so far, over all of the institution's deals. */
export interface ResearcherTotal {
  researcherId: string;
  name: string;
  /** Ledger entries in their name. */
  entries: number;
  total: string;
}

/** Income not tied to an instalment (dividends, exit proceeds), the ledger, policies and statements. */
@Injectable()
export class IncomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccess,
    private readonly steps: DealSteps,
    private readonly book: IncomeBook,
    private readonly idempotency: Idempotency,
    private readonly audit: AuditLog,
  ) {}

  async policy(caller: Caller): Promise<IncomePolicy> {
    return policyOf(this.dataSource.manager, caller.orgId);
  }

  setPolicy(caller: Caller, input: PolicyDto): Promise<IncomePolicy> {
    return this.dataSource.transaction(async (manager) => {
      const problem = policyProblem(input);
      if (problem) throw new InvalidInputError(problem, 'institutionCapPercent');
      await manager.upsert(
        IncomePolicyRow,
        {
          orgId: caller.orgId,
          teamFloorPercent: input.teamFloorPercent,
          institutionCapPercent: input.institutionCapPercent,
        },
        ['orgId'],
      );
      await this.audit.record(manager, {
        action: 'income.policy_set',
        actor: caller,
        subject: { type: 'organisation', id: caller.orgId },
        details: { ...input },
      });
      return policyOf(manager, caller.orgId);
    });
  }

  /**
   * Income received outside a payment schedule: a fee, a dividend on equity held, or the
   * proceeds of an exit (which also closes a rights-for-equity deal's holding).
   */
  record(caller: Caller, dealId: string, key: string, input: IncomeDto): Promise<IncomeEventView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal } = await this.access.findAs(manager, caller, dealId, ['institution']);
      return this.idempotency.run(manager, caller.orgId, key, `POST /deals/${dealId}/income`, input, async () => {
        if (daysBetween(input.occurredOn, today()) < 0) {
          throw new RequestValidationError([{ field: 'occurredOn', message: 'occurredOn must not be in the future' }]);
        }
        if (input.kind !== 'fee' && deal.type !== 'rights_for_equity') {
          throw new InvalidInputError(`${input.kind} income comes only from rights-for-equity deals`, 'kind');
        }
        if (input.kind !== 'fee' && deal.status !== 'holding') {
          throw new ConflictError(`${input.kind} income needs equity held; the deal is ${deal.status}`, 'status');
        }
        if (input.kind === 'fee' && !['signed', 'transferred', 'active', 'completed'].includes(deal.status)) {
          throw new ConflictError(`A fee is recorded on a signed deal; the deal is ${deal.status}`, 'status');
        }
        const event = await this.book.record(
          manager,
          deal,
          { kind: input.kind, amount: input.amount, occurredOn: input.occurredOn, instalmentId: null },
          caller,
        );
        if (input.kind === 'exit') await this.steps.take(manager, deal, 'exit', 'institution', caller);
        return event;
      });
    });
  }

  async ledger(caller: Caller, dealId: string): Promise<IncomeEventView[]> {
    const { capacity } = await this.access.find(this.dataSource.manager, caller, dealId);
    if (capacity === 'company') throw new NotFoundError(`No income ledger for deal ${dealId}`);
    return this.dataSource.query(
      `SELECT e.id, e.deal_id AS "dealId", e.kind, e.amount, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
              e.instalment_id AS "instalmentId", e.policy,
              (SELECT json_agg(json_build_object('party', l.party, 'researcherId', l.researcher_id, 'amount', l.amount::text)
                        ORDER BY l.party, l.researcher_id)
                 FROM ledger_entry l WHERE l.income_event_id = e.id) AS entries
         FROM income_event e WHERE e.deal_id = $1 ORDER BY e.occurred_on, e.created_at`,
      [dealId],
    );
  }

  /** Every researcher of the institution with income allotted, the largest total first. */
  async distribution(caller: Caller): Promise<ResearcherTotal[]> {
    const db = this.dataSource.manager;
    const totals: Omit<ResearcherTotal, 'name'>[] = await db.query(
      `SELECT l.researcher_id AS "researcherId", count(*)::int AS entries, sum(l.amount)::numeric(14,2)::text AS total
         FROM ledger_entry l
        WHERE l.institution_org_id = $1 AND l.researcher_id IS NOT NULL
        GROUP BY l.researcher_id`,
      [caller.orgId],
    );
    const ids = totals.map((t) => t.researcherId);
    // The institution's own researchers, by name (then id) as catalog reads them; then the largest total first.
    const own = await researchersOfOrganisation(db, caller.orgId, ids);
    const named = (await researcherNames(db, ids)).filter((r) => own.has(r.id));
    const out: ResearcherTotal[] = named.map(({ id, name }) => {
      const { entries, total } = totals.find((t) => t.researcherId === id)!;
      return { researcherId: id, name, entries, total };
    });
    return out.sort((x, y) => new Decimal(y.total).comparedTo(x.total));
  }

  /** One researcher's income from every deal of the caller's institution. */
  async statement(caller: Caller, researcherId: string): Promise<Statement> {
    const db = this.dataSource.manager;
    const own = await researchersOfOrganisation(db, caller.orgId, [researcherId]);
    const [researcher] = own.has(researcherId) ? await researcherNames(db, [researcherId]) : [];
    if (!researcher) throw new NotFoundError(`No researcher ${researcherId}`);
    const lines: StatementLine[] = await this.dataSource.query(
      `SELECT e.id AS "incomeEventId", d.id AS "dealId", d.title AS "dealTitle", e.kind,
              to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn", e.amount AS "incomeAmount", l.amount
         FROM ledger_entry l
         JOIN income_event e ON e.id = l.income_event_id
         JOIN deal d ON d.id = e.deal_id
        WHERE l.researcher_id = $1 AND l.institution_org_id = $2
        ORDER BY e.occurred_on, e.created_at`,
      [researcherId, caller.orgId],
    );
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(amount), 0)::numeric(14,2)::text AS total FROM ledger_entry
        WHERE researcher_id = $1 AND institution_org_id = $2`,
      [researcherId, caller.orgId],
    );
    return { researcher, lines, total };
  }
}
