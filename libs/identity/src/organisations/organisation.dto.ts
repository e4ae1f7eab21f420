import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import {
  VERIFICATION_STATUSES,
  type OrganisationKind,
  type UserRole,
  type UserStatus,
  type VerificationStatus,
} from '../domain/roles';
import type { Organisation } from '../entities/organisation.entity';
import type { User } from '../entities/user.entity';
import { EmailField, PhoneField, TextField } from '../http/fields';

/** An organisation as the API shows it. */
export class OrganisationView {
  id: string;
  name: string;
  /** enterprise, university, research_institute, service_agency or government. */
  kind: OrganisationKind;
  /** 统一社会信用代码. */
  creditCode: string | null;
  /** Region code, e.g. a Chongqing district. */
  region: string | null;
  /** pending until an admin verifies or rejects the organisation. */
  verificationStatus: VerificationStatus;
  /** Why it was rejected. */
  verificationReason: string | null;
  verifiedAt: Date | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toOrganisationView(org: Organisation): OrganisationView {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    creditCode: org.creditCode,
    region: org.region,
    verificationStatus: org.verificationStatus,
    verificationReason: org.verificationReason,
    verifiedAt: org.verifiedAt,
    contactName: org.contactName,
    contactEmail: org.contactEmail,
    contactPhone: org.contactPhone,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}

/** A user as the API shows it (never the password hash). */
export class UserView {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  phone: string | null;
  /** enterprise, tto, manager or admin. */
  role: UserRole;
  status: UserStatus;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    displayName: user.displayName,
    phone: user.phone,
    role: user.role,
    status: user.status,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

/** Profile fields an organisation edits itself. Kind, status and verification are not among them. */
export class UpdateOrganisationDto {
  /** Registered name, 2–200 characters. */
  @ValidateIf((_, value) => value !== undefined)
  @TextField(2, 200)
  name?: string;

  /** Region code, e.g. a Chongqing district; null clears it. */
  @IsOptional()
  @TextField(1, 64)
  region?: string | null;

  /** Contact person; null clears it. */
  @IsOptional()
  @TextField(1, 100)
  contactName?: string | null;

  /** Contact e-mail; null clears it. */
  @IsOptional()
  @EmailField()
  contactEmail?: string | null;

  /** Contact phone; null clears it. */
  @IsOptional()
  @PhoneField()
  contactPhone?: string | null;
}

/** Filters of the admin's organisation list. */
export class ListOrganisationsQuery {
  /** Only organisations in this verification status. */
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  status?: VerificationStatus;

  /** Page size, 1–100 (default 50). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Rows to skip (default 0). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class OrganisationPage {
  items: OrganisationView[];
  total: number;
}

export class RejectOrganisationDto {
  /** Why the organisation is rejected, shown to its members (3–1000 characters). */
  @TextField(3, 1000)
  reason: string;
}
