import type { EntityManager } from 'typeorm';

/**
 * What other libs may read of researchers, instead of querying catalog's tables themselves.
 * Each read takes the caller's EntityManager, so it sees the caller's transaction.
 */

/** Which of `ids` are researchers of organisation `orgId`. */
export async function researchersOfOrganisation(
  db: EntityManager,
  orgId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM researcher WHERE id = ANY($1::uuid[]) AND org_id = $2`,
    [ids, orgId],
  );
  return new Set(rows.map((row) => row.id));
}

/** The researchers `ids` that exist, by name (then id). */
export function researcherNames(db: EntityManager, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return db.query(`SELECT id, name FROM researcher WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [ids]);
}

/** An active researcher as other libs show them: who, where, never how to reach them. */
export interface ActiveResearcher {
  id: string;
  name: string;
  title: string;
  institutionName: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
  orgId: string;
}

/** The researchers `ids` that exist and are active, by id. */
export async function activeResearchers(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ActiveResearcher>> {
  if (ids.length === 0) return new Map();
  const rows: ActiveResearcher[] = await db.query(
    `SELECT id, name, title, institution_name AS "institutionName", research_areas AS "researchAreas",
            field_codes AS "fieldCodes", commissioner_available AS "commissionerAvailable", org_id AS "orgId"
       FROM researcher WHERE id = ANY($1::uuid[]) AND active`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
