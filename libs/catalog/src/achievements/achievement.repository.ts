import type { EntityManager } from 'typeorm';

/**
 * What other libs may read of achievements, instead of querying catalog's tables themselves.
 * Each read takes the caller's EntityManager, so it sees the caller's transaction.
 */

/** Whether achievement `id` is organisation `orgId`'s own. */
export async function isOwnAchievement(db: EntityManager, orgId: string, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM achievement WHERE id = $1 AND org_id = $2`, [id, orgId]);
  return rows.length > 0;
}

/** The titles of the achievements `ids` that exist, by id. */
export async function achievementTitles(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; title: string }[] = await db.query(
    `SELECT id, title FROM achievement WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.title]));
}
