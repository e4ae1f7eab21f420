import { Outbox } from '@kuaizhuan/platform';
import { completeCreditCode, type DemoAccounts } from '@kuaizhuan/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { demoCatalog } from './demo-catalog';
import { DEMO_COMPANIES, DEMO_INSTITUTIONS } from './organisations';
import type { SeedAchievement, SeedNeed, SeedResearcher } from './records';

/** What one run added (zero everywhere when the demo data was already there). */
export interface SeededCatalog {
  organisations: number;
  researchers: number;
  achievements: number;
  needs: number;
  /** Technology-manager profiles (review-queue expertise) created. */
  managerProfiles: number;
}

/** Ids per outbox event: small enough that several workers share the matching. */
const EVENT_BATCH = 25;

/** Fields the demo technology manager reviews best, and how many open reviews they take. */
const DEMO_MANAGER_PROFILE = {
  fieldCodes: ['smart-equipment', 'intelligent-mfg-equipment', 'ai-robotics', 'intelligent-nev', 'light-alloy'],
  capacity: 200,
};

type OrganisationIds = Map<string, string>;

/**
 * Loads the demo organisations and catalogue, published as if the operator had approved
 * them, with outbox events so that a running worker indexes and matches them. Also gives the
 * demo technology manager a review profile. Idempotent: organisations are keyed by credit
 * code, researchers and achievements by (organisation, reference), needs by (organisation,
 * title); what exists is kept as it is and yields no event. Each table is written with one
 * statement, all in one transaction, under an advisory lock so that two loaders never race.
 */
export async function seedCatalog(dataSource: DataSource, accounts: DemoAccounts): Promise<SeededCatalog> {
  const catalog = demoCatalog();
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kuaizhuan:demo-seed'))`);
    const { ids: organisationIds, created: organisations } = await seedOrganisations(manager, accounts);
    const researcherIds = await insertResearchers(manager, organisationIds, catalog.researchers);
    const newAchievements = await insertAchievements(
      manager,
      organisationIds,
      researcherIds.all,
      catalog.achievements,
      accounts,
    );
    const newNeeds = await insertNeeds(manager, organisationIds, catalog.needs, accounts);
    const managerProfiles = await seedManagerProfile(manager, accounts);

    const outbox = new Outbox();
    for (const ids of batches(researcherIds.created)) {
      await outbox.publish(manager, 'researcher.changed', { kind: 'researcher', ids });
    }
    for (const ids of batches(newAchievements)) {
      await outbox.publish(manager, 'achievement.published', { kind: 'achievement', ids });
    }
    for (const ids of batches(newNeeds)) {
      await outbox.publish(manager, 'need.published', { kind: 'need', ids });
    }
    return {
      organisations,
      researchers: researcherIds.created.length,
      achievements: newAchievements.length,
      needs: newNeeds.length,
      managerProfiles,
    };
  });
}

function batches(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += EVENT_BATCH) out.push(ids.slice(i, i + EVENT_BATCH));
  return out;
}

/** The demo universities, institutes and companies, verified; their ids by demo key. */
async function seedOrganisations(
  manager: EntityManager,
  accounts: DemoAccounts,
): Promise<{ ids: OrganisationIds; created: number }> {
  const ids: OrganisationIds = new Map();
  const rows: Record<string, string>[] = [];
  const keyByCode = new Map<string, string>();
  const organisations = [
    ...DEMO_INSTITUTIONS.map((org) => ({ ...org, account: accounts.tto })),
    ...DEMO_COMPANIES.map((org) => ({ ...org, kind: 'enterprise', account: accounts.enterprise })),
  ];
  for (const org of organisations) {
    if (org.creditCodeBody === null) {
      // The demo accounts' own organisations come from the identity seed.
      ids.set(org.key, org.account.organisationId);
      continue;
    }
    const creditCode = completeCreditCode(org.creditCodeBody);
    keyByCode.set(creditCode, org.key);
    rows.push({
      name: org.name,
      kind: org.kind,
      credit_code: creditCode,
      region: org.region,
      contact_name: org.contact.name,
      contact_email: org.contact.email,
      contact_phone: org.contact.phone,
    });
  }
  const created: unknown[] = await manager.query(
    `INSERT INTO organisation (name, kind, credit_code, region, verification_status, verified_at, verified_by,
                               contact_name, contact_email, contact_phone)
     SELECT o.name, o.kind::organisation_kind, o.credit_code, o.region, 'verified', now(), $2::uuid,
            o.contact_name, o.contact_email, o.contact_phone
       FROM jsonb_to_recordset($1::jsonb) AS o(name text, kind text, credit_code text, region text,
                                               contact_name text, contact_email text, contact_phone text)
     ON CONFLICT (credit_code) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows), accounts.operator.userId],
  );
  const existing: { id: string; credit_code: string }[] = await manager.query(
    `SELECT id, credit_code FROM organisation WHERE credit_code = ANY($1::text[])`,
    [[...keyByCode.keys()]],
  );
  for (const row of existing) ids.set(keyByCode.get(row.credit_code)!, row.id);
  return { ids, created: created.length };
}

function orgId(ids: OrganisationIds, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo organisation ${key} is missing`);
  return id;
}

