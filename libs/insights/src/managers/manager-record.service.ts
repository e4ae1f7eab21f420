import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import { parsePeriod, type Period } from '../domain/period';
import { percent } from '../domain/targets';
import { REVIEWED_MATCHES, SIGNED_DEALS } from '../figures';

/** A technology manager's figures for one period, from the dashboard's own queries. */
export interface ManagerFigures {
  userId: string;
  name: string;
  organisation: string;
  /** Matches the manager reviewed (approved or rejected) in the period. */
  reviews: number;
  /** Of those, decided by their due time. */
  onTime: number;
  /** onTime / reviews in percent, two decimals ('0.00' without reviews). */
  onTimePercent: string;
  /** Matches the manager approved in the period… */
  approved: number;
  /** …of which both sides went on to connect… */
  connected: number;
  /** …and of those, a deal was signed from the connection. */
  signed: number;
  /** Deals the manager brokered that were signed in the period, and their contract turnover (yuan). */
  deals: number;
  turnover: string;
}

export interface ManagerYear extends Omit<ManagerFigures, 'userId' | 'name' | 'organisation'> {
  year: number;
  period: Period;
}

/** The record a manager shows for a title application: each year since their first on the platform. */
export interface ManagerRecord {
  userId: string;
  name: string;
  organisation: string;
  since: string;
  /** Most recent year first. */
  years: ManagerYear[];
  generatedAt: string;
}

interface FigureRow {
  user_id: string;
  name: string;
  organisation: string;
  reviews: number;
  on_time: number;
  approved: number;
  connected: number;
  signed: number;
  deals: number;
  turnover: string;
}

/** The year in China time. */
function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Technology managers' records: per manager and period, the reviews, approvals and what became of
 * them, and the deals brokered — counted over the same rows (REVIEWED_MATCHES, SIGNED_DEALS) as
 * the dashboard's review times, active managers and turnover.
 */
@Injectable()
export class ManagerRecordService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every manager's figures for the period, the best first (turnover, deals, approvals, reviews). */
  async ranking(period: Period): Promise<ManagerFigures[]> {
    return (await this.figures(period, null)).map(toFigures);
  }

  /** One manager's record, year by year; 404 for anyone who is not a technology manager. */
  async record(userId: string, now = new Date()): Promise<ManagerRecord> {
    // From the manager's first year on the platform: the account, or an earlier review or brokered deal.
    const [manager]: { first: number }[] = await this.dataSource.query(
      `SELECT least(extract(year FROM u.created_at AT TIME ZONE 'Asia/Shanghai'),
                    (SELECT min(extract(year FROM r.reviewed_at AT TIME ZONE 'Asia/Shanghai'))
                       FROM recommendation r WHERE r.reviewed_by = u.id),
                    (SELECT min(extract(year FROM d.signed_on)) FROM deal d WHERE d.manager_user_id = u.id))::int AS first
         FROM user_account u WHERE u.id = $1 AND u.role = 'manager'`,
      [userId],
    );
    if (!manager) throw new NotFoundError(`No technology manager ${userId}`);
    const first = manager.first;
    const last = chinaYear(now);
    const years: ManagerYear[] = [];
    let identity: FigureRow | undefined;
    for (let year = last; year >= first; year--) {
      const period = parsePeriod(String(year))!;
      const [row] = await this.figures(period, userId);
      identity = row;
      const { userId: _u, name: _n, organisation: _o, ...figures } = toFigures(row);
      years.push({ year, period, ...figures });
    }
    return {
      userId,
      name: identity!.name,
      organisation: identity!.organisation,
      since: `${first}-01-01`,
      years,
      generatedAt: now.toISOString(),
    };
  }

  private figures(period: Period, userId: string | null): Promise<FigureRow[]> {
    return this.dataSource.query(
      `WITH reviewed AS (${REVIEWED_MATCHES}), signed AS (${SIGNED_DEALS}),
       per_review AS (
         SELECT r.reviewed_by AS user_id, count(*)::int AS reviews,
                count(*) FILTER (WHERE r.on_time)::int AS on_time,
                count(*) FILTER (WHERE r.approved)::int AS approved,
                count(*) FILTER (WHERE r.approved AND r.connected)::int AS connected,
                count(*) FILTER (WHERE r.approved AND r.signed)::int AS signed
           FROM reviewed r GROUP BY r.reviewed_by),
       per_deal AS (
         SELECT s.manager_user_id AS user_id, count(*)::int AS deals, sum(s.amount) AS turnover
           FROM signed s WHERE s.manager_user_id IS NOT NULL GROUP BY s.manager_user_id)
       SELECT u.id AS user_id, u.display_name AS name, o.name AS organisation,
              coalesce(pr.reviews, 0) AS reviews, coalesce(pr.on_time, 0) AS on_time,
              coalesce(pr.approved, 0) AS approved, coalesce(pr.connected, 0) AS connected,
              coalesce(pr.signed, 0) AS signed, coalesce(pd.deals, 0) AS deals,
              coalesce(pd.turnover, 0)::numeric(16,2)::text AS turnover
         FROM user_account u
         JOIN organisation o ON o.id = u.organisation_id
         LEFT JOIN per_review pr ON pr.user_id = u.id
         LEFT JOIN per_deal pd ON pd.user_id = u.id
        WHERE u.role = 'manager' AND ($3::uuid IS NULL OR u.id = $3::uuid)
        ORDER BY coalesce(pd.turnover, 0) DESC, coalesce(pd.deals, 0) DESC, coalesce(pr.approved, 0) DESC,
                 coalesce(pr.reviews, 0) DESC, u.display_name, u.id`,
      [period.from, period.to, userId],
    );
  }
}

function toFigures(row: FigureRow): ManagerFigures {
  return {
    userId: row.user_id,
    name: row.name,
    organisation: row.organisation,
    reviews: row.reviews,
    onTime: row.on_time,
    onTimePercent: percent(row.on_time, row.reviews),
    approved: row.approved,
    connected: row.connected,
    signed: row.signed,
    deals: row.deals,
    turnover: row.turnover,
  };
}
