import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chooseReviewer, type ReviewerCandidate } from './choose-reviewer';

/** Assigns unassigned pending recommendations to technology managers by field and current load. */
@Injectable()
export class ReviewerAssigner {
  async assign(manager: EntityManager, recommendationIds: readonly string[], dueAt: Date): Promise<number> {
    if (recommendationIds.length === 0) return 0;
    const managers: { user_id: string; field_codes: string[]; capacity: number; load: number }[] = await manager.query(
      `SELECT u.id AS user_id,
              coalesce(p.field_codes, '{}') AS field_codes,
              coalesce(p.capacity, 50) AS capacity,
              (SELECT count(*)::int FROM recommendation r
                WHERE r.reviewer_id = u.id AND r.status = 'pending_review') AS load
         FROM user_account u
         JOIN organisation o ON o.id = u.organisation_id AND o.verification_status = 'verified'
         LEFT JOIN manager_profile p ON p.user_id = u.id
        WHERE u.role = 'manager' AND u.status = 'active' AND coalesce(p.active, true)`,
    );
    const candidates: ReviewerCandidate[] = managers.map((row) => ({
      userId: row.user_id,
      fieldCodes: row.field_codes,
      capacity: row.capacity,
      load: row.load,
    }));
    if (candidates.length === 0) return 0;

    const pending: { id: string; field_codes: string[] }[] = await manager.query(
      `SELECT r.id, a.field_codes FROM recommendation r JOIN achievement a ON a.id = r.achievement_id
        WHERE r.id = ANY($1) AND r.reviewer_id IS NULL AND r.status = 'pending_review'
        ORDER BY r.score DESC`,
      [recommendationIds],
    );
    let assigned = 0;
    for (const rec of pending) {
      const reviewer = chooseReviewer(candidates, rec.field_codes);
      if (!reviewer) break;
      await manager.query(`UPDATE recommendation SET reviewer_id = $2, review_due_at = $3 WHERE id = $1`, [
        rec.id,
        reviewer,
        dueAt,
      ]);
      const chosen = candidates.find((c) => c.userId === reviewer);
      if (chosen) chosen.load += 1;
      assigned += 1;
    }
    return assigned;
  }
}
