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
