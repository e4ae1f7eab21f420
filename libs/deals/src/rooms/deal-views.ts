import { achievementTitles, needTitles } from '@kuaizhuan/catalog';
import { organisationNames, userNames } from '@kuaizhuan/identity';
import type { EntityManager } from 'typeorm';
import { actionsFor, type DealAction, type DealStatus, type DealType, type LicenceScope } from '../domain/deal-machine';
import type { Capacity } from '../steps/deal-access';
import { dealRow, type DealRow } from './deal.repository';

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

/**
 * Deal rows with the names of their parties, listings and manager, each read through the owning
 * lib's door (identity, catalog). A deal whose institution, company or achievement cannot be
 * found is left out, as it always was.
 */
export async function dealSummaries(db: EntityManager, rows: readonly DealRow[]): Promise<DealSummary[]> {
  // One after another: inside a transaction they share one connection.
  const organisations = await organisationNames(
    db,
    rows.flatMap((row) => [row.institutionOrgId, row.companyOrgId]),
  );
  const achievements = await achievementTitles(
    db,
    rows.map((row) => row.achievementId),
  );
  const needs = await needTitles(
    db,
    rows.flatMap((row) => (row.needId === null ? [] : [row.needId])),
  );
  const managers = await userNames(
    db,
    rows.flatMap((row) => (row.managerUserId === null ? [] : [row.managerUserId])),
  );
  const summaries: DealSummary[] = [];
  for (const row of rows) {
    const institution = organisations.get(row.institutionOrgId);
    const company = organisations.get(row.companyOrgId);
    const achievement = achievements.get(row.achievementId);
    if (institution === undefined || company === undefined || achievement === undefined) continue;
    const needTitle = row.needId === null ? undefined : needs.get(row.needId);
    const managerName = row.managerUserId === null ? undefined : managers.get(row.managerUserId);
    summaries.push({
      id: row.id,
      type: row.type,
      status: row.status,
      title: row.title,
      licenceScope: row.licenceScope,
      institution: { id: row.institutionOrgId, name: institution },
      company: { id: row.companyOrgId, name: company },
      achievement: { id: row.achievementId, title: achievement },
      need: needTitle === undefined ? null : { id: row.needId!, title: needTitle },
      manager: managerName === undefined ? null : { id: row.managerUserId!, name: managerName },
      connectionId: row.connectionId,
      recoverableCosts: row.recoverableCosts,
      signedOn: row.signedOn,
      createdAt: row.createdAt,
    });
  }
  return summaries;
}

export async function dealView(manager: EntityManager, id: string, capacity: Capacity): Promise<DealView> {
  const found = await dealRow(manager, id);
  const [row] = await dealSummaries(manager, found ? [found] : []);
  return { ...row, capacity, actions: actionsFor(row.type, row.status, capacity) };
}
