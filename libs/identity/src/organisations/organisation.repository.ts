import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from '../domain/roles';

/**
 * What other libs may read of organisations and their people, instead of querying identity's
 * tables themselves. Each read takes the caller's EntityManager, so it sees (and joins) the
 * caller's transaction.
 */

/** A technology manager (技术经理人) who may broker a deal: active, in a verified organisation. */
export interface ActiveManager {
  id: string;
  name: string;
  organisation: string;
}

/** A verified company, as a TTO picks one to open a deal with. */
export interface CompanyRef {
  id: string;
  name: string;
  region: string | null;
}

const ACTIVE_MANAGER = `u.role = 'manager' AND u.status = 'active' AND o.verification_status = 'verified'`;

/** Whether `orgId` is a company (an enterprise organisation). */
export async function isCompany(db: EntityManager, orgId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM organisation WHERE id = $1 AND kind = 'enterprise'`, [orgId]);
  return rows.length > 0;
}

/** Verified companies whose name contains `q` (all when empty): at most 20, by name. */
export function verifiedCompanies(db: EntityManager, q: string): Promise<CompanyRef[]> {
  return db.query(
    `SELECT id, name, region FROM organisation
      WHERE kind = 'enterprise' AND verification_status = 'verified'
        AND ($1 = '' OR strpos(lower(name), lower($1)) > 0)
      ORDER BY name, id LIMIT 20`,
    [q],
  );
}

/** Whether `userId` is an active technology manager of a verified organisation. */
export async function isActiveManager(db: EntityManager, userId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM user_account u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1 AND ${ACTIVE_MANAGER}`,
    [userId],
  );
  return rows.length > 0;
}

/** Every active technology manager, by organisation and name. */
export function activeManagers(db: EntityManager): Promise<ActiveManager[]> {
  return db.query(
    `SELECT u.id, u.display_name AS name, o.name AS organisation
       FROM user_account u JOIN organisation o ON o.id = u.organisation_id
      WHERE ${ACTIVE_MANAGER}
      ORDER BY o.name, u.display_name, u.id`,
  );
}

/** The names of the organisations `ids` (those that exist), by id. */
export async function organisationNames(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await db.query(
    `SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The regions of the organisations `ids` (null when not given), by id. */
export async function organisationRegions(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; region: string | null }[] = await db.query(
    `SELECT id, region FROM organisation WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.region]));
}

/** The display names of the users `ids` that exist, by id. */
export async function userNames(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await db.query(
    `SELECT id, display_name AS name FROM user_account WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** An organisation and how to reach it: shown only to an organisation connected with it. */
export interface OrganisationContact {
  id: string;
  name: string;
  kind: string;
  region: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** A user and how to reach them: shown only to an organisation connected with theirs. */
export interface ContactPerson {
  name: string;
  email: string;
  phone: string | null;
}

/** The organisations `ids` that exist with their contact details, by id. */
export async function organisationContacts(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, OrganisationContact>> {
  if (ids.length === 0) return new Map();
  const rows: OrganisationContact[] = await db.query(
    `SELECT id, name, kind, region, contact_name AS "contactName", contact_email AS "contactEmail",
            contact_phone AS "contactPhone"
       FROM organisation WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The users `ids` that exist with their e-mail and phone, by id. */
export async function contactPeople(db: EntityManager, ids: readonly string[]): Promise<Map<string, ContactPerson>> {
  if (ids.length === 0) return new Map();
  const rows: (ContactPerson & { id: string })[] = await db.query(
    `SELECT id, display_name AS name, email, phone FROM user_account WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map(({ id, ...person }) => [id, person]));
}

/** The kind of organisation `orgId` (enterprise, university, …), or null when there is none. */
export async function organisationKind(db: EntityManager, orgId: string): Promise<OrganisationKind | null> {
  const [row]: { kind: OrganisationKind }[] = await db.query(`SELECT kind FROM organisation WHERE id = $1`, [orgId]);
  return row?.kind ?? null;
}

/** Whether organisation `orgId` exists and is verified. */
export async function isVerifiedOrganisation(db: EntityManager, orgId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM organisation WHERE id = $1 AND verification_status = 'verified'`,
    [orgId],
  );
  return rows.length > 0;
}
