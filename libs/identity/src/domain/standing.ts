import { isPlatformRole, type UserRole, type VerificationStatus } from './roles';

/**
 * What a route asks of the caller's organisation beyond a role:
 * - `verified` (the default for writes): only members of a verified organisation; named on a route,
 *   it holds for its reads too (an organisation's own books, which a pending one has not got yet);
 * - `draft`: a pending organisation may use it too (preparing drafts, never submitting them);
 * - `any`: every signed-in member, whatever their organisation's standing (their own account and profile).
 */
export type RouteStanding = 'verified' | 'draft' | 'any';

export interface StandingQuestion {
  role: UserRole;
  organisationStatus: VerificationStatus;
  /** GET or HEAD: reads, which a company or TTO of any standing may make. */
  reading: boolean;
  route: RouteStanding | undefined;
}

/** Why the caller may not use the route with their organisation's standing, or null when they may. */
export function standingRefusal(question: StandingQuestion): string | null {
  const { role, organisationStatus, reading, route } = question;
  if (organisationStatus === 'verified' || route === 'any') return null;
  // Platform power exists only inside a verified organisation; reads included.
  if (isPlatformRole(role)) return `Your organisation is ${organisationStatus}: the ${role} role is not in force`;
  if (reading && route !== 'verified') return null;
  if (organisationStatus === 'pending' && route === 'draft') return null;
  return organisationStatus === 'pending'
    ? 'Your organisation is waiting for verification: you may prepare drafts, but not submit, publish, answer or deal yet'
    : 'Your organisation is rejected or suspended: it may not take part in the platform';
}
