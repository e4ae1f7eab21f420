import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { SELF_REGISTRABLE_KINDS, type OrganisationKind } from '../domain/roles';
import { CreditCodeField, EmailField, PasswordField, PhoneField, TextField } from '../http/fields';
import { OrganisationView, UserView } from '../organisations/organisation.dto';
import { ConsentDto } from '../verification/verification.dto';

/** The organisation being signed up. It starts `pending` until an admin verifies it. */
export class RegisterOrganisationDto {
  /** Registered name, 2–200 characters. */
  @TextField(2, 200)
  name: string;

  /**
   * enterprise, university or research_institute. Government bodies and technology-manager
   * agencies hold platform power: the operator onboards them, not this form.
   */
  @IsIn(SELF_REGISTRABLE_KINDS, {
    message: `$property must be one of ${SELF_REGISTRABLE_KINDS.join(', ')}; government bodies and manager agencies are onboarded by the operator`,
  })
  kind: Exclude<OrganisationKind, 'government' | 'service_agency'>;

  /** 统一社会信用代码, 18 characters. */
  @IsOptional()
  @CreditCodeField()
  creditCode?: string;

  /** Region code, e.g. a Chongqing district. */
  @IsOptional()
  @TextField(1, 64)
  region?: string;

  @IsOptional()
  @TextField(1, 100)
  contactName?: string;

  @IsOptional()
  @EmailField()
  contactEmail?: string;

  @IsOptional()
  @PhoneField()
  contactPhone?: string;
}

/** Signs up an organisation and its first user, who gets the role that fits the organisation's kind. */
export class RegisterDto {
  /** The first user's e-mail address, used to sign in. */
  @EmailField()
  email: string;

  /** At least 10 characters. */
  @PasswordField()
  password: string;

  /** The first user's display name. */
  @TextField(1, 100)
  name: string;

  @IsOptional()
  @PhoneField()
  phone?: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RegisterOrganisationDto)
  organisation: RegisterOrganisationDto;

  /**
   * The versions of the user agreement and the privacy notice the person accepted
   * (GET /api/legal/documents), required: nobody gets an account without consenting
   * (个人信息保护法). Recorded with the time.
   */
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;
}

export class LoginDto {
  @EmailField()
  email: string;

  @IsString()
  @Length(1, 256)
  password: string;
}

/** A refresh token as handed out at sign-in or by the last refresh. */
export class RefreshDto {
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class TokenPairView {
  /** JWT for `Authorization: Bearer …`. */
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
  /** Single-use: exchange it at /api/auth/refresh for a new pair. */
  refreshToken: string;
  /** When the sign-in session ends, however often it is refreshed. */
  refreshTokenExpiresAt: Date;
}

export class AuthResult {
  user: UserView;
  organisation: OrganisationView;
  tokens: TokenPairView;
}

export class MeView {
  user: UserView;
  organisation: OrganisationView;
}
