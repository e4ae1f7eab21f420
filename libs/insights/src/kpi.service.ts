import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Period } from './domain/period';
import { APPROVED_STATUSES, IN_PERIOD, REVIEWED_MATCHES, SIGNED_DEALS } from './figures';
import { measure, percent, TARGETS_2027, type Measure } from './domain/targets';

export const DEAL_TYPES = [
  'transfer',
  'licence',
  'use_first_pay_later',
  'rights_for_equity',
  'rights_grant',
  'joint_development',
] as const;

export interface InstitutionPatents {
  orgId: string;
  name: string;
  transferred: number;
  newlyGranted: number;
  ratio: Measure;
}

export interface Kpis {
  period: Period;
  /** Technology-contract turnover of deals signed in the period (yuan). */
  turnover: Measure;
  dealsByType: Record<(typeof DEAL_TYPES)[number], number>;
  /**
   * Local conversion rate (percent): of the deals signed in the period by institutions in
   * Chongqing (`signed`), the share whose company is in Chongqing too (`local`). Deals of
   * institutions elsewhere are not Chongqing's results and count in neither.
   */
  localConversion: Measure & { local: number; signed: number };
  /** Per institution: patents in deals signed in the period against patents newly granted in it. */
  patentsTransferred: InstitutionPatents[];
  /** Companies founded on rights put in as equity in the period. */
  companiesFounded: Measure;
  /** Technology managers who reviewed matches or worked deals in the period. */
  activeManagers: Measure;
  /**
   * The needs published in the period followed to today, so each stage is part of the one
   * before: their recommendations, those a manager approved, those either side answered
   * interested, the connections made on them and the deals signed from those connections.
   * `direct` counts the deals signed in the period without a platform match (a TTO's own).
   */
  funnel: {
    needs: number;
    recommendations: number;
    approved: number;
    interested: number;
    connected: number;
    signed: number;
    direct: number;
  };
  /** Hours from a match to its review, for matches reviewed in the period. */
  reviewHours: { reviewed: number; median: string | null; p90: string | null };
  /**
   * Technology commissioners (科技特派员): the researchers whose appointment overlaps the period,
   * their visits in it, the needs they mined that companies confirmed in it, and how far those
   * needs got to today: with a kept recommendation, with a connection, with a deal signed from one.
   */
  commissioners: {
    appointed: number;
    visits: number;
    minedNeeds: number;
    recommended: number;
    connected: number;
    signed: number;
  };
  /**
   * Service carriers against the 2027 target: verified service platforms today (by kind — one
   * organisation may be several) and verified technology-transfer agencies (`value` counts each
   * organisation once), with the proof-of-concept and pilot steps platforms completed in the period.
   */
  serviceCarriers: Measure & {
    platforms: number;
    byKind: { proof_of_concept: number; pilot: number; incubator: number };
    agencies: number;
    completedSteps: number;
  };
}

/** The KPI figures of the dashboard, each against Chongqing's 2027 target where there is one. */
@Injectable()
export class KpiService {
  constructor(private readonly dataSource: DataSource) {}

  async kpis(period: Period): Promise<Kpis> {
    const params = [period.from, period.to];
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, params);

