import { organisationNames, organisationRegions } from '@kuaizhuan/identity';
import type { EntityManager } from 'typeorm';
import type { CooperationMode } from '../domain/vocabulary';
import type { AchievementFacts, NeedFacts, ResearcherContact, ResearcherView } from './listing-projection';

/**
 * How other libs read listings: by id, in the shapes of listing-projection.ts, which then decides
 * what a reader may see. Money is read as text so it never passes through a float. Each read
 * takes the caller's EntityManager, so it sees (and locks within) the caller's transaction.
 */

type Listing<T> = Omit<T, 'orgName'>;

async function withOwners<T extends { orgId: string }>(
  db: EntityManager,
  rows: readonly T[],
): Promise<Map<string, T & { orgName: string }>> {
  const names = await organisationNames(
    db,
    rows.map((row) => row.orgId),
  );
  const out = new Map<string, T & { orgName: string }>();
  for (const row of rows) {
    const orgName = names.get(row.orgId);
    // A listing is always owned; one whose organisation is gone is not shown.
    if (orgName !== undefined) out.set((row as unknown as { id: string }).id, { ...row, orgName });
  }
  return out;
}

/** The needs `ids` that exist, by id. */
export async function needFacts(db: EntityManager, ids: readonly string[]): Promise<Map<string, NeedFacts>> {
  if (ids.length === 0) return new Map();
  const rows: Listing<NeedFacts>[] = await db.query(
    `SELECT n.id, n.org_id AS "orgId", n.status, n.title, n.summary, n.keywords, n.field_codes AS "fieldCodes",
            n.desired_stage AS "desiredStage", n.min_trl AS "minTrl", n.cooperation_modes::text[] AS "cooperationModes",
            n.region_code AS "regionCode", n.deadline::text AS deadline, n.confidentiality, n.description, n.problem,
            n.indicators, n.existing_conditions AS "existingConditions", n.budget_min::text AS "budgetMin",
            n.budget_max::text AS "budgetMax"
       FROM need n WHERE n.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return withOwners(db, rows);
}

/** The achievements `ids` that exist, by id. */
export async function achievementFacts(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, AchievementFacts>> {
  if (ids.length === 0) return new Map();
  const rows: Listing<AchievementFacts>[] = await db.query(
    `SELECT a.id, a.org_id AS "orgId", a.status, a.title, a.summary, a.application_scenarios AS "applicationScenarios",
            a.advantages, a.keywords, a.field_codes AS "fieldCodes", a.ip_type AS "ipType",
            a.patent_numbers AS "patentNumbers", a.legal_status AS "legalStatus", a.trl,
            a.maturity_stage AS "maturityStage", a.transfer_modes::text[] AS "transferModes",
            a.price_min::text AS "priceMin", a.price_max::text AS "priceMax", a.institution_name AS "institutionName"
       FROM achievement a WHERE a.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return withOwners(db, rows);
}

/**
 * The researchers behind each of the achievements `ids`, in listing order: who they are, and with
 * `contacts` their e-mail and phone too — only for an organisation connected to the achievement.
 * An achievement without researchers maps to an empty list.
 */
export async function researchersOf(
  db: EntityManager,
  ids: readonly string[],
  contacts: true,
): Promise<Map<string, ResearcherContact[]>>;
export async function researchersOf(
  db: EntityManager,
  ids: readonly string[],
  contacts?: false,
): Promise<Map<string, ResearcherView[]>>;
export async function researchersOf(
  db: EntityManager,
  ids: readonly string[],
  contacts = false,
): Promise<Map<string, ResearcherView[]>> {
  const out = new Map<string, ResearcherView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows: (ResearcherContact & { achievementId: string })[] = await db.query(
    `SELECT ar.achievement_id AS "achievementId", re.id, re.name, re.title, re.institution_name AS "institutionName",
            re.research_areas AS "researchAreas", re.field_codes AS "fieldCodes",
            re.commissioner_available AS "commissionerAvailable", re.email, re.phone
       FROM achievement_researcher ar JOIN researcher re ON re.id = ar.researcher_id
      WHERE ar.achievement_id = ANY($1::uuid[])
      ORDER BY ar.achievement_id, ar.position, re.name`,
    [[...new Set(ids)]],
  );
  for (const { achievementId, email, phone, ...researcher } of rows) {
    const withContact: ResearcherContact = { ...researcher, email, phone };
    out.get(achievementId)?.push(contacts ? withContact : researcher);
  }
  return out;
}

/** What another lib may filter listings by: one field code, or words in the title. */
export type ListingFilter = { fieldCode: string } | { titleContains: string };

/**
 * The ids of the needs or achievements that match `filter` (the title case-insensitively), for
 * a lib that filters its own rows by what the listings they point at say.
 */
export async function listingIdsWhere(
  db: EntityManager,
  kind: 'need' | 'achievement',
  filter: ListingFilter,
): Promise<string[]> {
  const table = kind === 'need' ? 'need' : 'achievement';
  const rows: { id: string }[] =
    'fieldCode' in filter
      ? await db.query(`SELECT id FROM ${table} WHERE $1 = ANY(field_codes)`, [filter.fieldCode])
      : await db.query(`SELECT id FROM ${table} WHERE strpos(lower(title), $1) > 0`, [
          filter.titleContains.toLowerCase(),
        ]);
  return rows.map((row) => row.id);
}

/** What the matcher reads of an achievement: its text, terms and facts, its owner's region, its team's size. */
export interface AchievementMatchFacts extends Pick<
  AchievementFacts,
  | 'id'
  | 'orgId'
  | 'title'
  | 'summary'
  | 'applicationScenarios'
  | 'advantages'
  | 'keywords'
  | 'fieldCodes'
  | 'ipType'
  | 'trl'
  | 'priceMin'
  | 'priceMax'
> {
  transferModes: CooperationMode[];
  publishedAt: Date | null;
  updatedAt: Date;
  /** The owning organisation's region. */
  region: string | null;
  /** How many researchers are listed behind it. */
  researchers: number;
}

/** The achievements `ids` that exist (and whose owner does), as the matcher reads them. */
export async function achievementsForMatching(
  db: EntityManager,
  ids: readonly string[],
): Promise<AchievementMatchFacts[]> {
  if (ids.length === 0) return [];
  const rows: Omit<AchievementMatchFacts, 'region'>[] = await db.query(
    `SELECT a.id, a.org_id AS "orgId", a.title, a.summary, a.application_scenarios AS "applicationScenarios",
            a.advantages, a.keywords, a.field_codes AS "fieldCodes", a.ip_type AS "ipType", a.trl,
            a.transfer_modes::text[] AS "transferModes", a.price_min AS "priceMin", a.price_max AS "priceMax",
            a.published_at AS "publishedAt", a.updated_at AS "updatedAt",
            (SELECT count(*)::int FROM achievement_researcher ar WHERE ar.achievement_id = a.id) AS researchers
       FROM achievement a
      WHERE a.id = ANY($1)`,
    [ids],
  );
  const regions = await organisationRegions(
    db,
    rows.map((row) => row.orgId),
  );
  return rows.flatMap((row) => (regions.has(row.orgId) ? [{ ...row, region: regions.get(row.orgId) ?? null }] : []));
}

/** Whether organisation `orgId` may see listing `id`: it is published (or matched), or it is the org's own. */
export async function isVisibleListing(
  db: EntityManager,
  kind: 'need' | 'achievement',
  id: string,
  orgId: string,
): Promise<boolean> {
  const table = kind === 'need' ? 'need' : 'achievement';
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM ${table} WHERE id = $1 AND (status IN ('published', 'matched') OR org_id = $2)`,
    [id, orgId],
  );
  return rows.length > 0;
}
