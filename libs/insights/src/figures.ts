/**
 * The platform's figures as SQL, each written once: the dashboard (KpiService) and the technology
 * managers' records (ManagerRecordService) read the same rows from these, so a manager's evidence sheet
 * and the dashboard can never disagree about what a review, an approval or a deal's turnover is.
 * Every fragment takes the period as $1 and $2 (calendar dates, both included, China time).
 */

/** Deals signed in the period with their contract amount (price, valuation or licence fee) and broker. */
export const SIGNED_DEALS = `
  SELECT d.id, d.type, d.connection_id, d.institution_org_id, d.company_org_id, d.achievement_id,
         d.manager_user_id,
         coalesce((s.terms->>'price')::numeric,
                  (SELECT v.value FROM deal_valuation v WHERE v.deal_id = d.id ORDER BY v.created_at DESC LIMIT 1),
                  (s.terms->'ufpl'->>'fee')::numeric,
                  (s.terms->'ufpl'->>'entryFee')::numeric, 0) AS amount
    FROM deal d
    LEFT JOIN LATERAL (SELECT terms FROM term_sheet t WHERE t.deal_id = d.id AND t.status = 'accepted'
                        ORDER BY t.version DESC LIMIT 1) s ON true
   WHERE d.signed_on BETWEEN $1::date AND $2::date`;

/** Instants of the period in China time: [from 00:00, the day after `to` 00:00). */
export const IN_PERIOD = (column: string): string =>
  `${column} >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
   AND ${column} < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/** Statuses a recommendation reaches only once a manager approved it. */
export const APPROVED_STATUSES = `('approved', 'delivered', 'viewed', 'interested', 'declined', 'connected')`;

/**
 * Matches reviewed in the period: who decided, how long it took, whether it was decided by its due
 * time (a review with no due time is on time), whether it was approved, and what became of it — a
 * connection made on it, and a deal signed from that connection (on any date up to today).
 */
export const REVIEWED_MATCHES = `
  SELECT r.id, r.reviewed_by, r.reviewed_at, r.created_at,
         (r.review_due_at IS NULL OR r.reviewed_at <= r.review_due_at) AS on_time,
         r.status IN ${APPROVED_STATUSES} AS approved,
         c.id IS NOT NULL AS connected,
         EXISTS (SELECT 1 FROM deal d WHERE d.connection_id = c.id AND d.signed_on IS NOT NULL) AS signed
    FROM recommendation r
    LEFT JOIN connection c ON c.recommendation_id = r.id
   WHERE ${IN_PERIOD('r.reviewed_at')}`;
