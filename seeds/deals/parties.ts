import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { CooperationMode } from '@kuaizhuan/catalog';
import { completeCreditCode, type Caller, type DemoAccounts } from '@kuaizhuan/identity';
import type { DataSource } from 'typeorm';
import { DEMO_COMPANIES, DEMO_INSTITUTIONS, type Contact } from '../catalog/organisations';

/** Who acts for each side of a deal: a person of the institution, of the company, and the manager. */
export interface Cast {
  institution: Caller;
  company: Caller;
  manager: Caller;
}

export interface PickedAchievement {
  id: string;
  title: string;
  /** Its researchers, first named first. */
  researcherIds: string[];
}

interface DemoOrganisation {
  key: string;
  role: 'tto' | 'enterprise';
  creditCodeBody: string | null;
  contact: Contact;
}

const ORGANISATIONS: DemoOrganisation[] = [
  ...DEMO_INSTITUTIONS.map((o) => ({ ...o, role: 'tto' as const })),
  ...DEMO_COMPANIES.map((o) => ({ ...o, role: 'enterprise' as const })),
];

function organisation(key: string): DemoOrganisation {
  const found = ORGANISATIONS.find((o) => o.key === key);
  if (!found) throw new Error(`no demo organisation ${key}`);
  return found;
}

/**
 * The person acting for each demo organisation in `keys`. The demo TTO and the demo company
 * act through their demo accounts. The other demo organisations have no account, yet every
 * step of a deal is taken, and audited, by a person of its party: each gets one staff account
 * in the name of its listed contact, created disabled with a random password, so it records
 * who acted but nobody signs in with it and no push is sent to it. Returns how many were created.
 */
export async function castOf(
  dataSource: DataSource,
  accounts: DemoAccounts,
  keys: readonly string[],
): Promise<{ callers: Map<string, Caller>; created: number }> {
  const callers = new Map<string, Caller>();
  const staff: { key: string; orgId: string; org: DemoOrganisation }[] = [];
  for (const key of new Set(keys)) {
    const org = organisation(key);
    if (org.creditCodeBody === null) {
      const account = org.role === 'tto' ? accounts.tto : accounts.enterprise;
      callers.set(key, { userId: account.userId, orgId: account.organisationId, role: org.role });
    } else {
      staff.push({ key, org, orgId: await organisationId(dataSource, org.creditCodeBody) });
    }
  }
  const created = await ensureStaff(dataSource, staff);
  const users: { id: string; email: string; organisation_id: string; role: string }[] = await dataSource.query(
    `SELECT id, email, organisation_id, role FROM user_account WHERE email = ANY($1::text[])`,
    [staff.map((s) => s.org.contact.email)],
  );
  for (const { key, orgId, org } of staff) {
    const user = users.find((u) => u.email === org.contact.email);
    if (!user || user.organisation_id !== orgId || user.role !== org.role) {
      throw new Error(`${org.contact.email} is not a ${org.role} user of demo organisation ${key}`);
    }
    callers.set(key, { userId: user.id, orgId, role: org.role });
  }
  return { callers, created };
}

async function organisationId(dataSource: DataSource, creditCodeBody: string): Promise<string> {
  const [row]: { id: string }[] = await dataSource.query(`SELECT id FROM organisation WHERE credit_code = $1`, [
    completeCreditCode(creditCodeBody),
  ]);
  if (!row) throw new Error('the demo organisations are missing: load the demo catalogue (seedCatalog) first');
  return row.id;
}

async function ensureStaff(
  dataSource: DataSource,
  staff: readonly { orgId: string; org: DemoOrganisation }[],
): Promise<number> {
  const emails = staff.map((s) => s.org.contact.email);
  const existing: { email: string }[] = await dataSource.query(
    `SELECT email FROM user_account WHERE email = ANY($1::text[])`,
    [emails],
  );
  const missing = staff.filter((s) => !existing.some((e) => e.email === s.org.contact.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hash(randomBytes(32).toString('hex'));
  const created: unknown[] = await dataSource.query(
    `INSERT INTO user_account (organisation_id, email, display_name, phone, role, password_hash, status)
     SELECT s.org_id, s.email, s.name, s.phone, s.role::user_role, $2, 'disabled'
       FROM jsonb_to_recordset($1::jsonb) AS s(org_id uuid, email text, name text, phone text, role text)
     ON CONFLICT (email) DO NOTHING
     RETURNING id`,
    [
      JSON.stringify(
        missing.map(({ orgId, org }) => ({
          org_id: orgId,
          email: org.contact.email,
          name: org.contact.name,
          phone: org.contact.phone,
          role: org.role,
        })),
      ),
      passwordHash,
    ],
  );
  return created.length;
}

/** The demo technology manager, who brokers the deals the institutions assign to them. */
export function managerOf(accounts: DemoAccounts): Caller {
  return { userId: accounts.manager.userId, orgId: accounts.manager.organisationId, role: 'manager' };
}

/**
 * The institution's achievement a demo deal is about: published, not one of the hand-written
 * demo listings (the walkthrough's own), with a granted patent, offering `mode` when one is
 * given, in one of `fields` when one is, first by reference, and not already taken by `used`.
 */
export async function pickAchievement(
  dataSource: DataSource,
  institutionOrgId: string,
  wanted: { mode: CooperationMode | null; fields: readonly string[] },
  used: ReadonlySet<string>,
): Promise<PickedAchievement> {
  const [row]: { id: string; title: string; researcher_ids: string[] }[] = await dataSource.query(
    `SELECT a.id, a.title,
            array(SELECT ar.researcher_id FROM achievement_researcher ar
                   WHERE ar.achievement_id = a.id ORDER BY ar.position) AS researcher_ids
       FROM achievement a
      WHERE a.org_id = $1 AND a.status = 'published' AND a.external_ref NOT LIKE 'DEMO-%'
        AND a.legal_status = 'granted' AND cardinality(a.patent_numbers) > 0
        AND ($2::text IS NULL OR $2::cooperation_mode = ANY(a.transfer_modes))
        AND NOT a.id = ANY($4::uuid[])
        AND EXISTS (SELECT 1 FROM achievement_researcher ar WHERE ar.achievement_id = a.id)
      ORDER BY (a.field_codes && $3::varchar[]) DESC, a.external_ref
      LIMIT 1`,
    [institutionOrgId, wanted.mode, [...wanted.fields], [...used]],
  );
  if (!row) throw new Error(`no achievement of organisation ${institutionOrgId} fits a demo deal (${wanted.mode})`);
  return { id: row.id, title: row.title, researcherIds: row.researcher_ids };
}
