import type { DataSource } from 'typeorm';

/**
 * What has gone out for approved recommendations: every delivery row, and how many
 * (recommendation, channel, recipient) triples were delivered more than once.
 */
export async function approvalDeliveries(dataSource: DataSource): Promise<{ total: number; repeated: number }> {
  const [row]: { total: number; repeated: number }[] = await dataSource.query(
    `WITH sent AS (
       SELECT n.subject_id, d.channel, d.user_id FROM delivery d JOIN notification n ON n.id = d.notification_id
        WHERE n.type = 'recommendation.approved')
     SELECT (SELECT count(*)::int FROM sent) AS total,
            (SELECT count(*)::int FROM (SELECT 1 FROM sent GROUP BY subject_id, channel, user_id HAVING count(*) > 1) r)
              AS repeated`,
  );
  return row;
}

/** How many of these recommendations are delivered. */
export async function deliveredCount(dataSource: DataSource, ids: readonly string[]): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM recommendation WHERE id = ANY($1::uuid[]) AND status = 'delivered'`,
    [ids],
  );
  return row.n;
}
