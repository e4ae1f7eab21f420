import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { InvitationStatus } from '../domain/invitation-status';
import { USER_ROLES, type UserRole } from '../domain/roles';
import { EmailField, PasswordField, PhoneField, TextField } from '../http/fields';

export class CreateInvitationDto {
  /** Address the invitation is sent to; it becomes the new user's sign-in. */
  @EmailField()
  email: string;

  /** Role of the new user; it must fit the organisation's kind (admin only in government organisations, by an admin). */
  @IsIn(USER_ROLES)
  role: UserRole;
}

export class AcceptInvitationDto {
  /** The token from the invitation e-mail's link. */
  @IsString()
  @Length(20, 200)
  token: string;

  /** The new user's display name. */
  @TextField(1, 100)
  name: string;

  /** At least 10 characters. */
  @PasswordField()
  password: string;

  @IsOptional()
  @PhoneField()
  phone?: string;
}

/** An invitation as its organisation sees it (never its token). */
export class InvitationView {
  id: string;
  organisationId: string;
  email: string;
  role: UserRole;
  /** pending (e-mail not sent yet), sent, accepted, revoked or expired. */
  status: InvitationStatus;
  invitedById: string;
  expiresAt: Date;
  sentAt: Date | null;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}
