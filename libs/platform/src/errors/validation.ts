import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  message: string;
  /**
   * The rule the value broke, as class-validator names it (`maxLength`, `isIn`,
   * `whitelistValidation` for an unknown field, …), so a client can word it in its own language.
   */
  constraint?: string;
}

/** Flattens class-validator's tree into `a.b[2].c: message` entries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, message: message.replace(/^property \S+ /, `${field} `), constraint });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super({
      statusCode: 400,
      error: 'validation_failed',
      message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      fields: problems,
    });
  }
}

/** Unknown fields are refused, known ones are converted to their declared types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
