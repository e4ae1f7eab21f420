// The public door of @kuaizhuan/identity: other libs and apps import only from here.
export { IdentityModule } from './identity.module';
export { IdentityWorkerModule } from './identity-worker.module';

export { CurrentUser, Roles, ROLES_KEY, Standing, type Caller } from './auth/caller';
export { Public } from '@kuaizhuan/platform';
export { AuditLog, type AuditEntry, type AuditActor } from './audit/audit-log';

export { Organisation } from './entities/organisation.entity';
export {
  activeManagers,
  isActiveManager,
  isCompany,
  organisationKind,
  isVerifiedOrganisation,
  organisationNames,
  organisationRegions,
  userNames,
  organisationContacts,
  contactPeople,
  type OrganisationContact,
  type ContactPerson,
  verifiedCompanies,
  type ActiveManager,
  type CompanyRef,
} from './organisations/organisation.repository';
export { User } from './entities/user.entity';
export {
  ORGANISATION_KINDS,
  USER_ROLES,
  VERIFICATION_STATUSES,
  type OrganisationKind,
  type UserRole,
  type VerificationStatus,
} from './domain/roles';
export { completeCreditCode, isValidCreditCode } from './domain/credit-code';

export { seedIdentity, DEMO_PASSWORD, type DemoAccounts } from './seed';
export { currentConsent } from './verification/legal-texts';
