/**
 * Projections the recommendation queries share. Each reads one row as JSON in the shape of a
 * `*Facts` interface (views.ts); the views then choose what a caller may see. Money is cast to
 * text so it never passes through a float.
 *
 * They expect the aliases `n` (need), `no` (its organisation), `a` (achievement), `ao` (its organisation).
 */
export const NEED_JSON = `json_build_object(
  'id', n.id, 'orgId', n.org_id, 'orgName', no.name, 'status', n.status, 'title', n.title,
  'summary', n.summary, 'keywords', n.keywords, 'fieldCodes', n.field_codes, 'desiredStage', n.desired_stage,
  'minTrl', n.min_trl, 'cooperationModes', n.cooperation_modes, 'regionCode', n.region_code,
  'deadline', n.deadline, 'confidentiality', n.confidentiality, 'description', n.description,
  'problem', n.problem, 'indicators', n.indicators, 'existingConditions', n.existing_conditions,
  'budgetMin', n.budget_min::text, 'budgetMax', n.budget_max::text)`;

export const ACHIEVEMENT_JSON = `json_build_object(
  'id', a.id, 'orgId', a.org_id, 'orgName', ao.name, 'status', a.status, 'title', a.title,
  'summary', a.summary, 'applicationScenarios', a.application_scenarios, 'advantages', a.advantages,
  'keywords', a.keywords, 'fieldCodes', a.field_codes, 'ipType', a.ip_type, 'patentNumbers', a.patent_numbers,
  'legalStatus', a.legal_status, 'trl', a.trl, 'maturityStage', a.maturity_stage,
  'transferModes', a.transfer_modes, 'priceMin', a.price_min::text, 'priceMax', a.price_max::text,
  'institutionName', a.institution_name)`;

/** Joins for the projections above, from `recommendation r`. */
export const JOIN_LISTINGS = `JOIN need n ON n.id = r.need_id
  JOIN organisation no ON no.id = n.org_id
  JOIN achievement a ON a.id = r.achievement_id
  JOIN organisation ao ON ao.id = a.org_id`;

const RESEARCHER_FIELDS = `'id', re.id, 'name', re.name, 'title', re.title, 'institutionName', re.institution_name,
  'researchAreas', re.research_areas, 'fieldCodes', re.field_codes, 'commissionerAvailable', re.commissioner_available`;

/** The researchers behind achievement `a`, in listing order: who they are, never how to reach them. */
export const RESEARCHERS_JSON = `(SELECT coalesce(json_agg(json_build_object(${RESEARCHER_FIELDS}) ORDER BY ar.position, re.name), '[]')
  FROM achievement_researcher ar JOIN researcher re ON re.id = ar.researcher_id WHERE ar.achievement_id = a.id)`;

/** The same researchers with their e-mail and phone: only for an organisation connected to the achievement. */
export const RESEARCHER_CONTACTS_JSON = `(SELECT coalesce(json_agg(json_build_object(${RESEARCHER_FIELDS},
  'email', re.email, 'phone', re.phone) ORDER BY ar.position, re.name), '[]')
  FROM achievement_researcher ar JOIN researcher re ON re.id = ar.researcher_id WHERE ar.achievement_id = a.id)`;
