/** What a service platform is (an organisation may be more than one). */
export const PLATFORM_KINDS = ['proof_of_concept', 'pilot', 'incubator'] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

export const PLATFORM_KIND_NAMES: Record<PlatformKind, { zh: string; en: string }> = {
  proof_of_concept: { zh: '概念验证中心', en: 'proof-of-concept centre' },
  pilot: { zh: '中试验证平台', en: 'pilot platform' },
  incubator: { zh: '孵化器', en: 'incubator' },
};

/** The operator's decision on an organisation's application to act as a service platform. */
export const PLATFORM_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

/** Technology readiness levels run from 1 (principle observed) to 9 (proven in operation). */
export const MIN_TRL = 1;
export const MAX_TRL = 9;

/** A yuan amount written as a string: at most 12 integer digits and 2 decimals. */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
