/** What the api answers about legal texts, consents and business licences (see libs/identity/src/verification). */
export type LegalDocumentKind = 'terms' | 'privacy';

export interface LegalText {
  document: LegalDocumentKind;
  version: string;
  title: { zh: string; en: string };
  body: { zh: string[]; en: string[] };
}

export interface LicenceInfo {
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export interface VerificationDetails {
  registrant: { name: string; email: string; phone: string | null } | null;
  licence: LicenceInfo | null;
  consents: { document: LegalDocumentKind; version: string; acceptedAt: string; userName: string }[];
}

/** Largest business licence the api takes (5 MB). */
export const MAX_LICENCE_BYTES = 5 * 1024 * 1024;
export const LICENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
