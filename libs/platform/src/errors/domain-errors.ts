/**
 * Errors the domain raises; the HTTP filter turns each into a 4xx body.
 * `field` names the input at fault when there is one.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The object does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

/** The request clashes with the current state (duplicate, wrong lifecycle step). */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** Well-formed input the domain cannot accept. */
export class InvalidInputError extends DomainError {
  readonly status = 422;
  readonly code = 'invalid';
}

/** A service the request needs (the search engine, the database) cannot be reached now; retry later. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'unavailable';
}
