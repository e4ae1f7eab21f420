/** Where an invitation stands; `pending` means created but its e-mail not yet sent. */
export type InvitationStatus = 'pending' | 'sent' | 'accepted' | 'revoked' | 'expired';

export interface InvitationState {
  sentAt: Date | null;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** Invitations are valid for this long from their creation. */
export const INVITATION_TTL_DAYS = 7;

export function invitationStatus(invitation: InvitationState, now: Date): InvitationStatus {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.revokedAt !== null) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return invitation.sentAt !== null ? 'sent' : 'pending';
}
