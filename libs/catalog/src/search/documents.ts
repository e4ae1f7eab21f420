import type { SearchDocument } from '@kuaizhuan/platform';
import { isPubliclyVisible } from '../domain/lifecycle';
import { wholeYuanBound } from '../domain/money';
import type { Achievement } from '../entities/achievement.entity';
import type { Need } from '../entities/need.entity';
import type { Researcher } from '../entities/researcher.entity';

/** Names of taxonomy codes (`kind:code` → 中文名), so field names are searchable text too. */
export type TermNames = Map<string, string>;

/** What the index needs besides the row: the owner's name and region, researcher names. */
export interface Owner {
  name: string;
  region: string | null;
}

function fieldNames(codes: string[], names: TermNames): string[] {
  return codes.map((code) => names.get(`field:${code}`)).filter((name): name is string => name !== undefined);
}

/** The index keeps whole yuan (a range widened outwards), for filtering only; the row keeps the decimals. */
function amountRange(min: string | null, max: string | null): SearchDocument['amount'] {
  if (min === null && max === null) return null;
  return {
    min: min === null ? null : wholeYuanBound(min, 'down'),
    max: max === null ? null : wholeYuanBound(max, 'up'),
  };
}

function nonEmpty(values: (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/**
 * An achievement's search document: public fields only. Internal notes, the import's
 * bookkeeping and researchers' contact details never reach the index.
 */
export function achievementDocument(
  row: Achievement,
  owner: Owner,
  researcherNames: string[],
  names: TermNames,
): SearchDocument {
  return {
    id: row.id,
    kind: 'achievement',
    ownerOrgId: row.orgId,
    title: row.title,
    keywords: row.keywords,
    summary: row.summary,
    otherText: nonEmpty([
      row.applicationScenarios,
      row.advantages,
      row.institutionName,
      ...fieldNames(row.fieldCodes, names),
      ...researcherNames,
    ]),
    fieldCodes: row.fieldCodes,
    regionCodes: owner.region ? [owner.region] : [],
    maturity: row.maturityStage,
    ipTypes: row.ipType ? [row.ipType] : [],
    transferModes: row.transferModes,
    // The owning university or institute, so the facet counts institutions, not their labs.
    institution: owner.name,
    amount: amountRange(row.priceMin, row.priceMax),
    status: row.status,
    visibility: isPubliclyVisible(row.status) ? 'public' : 'private',
    display: {
      organisation: owner.name,
      institutionName: row.institutionName,
      trl: row.trl,
      legalStatus: row.legalStatus,
      priceMin: row.priceMin,
      priceMax: row.priceMax,
      separateLedger: row.separateLedger,
      researchers: researcherNames,
    },
    updatedAt: row.updatedAt,
  };
}

/**
 * A need's search document. A `summary_only` need shows others its title, summary and
 * keywords only, so only those are indexed: details and budget stay out.
 */
export function needDocument(row: Need, owner: Owner, names: TermNames): SearchDocument {
  const open = row.confidentiality === 'public';
  return {
    id: row.id,
    kind: 'need',
    ownerOrgId: row.orgId,
    title: row.title,
    keywords: row.keywords,
    summary: open ? nonEmpty([row.summary, row.description]).join('\n') : row.summary,
    otherText: nonEmpty([
      ...(open ? [row.problem, row.indicators, row.existingConditions] : []),
      ...fieldNames(row.fieldCodes, names),
    ]),
    fieldCodes: row.fieldCodes,
    regionCodes: row.regionCode ? [row.regionCode] : owner.region ? [owner.region] : [],
    maturity: row.desiredStage,
    ipTypes: [],
    transferModes: row.cooperationModes,
    institution: owner.name,
    amount: open ? amountRange(row.budgetMin, row.budgetMax) : null,
    status: row.status,
    visibility: isPubliclyVisible(row.status) ? 'public' : 'private',
    display: {
      organisation: owner.name,
      minTrl: row.minTrl,
      deadline: row.deadline,
      confidentiality: row.confidentiality,
      ...(open ? { budgetMin: row.budgetMin, budgetMax: row.budgetMax } : {}),
    },
    updatedAt: row.updatedAt,
  };
}

/** A researcher's search document: the public profile, never e-mail or phone. */
export function researcherDocument(row: Researcher, owner: Owner, names: TermNames): SearchDocument {
  return {
    id: row.id,
    kind: 'researcher',
    ownerOrgId: row.orgId,
    title: row.name,
    keywords: row.researchAreas,
    summary: row.profile,
    otherText: nonEmpty([row.title, row.institutionName, row.commissionerNote, ...fieldNames(row.fieldCodes, names)]),
    fieldCodes: row.fieldCodes,
    regionCodes: owner.region ? [owner.region] : [],
    maturity: null,
    ipTypes: [],
    transferModes: [],
    institution: row.institutionName || owner.name,
    amount: null,
    status: row.active ? 'published' : 'archived',
    visibility: row.active ? 'public' : 'private',
    display: {
      organisation: owner.name,
      title: row.title,
      commissionerAvailable: row.commissionerAvailable,
    },
    updatedAt: row.updatedAt,
  };
}
