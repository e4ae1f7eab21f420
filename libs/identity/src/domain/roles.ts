/** What an organisation is; decides which roles its members may hold. */
export const ORGANISATION_KINDS = [
  'enterprise',
  'university',
  'research_institute',
  'service_agency',
  'government',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const USER_ROLES = ['enterprise', 'tto', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * Roles with platform-wide power: the review queue, moderation, confidential details,
 * brokering (manager) and everything of the operator (admin). Only an admin grants them.
 */
export const PLATFORM_ROLES: readonly UserRole[] = ['manager', 'admin'];

export function isPlatformRole(role: UserRole): boolean {
  return PLATFORM_ROLES.includes(role);
}

/**
 * The role of the first user when an organisation signs itself up. Government bodies and
 * technology-manager agencies are not self-registered: both hold platform power, which only
 * the operator grants (it creates the agency and invites its managers).
 */
const SELF_REGISTRATION_ROLE: { [K in OrganisationKind]: UserRole | null } = {
  enterprise: 'enterprise',
  university: 'tto',
  research_institute: 'tto',
  service_agency: null,
  government: null,
};

/** Roles the members of each kind of organisation may hold. */
const MEMBER_ROLES: { [K in OrganisationKind]: readonly UserRole[] } = {
  enterprise: ['enterprise'],
  university: ['tto'],
  research_institute: ['tto'],
  // Technology managers (技术经理人) of an agency the operator onboarded.
  service_agency: ['manager'],
  // The operator / science bureau: administrators and platform-side technology managers.
  government: ['admin', 'manager'],
};

export const SELF_REGISTRABLE_KINDS = ORGANISATION_KINDS.filter((kind) => SELF_REGISTRATION_ROLE[kind] !== null);

export function selfRegistrationRole(kind: OrganisationKind): UserRole | null {
  return SELF_REGISTRATION_ROLE[kind];
}

export function memberRoles(kind: OrganisationKind): readonly UserRole[] {
  return MEMBER_ROLES[kind];
}

export interface InvitationRefusal {
  /** `unfit`: the role does not exist in this kind of organisation; `not_permitted`: not by this inviter. */
  kind: 'unfit' | 'not_permitted';
  reason: string;
}

/**
 * Why `inviter` may not invite someone as `role` into an organisation of `kind`,
 * or null when the invitation is allowed.
 */
export function invitationRefusal(inviter: UserRole, kind: OrganisationKind, role: UserRole): InvitationRefusal | null {
  if (!MEMBER_ROLES[kind].includes(role)) {
    return {
      kind: 'unfit',
      reason: `role must be one of ${MEMBER_ROLES[kind].join(', ')} in an organisation of kind ${kind}`,
    };
  }
  if (isPlatformRole(role) && inviter !== 'admin')
    return { kind: 'not_permitted', reason: `only the operator (an admin) may grant the ${role} role` };
  return null;
}
