/** The state of a stored refresh token that decides what presenting it does. */
export interface RefreshTokenState {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * - `rotate`: valid; mark it used and hand out a successor in the same family.
 * - `grace`: it was exchanged moments ago (within the grace window), e.g. a page reloaded while its
 *   refresh was on the wire and never saw the answer: hand out another successor in the family.
 * - `reuse`: it was already exchanged, so a copy is in someone else's hands: revoke the family.
 * - `revoked`: the family was ended (logout or an earlier reuse).
 * - `expired`: the family outlived its lifetime.
 */
export type RefreshDecision = 'rotate' | 'grace' | 'reuse' | 'revoked' | 'expired';

export function decideRefresh(token: RefreshTokenState, now: Date, graceMs = 0): RefreshDecision {
  const expired = token.expiresAt.getTime() <= now.getTime();
  if (token.usedAt !== null) {
    const justUsed = now.getTime() - token.usedAt.getTime() < graceMs;
    return justUsed && token.revokedAt === null && !expired ? 'grace' : 'reuse';
  }
  if (token.revokedAt !== null) return 'revoked';
  if (expired) return 'expired';
  return 'rotate';
}

/** A family lives REFRESH_TOKEN_TTL_DAYS from sign-in; rotation does not extend it. */
export function familyExpiry(signedInAt: Date, ttlDays: number): Date {
  return new Date(signedInAt.getTime() + ttlDays * 24 * 3600 * 1000);
}
