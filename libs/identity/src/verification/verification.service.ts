import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RequestValidationError, uploadedName } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { Caller } from '../auth/caller';
import { Organisation } from '../entities/organisation.entity';
import { ownOrganisation } from '../organisations/organisations.service';
import { LegalConsent } from './legal-consent.entity';
import { currentText, LEGAL_DOCUMENTS } from './legal-texts';
import { licenceType, MAX_LICENCE_BYTES } from './licence-file';
import { OrganisationLicence } from './organisation-licence.entity';
import type {
  ConsentDto,
  LegalTextView,
  LicenceOnFileView,
  LicenceView,
  VerificationDetailsView,
} from './verification.dto';

export interface LicenceUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

function licenceView(row: OrganisationLicence): LicenceView {
  return { fileName: row.fileName, contentType: row.contentType, size: row.size, uploadedAt: row.uploadedAt };
}

/** Registration's consent to the legal texts, and the business licence the operator checks. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** The texts a registration accepts now. */
  documents(): LegalTextView[] {
    return LEGAL_DOCUMENTS.map((document) => currentText(document));
  }

  /**
   * Records the consent given at registration, in the registration's transaction. Only the
   * current versions are accepted: someone who read an older text is asked to read again.
   */
  async recordConsent(manager: EntityManager, userId: string, consent: ConsentDto): Promise<void> {
    const given = this.checkConsent(consent);
    await manager.insert(
      LegalConsent,
      LEGAL_DOCUMENTS.map((document) => ({ userId, document, version: given[document] })),
    );
  }

  /** Refuses a consent to anything but the current texts (a 400 naming each stale version). */
  checkConsent(consent: ConsentDto): Record<(typeof LEGAL_DOCUMENTS)[number], string> {
    const given = { terms: consent.termsVersion, privacy: consent.privacyVersion };
    const stale = LEGAL_DOCUMENTS.filter((document) => given[document] !== currentText(document).version);
    if (stale.length > 0) {
      throw new RequestValidationError(
        stale.map((document) => ({
          field: `consent.${document}Version`,
          message: `the current version of the ${document} text is ${currentText(document).version}`,
        })),
      );
    }
    return given;
  }

  /**
   * A member uploads the organisation's business licence while it waits for verification (or
   * after a rejection); a verified organisation's licence is settled. Type by content, size capped.
   */
  async uploadLicence(caller: Caller, id: string, file: LicenceUpload | undefined): Promise<LicenceView> {
    const orgId = ownOrganisation(caller, id);
    if (!file) throw new RequestValidationError([{ field: 'file', message: 'file is required' }]);
    if (file.size > MAX_LICENCE_BYTES) {
      throw new RequestValidationError([{ field: 'file', message: `file must be at most ${MAX_LICENCE_BYTES} bytes` }]);
    }
    const contentType = licenceType(file.buffer);
    if (!contentType) {
      throw new RequestValidationError([{ field: 'file', message: 'file must be a PDF, PNG or JPEG file' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.findOne(Organisation, { where: { id: orgId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('Organisation not found', 'id');
      if (org.verificationStatus === 'verified') {
        throw new ConflictError('The organisation is verified already; its licence is on record', 'verificationStatus');
      }
      const row = manager.create(OrganisationLicence, {
        organisationId: orgId,
        fileName: uploadedName(file.originalname).slice(0, 255) || 'licence',
        contentType,
        size: file.size,
        content: file.buffer,
        uploadedBy: caller.userId,
        uploadedAt: new Date(),
      });
      await manager.upsert(OrganisationLicence, row, ['organisationId']);
      await this.audit.record(manager, {
        action: 'organisation.licence_uploaded',
        actor: caller,
        subject: { type: 'organisation', id: orgId },
        details: { fileName: row.fileName, contentType, size: file.size },
      });
      return licenceView(row);
    });
  }

  /** The licence on file for the caller's own organisation (or any, for an admin). */
  async licenceOf(caller: Caller, id: string): Promise<LicenceOnFileView> {
    const orgId = caller.role === 'admin' ? id : ownOrganisation(caller, id);
    if (!(await this.dataSource.manager.existsBy(Organisation, { id: orgId }))) {
      throw new NotFoundError('Organisation not found', 'id');
    }
    const row = await this.dataSource.manager.findOneBy(OrganisationLicence, { organisationId: orgId });
    return { licence: row ? licenceView(row) : null };
  }

  /** The file itself, for the operator (or the organisation's own members). */
  async licenceFile(caller: Caller, id: string): Promise<OrganisationLicence> {
    const orgId = caller.role === 'admin' ? id : ownOrganisation(caller, id);
    const row = await this.dataSource.manager
      .createQueryBuilder(OrganisationLicence, 'l')
      .addSelect('l.content')
      .where('l.organisation_id = :orgId', { orgId })
      .getOne();
    if (!row) throw new NotFoundError('No business licence uploaded', 'id');
    return row;
  }

  /** Admin: the registrant's contact, the licence and the consents, to decide on verification. */
  async details(id: string): Promise<VerificationDetailsView> {
    const org = await this.dataSource.manager.findOneBy(Organisation, { id });
    if (!org) throw new NotFoundError('Organisation not found', 'id');
    const [registrant]: { name: string; email: string; phone: string | null }[] = await this.dataSource.query(
      `SELECT display_name AS name, email, phone FROM user_account
        WHERE organisation_id = $1 ORDER BY created_at, id LIMIT 1`,
      [id],
    );
    const licence = await this.dataSource.manager.findOneBy(OrganisationLicence, { organisationId: id });
    const consents: VerificationDetailsView['consents'] = await this.dataSource.query(
      `SELECT c.document, c.version, c.accepted_at AS "acceptedAt", u.display_name AS "userName"
         FROM legal_consent c JOIN user_account u ON u.id = c.user_id
        WHERE u.organisation_id = $1 ORDER BY c.accepted_at, c.document`,
      [id],
    );
    return { registrant: registrant ?? null, licence: licence ? licenceView(licence) : null, consents };
  }
}
