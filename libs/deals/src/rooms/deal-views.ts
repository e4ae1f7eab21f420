import type { EntityManager } from 'typeorm';
import { actionsFor, type DealAction, type DealStatus, type DealType, type LicenceScope } from '../domain/deal-machine';
import type { Capacity } from '../steps/deal-access';

export interface DealView {
  id: string;
  type: DealType;
  status: DealStatus;
  title: string;
  licenceScope: LicenceScope | null;
  institution: { id: string; name: string };
  company: { id: string; name: string };
  achievement: { id: string; title: string };
  need: { id: string; title: string } | null;
  manager: { id: string; name: string } | null;
  connectionId: string | null;
  recoverableCosts: string;
  signedOn: string | null;
  createdAt: Date;
  /** The caller's capacity in the deal. */
  capacity: Capacity;
  /** The steps the caller may take now through `POST /deals/{id}/transitions`. */
  actions: DealAction[];
}

/** A deal in a list: the view without the caller's capacity and steps. */
export type DealSummary = Omit<DealView, 'capacity' | 'actions'>;

/** A technology manager an institution may assign to broker a deal. */
export interface BrokerView {
  id: string;
  name: string;
  organisation: string;
}

/** A verified company an institution may open a deal with. */
export interface CompanyView {
  id: string;
  name: string;
  region: string | null;
}

/** How a deal's income is shared in the institution: costs recovered first, then the team's shares. */
export interface DistributionView {
  recoverableCosts: string;
  contributions: { researcherId: string; name: string; sharePercent: string }[];
}

export const DEAL_VIEW_SQL = `
  SELECT d.id, d.type, d.status, d.title, d.licence_scope AS "licenceScope",
         json_build_object('id', io.id, 'name', io.name) AS institution,
         json_build_object('id', co.id, 'name', co.name) AS company,
         json_build_object('id', a.id, 'title', a.title) AS achievement,
         CASE WHEN n.id IS NULL THEN NULL ELSE json_build_object('id', n.id, 'title', n.title) END AS need,
         CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.display_name) END AS manager,
         d.connection_id AS "connectionId", d.recoverable_costs AS "recoverableCosts",
         to_char(d.signed_on, 'YYYY-MM-DD') AS "signedOn", d.created_at AS "createdAt"
    FROM deal d
    JOIN organisation io ON io.id = d.institution_org_id
    JOIN organisation co ON co.id = d.company_org_id
    JOIN achievement a ON a.id = d.achievement_id
    LEFT JOIN need n ON n.id = d.need_id
    LEFT JOIN user_account m ON m.id = d.manager_user_id`;

export async function dealView(manager: EntityManager, id: string, capacity: Capacity): Promise<DealView> {
  const [row]: DealSummary[] = await manager.query(`${DEAL_VIEW_SQL} WHERE d.id = $1`, [id]);
  return { ...row, capacity, actions: actionsFor(row.type, row.status, capacity) };
}
