import type { EntityManager } from 'typeorm';
import type { DealStatus, DealType, LicenceScope } from '../domain/deal-machine';

/** A deal row as the views read it: ids of the parties and listings, not their names. */
export interface DealRow {
  id: string;
  type: DealType;
  status: DealStatus;
  title: string;
  licenceScope: LicenceScope | null;
  institutionOrgId: string;
  companyOrgId: string;
  achievementId: string;
  needId: string | null;
  managerUserId: string | null;
  connectionId: string | null;
  recoverableCosts: string;
  signedOn: string | null;
  createdAt: Date;
}

const DEAL_ROW = `SELECT d.id, d.type, d.status, d.title, d.licence_scope AS "licenceScope",
    d.institution_org_id AS "institutionOrgId", d.company_org_id AS "companyOrgId",
    d.achievement_id AS "achievementId", d.need_id AS "needId", d.manager_user_id AS "managerUserId",
    d.connection_id AS "connectionId", d.recoverable_costs AS "recoverableCosts",
    to_char(d.signed_on, 'YYYY-MM-DD') AS "signedOn", d.created_at AS "createdAt"
  FROM deal d`;

/** The deals `party` takes part in (as institution, company or assigned manager), newest first. */
export interface DealListFilter {
  orgId: string;
  role: string;
  userId: string;
  connectionId: string | null;
}

function partyWhere(filter: DealListFilter): { where: string; params: unknown[] } {
  return {
    where: `WHERE ((d.institution_org_id = $1 AND $2 = 'tto') OR (d.company_org_id = $1 AND $2 = 'enterprise')
                OR (d.manager_user_id = $3 AND $2 = 'manager'))
               AND ($4::uuid IS NULL OR d.connection_id = $4)`,
    params: [filter.orgId, filter.role, filter.userId, filter.connectionId],
  };
}

export async function countDeals(db: EntityManager, filter: DealListFilter): Promise<number> {
  const { where, params } = partyWhere(filter);
  const [{ total }]: { total: number }[] = await db.query(`SELECT count(*)::int AS total FROM deal d ${where}`, params);
  return total;
}

export function dealPage(db: EntityManager, filter: DealListFilter, limit: number, offset: number): Promise<DealRow[]> {
  const { where, params } = partyWhere(filter);
  return db.query(`${DEAL_ROW} ${where} ORDER BY d.created_at DESC, d.id LIMIT ${limit} OFFSET ${offset}`, params);
}

export async function dealRow(db: EntityManager, id: string): Promise<DealRow | undefined> {
  const [row]: DealRow[] = await db.query(`${DEAL_ROW} WHERE d.id = $1`, [id]);
  return row;
}

/** Whether a deal room is already open for connection `connectionId`. */
export async function isConnectionTaken(db: EntityManager, connectionId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM deal WHERE connection_id = $1`, [connectionId]);
  return rows.length > 0;
}

/** Records the signing day (in China's time) of deal `id`. */
export async function markSigned(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE deal SET signed_on = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = $1`, [id]);
}

/** The research team's shares of deal `dealId`, largest first. */
export function contributionsOf(
  db: EntityManager,
  dealId: string,
): Promise<{ researcherId: string; sharePercent: string }[]> {
  return db.query(
    `SELECT researcher_id AS "researcherId", trim_scale(share_percent)::text AS "sharePercent"
       FROM deal_contribution WHERE deal_id = $1
      ORDER BY share_percent DESC`,
    [dealId],
  );
}
