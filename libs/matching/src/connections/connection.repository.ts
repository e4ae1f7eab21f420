import type { FeatureValue } from '../core/types';
import type { EntityManager } from 'typeorm';

/** A connection (对接) as a deal room opens from it: the listings and the two organisations. */
export interface DealConnection {
  id: string;
  needId: string;
  achievementId: string;
  companyOrgId: string;
  institutionOrgId: string;
}

/** The side of a connection a caller speaks for: its organisation and its role there. */
export interface ConnectionParty {
  orgId: string;
  role: string;
}

/**
 * Connection `id`, when `party` is one of its sides (the company's enterprise user or the
 * institution's TTO); null otherwise, so a stranger cannot tell it exists. Takes the caller's
 * EntityManager, so it reads inside the caller's transaction.
 */
export async function connectionForDeal(
  db: EntityManager,
  id: string,
  party: ConnectionParty,
): Promise<DealConnection | null> {
  const [row]: DealConnection[] = await db.query(
    `SELECT id, need_id AS "needId", achievement_id AS "achievementId", company_org_id AS "companyOrgId",
            institution_org_id AS "institutionOrgId"
       FROM connection
      WHERE id = $1 AND ((company_org_id = $2 AND $3 = 'enterprise') OR (institution_org_id = $2 AND $3 = 'tto'))`,
    [id, party.orgId, party.role],
  );
  return row ?? null;
}

/** A connection as its two sides list it: the caller's side and the ids of the listings and parties. */
export interface ConnectionRow {
  id: string;
  recommendationId: string;
  createdAt: Date;
  side: 'company' | 'institution';
  needId: string;
  achievementId: string;
  companyOrgId: string;
  institutionOrgId: string;
}

/** A connection with its recommendation's score and reasons, and who answered for each side. */
export interface ConnectionDetailRow extends ConnectionRow {
  score: number;
  features: FeatureValue[];
  companyAnsweredBy: string | null;
  institutionAnsweredBy: string | null;
}

const CONNECTION_ROW = `c.id, c.recommendation_id AS "recommendationId", c.created_at AS "createdAt",
  CASE WHEN c.company_org_id = $1 THEN 'company' ELSE 'institution' END AS side,
  c.need_id AS "needId", c.achievement_id AS "achievementId", c.company_org_id AS "companyOrgId",
  c.institution_org_id AS "institutionOrgId"`;

/** How many connections organisation `orgId` is a side of. */
export async function countConnections(db: EntityManager, orgId: string): Promise<number> {
  const [{ total }]: { total: number }[] = await db.query(
    `SELECT count(*)::int AS total FROM connection c WHERE c.company_org_id = $1 OR c.institution_org_id = $1`,
    [orgId],
  );
  return total;
}

/** A page of the connections organisation `orgId` is a side of, newest first. */
export function connectionPage(
  db: EntityManager,
  orgId: string,
  limit: number,
  offset: number,
): Promise<ConnectionRow[]> {
  return db.query(
    `SELECT ${CONNECTION_ROW}
       FROM connection c
      WHERE c.company_org_id = $1 OR c.institution_org_id = $1
      ORDER BY c.created_at DESC, c.id
      LIMIT ${limit} OFFSET ${offset}`,
    [orgId],
  );
}

/** Connection `id`, when organisation `orgId` is one of its sides. */
export async function connectionDetailRow(
  db: EntityManager,
  orgId: string,
  id: string,
): Promise<ConnectionDetailRow | undefined> {
  const [row]: ConnectionDetailRow[] = await db.query(
    `SELECT ${CONNECTION_ROW}, r.score, r.features, r.company_answered_by AS "companyAnsweredBy",
            r.institution_answered_by AS "institutionAnsweredBy"
       FROM connection c JOIN recommendation r ON r.id = c.recommendation_id
      WHERE c.id = $2 AND (c.company_org_id = $1 OR c.institution_org_id = $1)`,
    [orgId, id],
  );
  return row;
}