/** Researchers by `org id|reference`, and the ids of those created now. */
async function insertResearchers(
  manager: EntityManager,
  organisationIds: OrganisationIds,
  researchers: SeedResearcher[],
): Promise<{ all: Map<string, string>; created: string[] }> {
  const rows = researchers.map((r) => ({
    org_id: orgId(organisationIds, r.org),
    ref: r.ref,
    name: r.name,
    title: r.title,
    institution_name: r.institutionName,
    profile: r.profile,
    research_areas: r.researchAreas,
    field_codes: r.fieldCodes,
    commissioner_available: r.commissionerAvailable,
    commissioner_note: r.commissionerNote,
    email: r.email,
  }));
  const created: { id: string }[] = await manager.query(
    `INSERT INTO researcher (org_id, external_ref, name, title, institution_name, profile, research_areas,
                             field_codes, commissioner_available, commissioner_note, email)
     SELECT x.org_id, x.ref, x.name, x.title, x.institution_name, x.profile, x.research_areas, x.field_codes,
            x.commissioner_available, x.commissioner_note, x.email
       FROM jsonb_to_recordset($1::jsonb) AS x(org_id uuid, ref text, name text, title text, institution_name text,
                                               profile text, research_areas text[], field_codes text[],
                                               commissioner_available boolean, commissioner_note text, email text)
     ON CONFLICT (org_id, external_ref) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  const all: { id: string; org_id: string; external_ref: string }[] = await manager.query(
    `SELECT r.id, r.org_id, r.external_ref
       FROM researcher r JOIN unnest($1::uuid[], $2::text[]) AS k(org_id, ref)
         ON r.org_id = k.org_id AND r.external_ref = k.ref`,
    [rows.map((r) => r.org_id), rows.map((r) => r.ref)],
  );
  return {
    all: new Map(all.map((row) => [`${row.org_id}|${row.external_ref}`, row.id])),
    created: created.map((row) => row.id),
  };
}

/** Inserts the achievements not there yet, with their researchers; returns the new ids. */
async function insertAchievements(
  manager: EntityManager,
  organisationIds: OrganisationIds,
  researcherIds: Map<string, string>,
  achievements: SeedAchievement[],
  accounts: DemoAccounts,
): Promise<string[]> {
  const rows = achievements.map((a) => ({
    org_id: orgId(organisationIds, a.org),
    ref: a.ref,
    created_by: orgId(organisationIds, a.org) === accounts.tto.organisationId ? accounts.tto.userId : null,
    title: a.title,
    summary: a.summary,
    application_scenarios: a.applicationScenarios,
    advantages: a.advantages,
    keywords: a.keywords,
    field_codes: a.fieldCodes,
    ip_type: a.ipType,
    patent_numbers: a.patentNumbers,
    legal_status: a.legalStatus,
    trl: a.trl,
    maturity_stage: a.maturityStage,
    transfer_modes: a.transferModes,
    price_min: a.priceMin,
    price_max: a.priceMax,
    institution_name: a.institutionName,
    separate_ledger: a.separateLedger,
    internal_notes: a.internalNotes,
    published_days_ago: a.publishedDaysAgo,
  }));
  const created: { id: string; org_id: string; external_ref: string }[] = await manager.query(
    `WITH x AS (
       SELECT x.*, now() - make_interval(days => x.published_days_ago) AS published_at
         FROM jsonb_to_recordset($1::jsonb) AS x(
                org_id uuid, ref text, created_by uuid, title text, summary text, application_scenarios text,
                advantages text, keywords text[], field_codes text[], ip_type text, patent_numbers text[],
                legal_status text, trl int, maturity_stage text, transfer_modes text[], price_min numeric,
                price_max numeric, institution_name text, separate_ledger boolean, internal_notes text,
                published_days_ago int)
     )
     INSERT INTO achievement (org_id, external_ref, created_by, status, title, summary, application_scenarios,
                              advantages, keywords, field_codes, ip_type, patent_numbers, legal_status, trl,
                              maturity_stage, transfer_modes, price_min, price_max, institution_name,
                              separate_ledger, internal_notes, created_at, submitted_at, reviewed_at,
                              reviewed_by, published_at, updated_at)
     SELECT x.org_id, x.ref, x.created_by, 'published', x.title, x.summary, x.application_scenarios, x.advantages,
            x.keywords, x.field_codes, x.ip_type, x.patent_numbers, x.legal_status::legal_status, x.trl,
            x.maturity_stage, x.transfer_modes::cooperation_mode[], x.price_min, x.price_max, x.institution_name,
            x.separate_ledger, x.internal_notes, x.published_at - interval '3 days',
            x.published_at - interval '1 day', x.published_at, $2::uuid, x.published_at, x.published_at
       FROM x
     ON CONFLICT (org_id, external_ref) DO NOTHING
     RETURNING id, org_id, external_ref`,
    [JSON.stringify(rows), accounts.operator.userId],
  );
  if (created.length === 0) return [];

  const byKey = new Map(achievements.map((a, i) => [`${rows[i].org_id}|${a.ref}`, a]));
  const links = created.flatMap((row) => {
    const achievement = byKey.get(`${row.org_id}|${row.external_ref}`)!;
    return achievement.researchers.map((ref, position) => {
      const researcherId = researcherIds.get(`${row.org_id}|${ref}`);
      if (!researcherId) throw new Error(`achievement ${achievement.ref} names unknown researcher ${ref}`);
      return { achievement_id: row.id, researcher_id: researcherId, position };
    });
  });
  await manager.query(
    `INSERT INTO achievement_researcher (achievement_id, researcher_id, position)
     SELECT l.achievement_id, l.researcher_id, l.position
       FROM jsonb_to_recordset($1::jsonb) AS l(achievement_id uuid, researcher_id uuid, position smallint)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(links)],
  );
  return created.map((row) => row.id);
}

