import { actionsFor, type QuoteAction, type QuoteSide, type QuoteStatus } from '../domain/quote-machine';

/** How the caller's organisation takes part in a quote. */
export type QuoteCapacity = QuoteSide | 'institution';

export interface QuoteMessageView {
  id: string;
  body: string;
  createdAt: Date;
  author: { name: string; organisation: string };
  mine: boolean;
}

export interface QuoteView {
  id: string;
  status: QuoteStatus;
  capacity: QuoteCapacity;
  /** The steps the caller may take now. */
  actions: QuoteAction[];
  /** True when the caller's organisation owns the achievement and may confirm the maturity reached. */
  canConfirmMaturity: boolean;
  service: { id: string; title: string; trlFrom: number; trlTo: number };
  platform: { id: string; name: string; organisationId: string };
  requester: { id: string; name: string };
  achievement: { id: string; title: string; trl: number | null };
  recommendationId: string | null;
  trlBefore: number | null;
  targetTrl: number;
  price: string | null;
  leadTimeDays: number | null;
  trlReached: number | null;
  report: string | null;
  declineReason: string | null;
  createdAt: Date;
  quotedAt: Date | null;
  acceptedAt: Date | null;
  completedAt: Date | null;
  declinedAt: Date | null;
  maturityConfirmedAt: Date | null;
  messages?: QuoteMessageView[];
}

/** A quote row as QUOTE_VIEW_SQL reads it. */
export interface QuoteRow extends Omit<QuoteView, 'capacity' | 'actions' | 'canConfirmMaturity' | 'messages'> {
  achievementOrgId: string;
}

/** One quote with its service, platform, requester and achievement; filter with a WHERE on `q`. */
export const QUOTE_VIEW_SQL = `
  SELECT q.id, q.status, q.recommendation_id AS "recommendationId", q.trl_before AS "trlBefore",
         q.target_trl AS "targetTrl", q.price::text AS price, q.lead_time_days AS "leadTimeDays",
         q.trl_reached AS "trlReached", q.report, q.decline_reason AS "declineReason", q.created_at AS "createdAt",
         q.quoted_at AS "quotedAt", q.accepted_at AS "acceptedAt", q.completed_at AS "completedAt",
         q.declined_at AS "declinedAt", q.maturity_confirmed_at AS "maturityConfirmedAt",
         q.achievement_org_id AS "achievementOrgId",
         json_build_object('id', s.id, 'title', s.title, 'trlFrom', s.trl_from, 'trlTo', s.trl_to) AS service,
         json_build_object('id', p.id, 'name', p.name, 'organisationId', p.org_id) AS platform,
         json_build_object('id', ro.id, 'name', ro.name) AS requester,
         json_build_object('id', a.id, 'title', a.title, 'trl', a.trl) AS achievement
    FROM service_quote q
    JOIN platform_service s ON s.id = q.service_id
    JOIN service_platform p ON p.id = q.platform_id
    JOIN organisation ro ON ro.id = q.requester_org_id
    JOIN achievement a ON a.id = q.achievement_id`;

export function capacityOf(row: Pick<QuoteRow, 'platform' | 'requester'>, orgId: string): QuoteCapacity {
  if (row.platform.organisationId === orgId) return 'platform';
  if (row.requester.id === orgId) return 'requester';
  return 'institution';
}

export function quoteView(row: QuoteRow, orgId: string, messages?: QuoteMessageView[]): QuoteView {
  const { achievementOrgId, ...fields } = row;
  const capacity = capacityOf(row, orgId);
  return {
    ...fields,
    capacity,
    actions: capacity === 'institution' ? [] : actionsFor(row.status, capacity),
    canConfirmMaturity: achievementOrgId === orgId && row.status === 'completed' && row.maturityConfirmedAt === null,
    ...(messages ? { messages } : {}),
  };
}
