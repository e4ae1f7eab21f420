/** How long a mailed confirmation link works. */
export const CONFIRMATION_TTL_HOURS = 24;

export type ConfirmationState = 'confirmed' | 'unsent' | 'usable' | 'expired';

export interface ConfirmationFields {
  emailConfirmedAt: Date | null;
  confirmationTokenHash: string | null;
  confirmationExpiresAt: Date | null;
}

/** Where a user's e-mail confirmation stands at `now`. */
export function confirmationState(user: ConfirmationFields, now: Date): ConfirmationState {
  if (user.emailConfirmedAt) return 'confirmed';
  if (!user.confirmationTokenHash || !user.confirmationExpiresAt) return 'unsent';
  return user.confirmationExpiresAt.getTime() > now.getTime() ? 'usable' : 'expired';
}

/**
 * Whether an unconfirmed registration still holds what it claimed (its organisation's credit
 * code): only while a link it asked for could still be opened.
 */
export function registrationLapsed(
  user: { emailConfirmedAt: Date | null; confirmationRequestedAt: Date | null },
  now: Date,
): boolean {
  if (user.emailConfirmedAt) return false;
  const requested = user.confirmationRequestedAt?.getTime() ?? 0;
  return now.getTime() - requested > CONFIRMATION_TTL_HOURS * 3600 * 1000;
}
