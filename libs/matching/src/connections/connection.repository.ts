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
