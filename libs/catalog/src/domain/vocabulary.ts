/**
 * Fixed vocabularies of the catalogue: values the code branches on, so they are
 * not editable taxonomy terms (those live in the taxonomy_term table).
 */

/** Where a need or an achievement stands in its life. */
export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'matched', 'closed', 'expired'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Ways a result can change hands (合作方式 / 转化方式). */
export const COOPERATION_MODES = [
  'transfer', // 转让
  'licence', // 许可
  'use_first_pay_later', // 先使用后付费
  'equity', // 作价入股 / 以权代股
  'joint_development', // 合作开发
  'commissioned_rd', // 委托研发
] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

/** Legal status of the patents or rights behind an achievement. */
export const LEGAL_STATUSES = ['filed', 'granted', 'lapsed', 'not_applicable'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Who may read a need's details: everyone, or only the owner until a match is approved. */
export const CONFIDENTIALITIES = ['public', 'summary_only'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

/** Kinds of editable taxonomy. */
export const TAXONOMY_KINDS = ['field', 'region', 'ip_type', 'maturity_stage'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

/** Technology readiness levels (TRL). */
export const TRL_MIN = 1;
export const TRL_MAX = 9;

/** What users of the catalogue are, as far as the catalogue cares. */
export type CatalogRole = 'enterprise' | 'tto' | 'manager' | 'admin';

/** The caller of a catalogue operation: who, for which organisation, in which role. */
export interface Actor {
  userId: string;
  orgId: string;
  role: CatalogRole;
}

/** Admins and technology managers moderate listings and may read them whole. */
export function isModerator(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}
