import { DomainError } from '@kuaizhuan/platform';

/** The right password for an account whose e-mail address was never confirmed. */
export class EmailUnconfirmedError extends DomainError {
  readonly status = 403;
  readonly code = 'email_unconfirmed';
}

/** A confirmation link past its time; a new one can be asked for. */
export class ConfirmationExpiredError extends DomainError {
  readonly status = 410;
  readonly code = 'confirmation_expired';
}