/** Inserts the needs not there yet (same company, same title); returns the new ids. */
async function insertNeeds(
  manager: EntityManager,
  organisationIds: OrganisationIds,
  needs: SeedNeed[],
  accounts: DemoAccounts,
): Promise<string[]> {
  const rows = needs.map((n) => ({
    org_id: orgId(organisationIds, n.org),
    created_by:
      orgId(organisationIds, n.org) === accounts.enterprise.organisationId ? accounts.enterprise.userId : null,
    title: n.title,
    summary: n.summary,
    description: n.description,
    problem: n.problem,
    indicators: n.indicators,
    existing_conditions: n.existingConditions,
    keywords: n.keywords,
    field_codes: n.fieldCodes,
    desired_stage: n.desiredStage,
    min_trl: n.minTrl,
    budget_min: n.budgetMin,
    budget_max: n.budgetMax,
    cooperation_modes: n.cooperationModes,
    region_code: n.regionCode,
    deadline_in_days: n.deadlineInDays,
    confidentiality: n.confidentiality,
    published_days_ago: n.publishedDaysAgo,
  }));
  const created: { id: string }[] = await manager.query(
    `WITH x AS (
       SELECT x.*, now() - make_interval(days => x.published_days_ago) AS published_at
         FROM jsonb_to_recordset($1::jsonb) AS x(
                org_id uuid, created_by uuid, title text, summary text, description text, problem text,
                indicators text, existing_conditions text, keywords text[], field_codes text[], desired_stage text,
                min_trl int, budget_min numeric, budget_max numeric, cooperation_modes text[], region_code text,
                deadline_in_days int, confidentiality text, published_days_ago int)
     )
     INSERT INTO need (org_id, created_by, status, title, summary, description, problem, indicators,
                       existing_conditions, keywords, field_codes, desired_stage, min_trl, budget_min, budget_max,
                       cooperation_modes, region_code, deadline, confidentiality, created_at, submitted_at,
                       reviewed_at, reviewed_by, published_at, updated_at)
     SELECT x.org_id, x.created_by, 'published', x.title, x.summary, x.description, x.problem, x.indicators,
            x.existing_conditions, x.keywords, x.field_codes, x.desired_stage, x.min_trl, x.budget_min, x.budget_max,
            x.cooperation_modes::cooperation_mode[], x.region_code, current_date + x.deadline_in_days,
            x.confidentiality::need_confidentiality, x.published_at - interval '2 days',
            x.published_at - interval '1 day', x.published_at, $2::uuid, x.published_at, x.published_at
       FROM x
      WHERE NOT EXISTS (SELECT 1 FROM need n WHERE n.org_id = x.org_id AND n.title = x.title)
     RETURNING id`,
    [JSON.stringify(rows), accounts.operator.userId],
  );
  return created.map((row) => row.id);
}

/** Gives the demo technology manager fields of expertise, so the review queue assigns by field. */
async function seedManagerProfile(manager: EntityManager, accounts: DemoAccounts): Promise<number> {
  const created: unknown[] = await manager.query(
    `INSERT INTO manager_profile (user_id, org_id, field_codes, capacity, active)
     VALUES ($1, $2, $3::varchar[], $4, true)
     ON CONFLICT (user_id) DO NOTHING
     RETURNING user_id`,
    [
      accounts.manager.userId,
      accounts.manager.organisationId,
      DEMO_MANAGER_PROFILE.fieldCodes,
      DEMO_MANAGER_PROFILE.capacity,
    ],
  );
  return created.length;
}