    const [deals] = await q<{
      turnover: string;
      signed: number;
      chongqing: number;
      local: number;
      direct: number;
      by_type: Record<string, number> | null;
    }>(
      `WITH signed AS (${SIGNED_DEALS})
       SELECT coalesce(sum(s.amount), 0)::numeric(16,2)::text AS turnover, count(*)::int AS signed,
              count(*) FILTER (WHERE io.region ~ '^50[0-9]{0,4}$')::int AS chongqing,
              count(*) FILTER (WHERE io.region ~ '^50[0-9]{0,4}$' AND co.region ~ '^50[0-9]{0,4}$')::int AS local,
              count(*) FILTER (WHERE s.connection_id IS NULL)::int AS direct,
              (SELECT json_object_agg(type, n) FROM (SELECT type, count(*)::int AS n FROM signed GROUP BY type) t) AS by_type
         FROM signed s
         JOIN organisation io ON io.id = s.institution_org_id
         JOIN organisation co ON co.id = s.company_org_id`,
    );
    const patents = await q<{ org_id: string; name: string; transferred: number; granted: number }>(
      `WITH signed AS (${SIGNED_DEALS}),
       moved AS (SELECT s.institution_org_id AS org_id, sum(cardinality(a.patent_numbers))::int AS n
                   FROM signed s JOIN achievement a ON a.id = s.achievement_id
                  WHERE s.type <> 'joint_development' GROUP BY 1),
       granted AS (SELECT a.org_id, sum(cardinality(a.patent_numbers))::int AS n FROM achievement a
                    WHERE a.legal_status = 'granted' AND ${IN_PERIOD('a.created_at')} GROUP BY 1)
       SELECT o.id AS org_id, o.name, coalesce(m.n, 0) AS transferred, coalesce(g.n, 0) AS granted
         FROM organisation o
         LEFT JOIN moved m ON m.org_id = o.id
         LEFT JOIN granted g ON g.org_id = o.id
        WHERE o.kind IN ('university', 'research_institute') AND (m.n IS NOT NULL OR g.n IS NOT NULL)
        ORDER BY o.name, o.id`,
    );
    const [others] = await q<{
      founded: number;
      managers: number;
      needs: number;
      recommendations: number;
      approved: number;
      interested: number;
      connected: number;
      signed: number;
      reviewed: number;
      median: string | null;
      p90: string | null;
    }>(
      `WITH cohort AS (SELECT n.id FROM need n WHERE ${IN_PERIOD('n.published_at')}),
       reviewed AS (${REVIEWED_MATCHES}),
       cohort_recs AS (SELECT r.* FROM recommendation r JOIN cohort n ON n.id = r.need_id)
       SELECT
         (SELECT count(*)::int FROM deal_equity e WHERE e.new_company AND e.taken_on BETWEEN $1::date AND $2::date) AS founded,
         (SELECT count(DISTINCT u.id)::int FROM user_account u
           WHERE u.role = 'manager' AND u.status = 'active'
             AND (EXISTS (SELECT 1 FROM reviewed r WHERE r.reviewed_by = u.id)
               OR EXISTS (SELECT 1 FROM audit_log l WHERE l.actor_user_id = u.id AND l.subject_type = 'deal'
                           AND ${IN_PERIOD('l.occurred_at')}))) AS managers,
         (SELECT count(*)::int FROM cohort) AS needs,
         -- Kept recommendations: a pair a later match of the same listing no longer ranked (superseded) was never kept.
         (SELECT count(*)::int FROM cohort_recs r WHERE r.status <> 'superseded') AS recommendations,
         (SELECT count(*)::int FROM cohort_recs r
           WHERE r.status IN ${APPROVED_STATUSES}) AS approved,
         (SELECT count(*)::int FROM cohort_recs r
           WHERE r.company_answer = 'interested' OR r.institution_answer = 'interested') AS interested,
         (SELECT count(*)::int FROM connection c JOIN cohort n ON n.id = c.need_id) AS connected,
         (SELECT count(*)::int FROM deal d JOIN connection c ON c.id = d.connection_id JOIN cohort n ON n.id = c.need_id
           WHERE d.signed_on IS NOT NULL) AS signed,
         (SELECT count(*)::int FROM reviewed r) AS reviewed,
         (SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.reviewed_at - r.created_at) / 3600))::numeric(12,2)::text
            FROM reviewed r) AS median,
         (SELECT (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.reviewed_at - r.created_at) / 3600))::numeric(12,2)::text
            FROM reviewed r) AS p90`,
    );

