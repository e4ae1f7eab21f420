import type { EntityManager } from 'typeorm';
import type { DealType } from '../domain/deal-machine';

/** How a service invention was disposed of, as the register of service inventions names it. */
export const DISPOSAL_KINDS = ['licence', 'transfer', 'equity', 'rights_grant'] as const;
export type DisposalKind = (typeof DISPOSAL_KINDS)[number];

/** The disposal a signed deal of each type is; joint development disposes of nothing. */
export const DISPOSAL_OF: Record<DealType, DisposalKind | null> = {
  licence: 'licence',
  use_first_pay_later: 'licence',
  transfer: 'transfer',
  rights_for_equity: 'equity',
  rights_grant: 'rights_grant',
  joint_development: null,
};

export interface DisposalValuation {
  value: string;
  method: string;
  appraiser: string;
  valuedOn: string;
}

/** A signed deal of the institution seen as a disposal of its achievement, with the money it brought. */
export interface Disposal {
  dealId: string;
  achievementId: string;
  kind: DisposalKind;
  dealType: DealType;
  title: string;
  companyName: string;
  signedOn: string;
  status: string;
  valuations: DisposalValuation[];
  equity: { companyName: string; equityPercent: string; institutionPercent: string; teamPercent: string } | null;
  grants: { kind: string; sharePercent: string | null; termYears: number | null; grantedOn: string }[];
  /** Income received in the period (all of it without one), and its ledger split. */
  income: string;
  distribution: { costRecovery: string; institution: string; researchers: string };
}

/**
 * The institution's signed deals that dispose of an achievement (licence, transfer, equity, rights
 * grant), read for its register of service inventions. With a period (calendar dates, both
 * included), a deal is listed when it was signed or received income in it, and only that income
 * is counted; without one, every signed deal and all its income.
 */
export async function disposalsOf(
  manager: EntityManager,
  institutionOrgId: string,
  period: { from: string; to: string } | null,
): Promise<Disposal[]> {
  const rows: (Omit<Disposal, 'kind'> & { dealType: DealType })[] = await manager.query(
    `WITH income AS (
       SELECT e.deal_id, sum(e.amount) AS amount
         FROM income_event e
        WHERE e.institution_org_id = $1 AND ($2::date IS NULL OR e.occurred_on BETWEEN $2::date AND $3::date)
        GROUP BY e.deal_id),
     split AS (
       SELECT e.deal_id, l.party, sum(l.amount) AS amount
         FROM ledger_entry l JOIN income_event e ON e.id = l.income_event_id
        WHERE e.institution_org_id = $1 AND ($2::date IS NULL OR e.occurred_on BETWEEN $2::date AND $3::date)
        GROUP BY e.deal_id, l.party)
     SELECT d.id AS "dealId", d.achievement_id AS "achievementId", d.type AS "dealType", d.title,
            co.name AS "companyName", to_char(d.signed_on, 'YYYY-MM-DD') AS "signedOn", d.status,
            coalesce((SELECT json_agg(json_build_object('value', v.value::text, 'method', v.method,
                        'appraiser', v.appraiser, 'valuedOn', to_char(v.valued_on, 'YYYY-MM-DD')) ORDER BY v.valued_on, v.created_at)
                        FROM deal_valuation v WHERE v.deal_id = d.id), '[]') AS valuations,
            (SELECT json_build_object('companyName', q.company_name, 'equityPercent', q.equity_percent::text,
                      'institutionPercent', q.institution_percent::text, 'teamPercent', q.team_percent::text)
               FROM deal_equity q WHERE q.deal_id = d.id) AS equity,
            coalesce((SELECT json_agg(json_build_object('kind', g.kind, 'sharePercent', g.share_percent::text,
                        'termYears', g.term_years, 'grantedOn', to_char(g.granted_on, 'YYYY-MM-DD')) ORDER BY g.granted_on)
                        FROM rights_grant g WHERE g.deal_id = d.id), '[]') AS grants,
            coalesce(i.amount, 0)::numeric(14,2)::text AS income,
            json_build_object(
              'costRecovery', coalesce((SELECT s.amount FROM split s WHERE s.deal_id = d.id AND s.party = 'cost_recovery'), 0)::numeric(14,2)::text,
              'institution', coalesce((SELECT s.amount FROM split s WHERE s.deal_id = d.id AND s.party = 'institution'), 0)::numeric(14,2)::text,
              'researchers', coalesce((SELECT s.amount FROM split s WHERE s.deal_id = d.id AND s.party = 'researcher'), 0)::numeric(14,2)::text
            ) AS distribution
       FROM deal d
       JOIN organisation co ON co.id = d.company_org_id
       LEFT JOIN income i ON i.deal_id = d.id
      WHERE d.institution_org_id = $1 AND d.signed_on IS NOT NULL AND d.type <> 'joint_development'
        AND ($2::date IS NULL OR d.signed_on BETWEEN $2::date AND $3::date OR i.deal_id IS NOT NULL)
      ORDER BY d.signed_on, d.id`,
    [institutionOrgId, period?.from ?? null, period?.to ?? null],
  );
  return rows.map((row) => ({ ...row, kind: DISPOSAL_OF[row.dealType]! }));
}
