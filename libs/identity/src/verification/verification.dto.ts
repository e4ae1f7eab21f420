import { IsString, Length } from 'class-validator';
import type { LegalDocument } from './legal-texts';

/** The versions of the legal texts the person read and accepted when registering. */
export class ConsentDto {
  /** Version of the user agreement accepted (GET /api/legal/documents names the current one). */
  @IsString()
  @Length(1, 20)
  termsVersion: string;

  /** Version of the privacy notice accepted. */
  @IsString()
  @Length(1, 20)
  privacyVersion: string;
}

export class LegalTextView {
  document: LegalDocument;
  version: string;
  title: { zh: string; en: string };
  body: { zh: string[]; en: string[] };
}

/** The business licence on file (without its content). */
export class LicenceView {
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
}

export class LicenceOnFileView {
  /** Null until one is uploaded. */
  licence: LicenceView | null;
}

export class ConsentView {
  document: LegalDocument;
  version: string;
  acceptedAt: Date;
  userName: string;
}

/** The person who registered an organisation (its first user). */
export class RegistrantView {
  name: string;
  email: string;
  phone: string | null;
}

/** What the operator checks before verifying an organisation. */
export class VerificationDetailsView {
  /** The person who registered the organisation; null for one the platform created (no registrant). */
  registrant: RegistrantView | null;
  licence: LicenceView | null;
  consents: ConsentView[];
}
