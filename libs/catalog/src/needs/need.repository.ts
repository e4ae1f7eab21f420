import type { EntityManager } from 'typeorm';

/**
 * What other libs may read of needs, instead of querying catalog's tables themselves. Each read
 * takes the caller's EntityManager, so it sees the caller's transaction.
 */

/** The titles of the needs `ids` that exist, by id. */
export async function needTitles(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; title: string }[] = await db.query(
    `SELECT id, title FROM need WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** Whether need `id` is organisation `orgId`'s own. */
export async function isOwnNeed(db: EntityManager, orgId: string, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM need WHERE id = $1 AND org_id = $2`, [id, orgId]);
  return rows.length > 0;
}