    const [mined] = await q<Kpis['commissioners']>(
      `WITH mined AS (SELECT n.id FROM need n
                       WHERE n.mined_by_appointment_id IS NOT NULL AND ${IN_PERIOD('n.created_at')})
       SELECT
         (SELECT count(DISTINCT a.researcher_id)::int FROM commissioner_appointment a
           WHERE a.starts_on <= $2::date AND a.ends_on >= $1::date) AS appointed,
         (SELECT count(*)::int FROM commissioner_visit v WHERE v.visited_on BETWEEN $1::date AND $2::date) AS visits,
         (SELECT count(*)::int FROM mined) AS "minedNeeds",
         (SELECT count(*)::int FROM mined m WHERE EXISTS
            (SELECT 1 FROM recommendation r WHERE r.need_id = m.id AND r.status <> 'superseded')) AS recommended,
         (SELECT count(*)::int FROM mined m WHERE EXISTS (SELECT 1 FROM connection c WHERE c.need_id = m.id)) AS connected,
         (SELECT count(*)::int FROM mined m WHERE EXISTS
            (SELECT 1 FROM deal d JOIN connection c ON c.id = d.connection_id
              WHERE c.need_id = m.id AND d.signed_on IS NOT NULL)) AS signed`,
    );

    const [carriers] = await q<{
      carriers: number;
      platforms: number;
      proof_of_concept: number;
      pilot: number;
      incubator: number;
      agencies: number;
      completed: number;
    }>(
      `WITH platforms AS (SELECT p.org_id, p.kinds FROM service_platform p
                            JOIN organisation o ON o.id = p.org_id AND o.verification_status = 'verified'
                           WHERE p.status = 'verified'),
       agencies AS (SELECT o.id AS org_id FROM organisation o
                     WHERE o.kind = 'service_agency' AND o.verification_status = 'verified')
       SELECT (SELECT count(*)::int FROM (SELECT org_id FROM platforms UNION SELECT org_id FROM agencies) c) AS carriers,
              (SELECT count(*)::int FROM platforms) AS platforms,
              (SELECT count(*)::int FROM platforms WHERE 'proof_of_concept' = ANY(kinds)) AS proof_of_concept,
              (SELECT count(*)::int FROM platforms WHERE 'pilot' = ANY(kinds)) AS pilot,
              (SELECT count(*)::int FROM platforms WHERE 'incubator' = ANY(kinds)) AS incubator,
              (SELECT count(*)::int FROM agencies) AS agencies,
              (SELECT count(*)::int FROM service_quote s WHERE s.status = 'completed' AND ${IN_PERIOD('s.completed_at')}) AS completed`,
    );

    const byType = Object.fromEntries(DEAL_TYPES.map((t) => [t, deals.by_type?.[t] ?? 0])) as Kpis['dealsByType'];
    return {
      period,
      turnover: measure(deals.turnover, TARGETS_2027.turnoverYuan),
      dealsByType: byType,
      localConversion: {
        ...measure(percent(deals.local, deals.chongqing), TARGETS_2027.localConversionPercent),
        local: deals.local,
        signed: deals.chongqing,
      },
      patentsTransferred: patents.map((p) => ({
        orgId: p.org_id,
        name: p.name,
        transferred: p.transferred,
        newlyGranted: p.granted,
        ratio: measure(percent(p.transferred, p.granted), TARGETS_2027.patentTransferPercent),
      })),
      companiesFounded: measure(others.founded, TARGETS_2027.companiesFounded),
      activeManagers: measure(others.managers, TARGETS_2027.activeManagers),
      funnel: {
        needs: others.needs,
        recommendations: others.recommendations,
        approved: others.approved,
        interested: others.interested,
        connected: others.connected,
        signed: others.signed,
        direct: deals.direct,
      },
      reviewHours: { reviewed: others.reviewed, median: others.median, p90: others.p90 },
      commissioners: mined,
      serviceCarriers: {
        ...measure(carriers.carriers, TARGETS_2027.serviceCarriers),
        platforms: carriers.platforms,
        byKind: { proof_of_concept: carriers.proof_of_concept, pilot: carriers.pilot, incubator: carriers.incubator },
        agencies: carriers.agencies,
        completedSteps: carriers.completed,
      },
    };
  }
}
