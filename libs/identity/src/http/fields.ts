import { applyDecorators, Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { RequestValidationError } from '@kuaizhuan/platform';
import { Transform } from 'class-transformer';
import { buildMessage, IsEmail, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';
import { passwordWeakness } from '../auth/password-strength';
import { isValidCreditCode } from '../domain/credit-code';

/** An e-mail address, trimmed and lower-cased (addresses are unique case-insensitively). */
export function EmailField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: '$property must be an e-mail address' }),
    MaxLength(254),
  );
}

/** Free text with surrounding blanks removed and a length range. */
export function TextField(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    Length(min, max),
  );
}

export function PhoneField(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(/^\+?[0-9][0-9 -]{4,30}$/, {
      message: '$property must be a phone number (digits, spaces, dashes, optional +)',
    }),
    MaxLength(32),
  );
}

/** Other fields of the same body a password must not be built from. */
const PERSONAL_FIELDS = ['email', 'name'] as const;

/**
 * A new password: 10 to 256 characters (the upper bound keeps hashing cheap to refuse) and not
 * easy to guess, as zxcvbn estimates it against common passwords and the user's own e-mail and name.
 */
export function PasswordField(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Length(10, 256, { message: '$property must be between 10 and 256 characters' }),
    ValidateBy({
      name: 'isStrongPassword',
      validator: {
        validate: (value: unknown, args) => {
          if (typeof value !== 'string' || value.length < 10 || value.length > 256) return true;
          const body = (args?.object ?? {}) as Record<string, unknown>;
          const personal = PERSONAL_FIELDS.map((key) => body[key]).filter((v): v is string => typeof v === 'string');
          return passwordWeakness(value, personal) === null;
        },
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property is too easy to guess (a common password, a run of keys, or your own name or e-mail)`,
        ),
      },
    }),
  );
}

/** 统一社会信用代码, upper-cased, with a correct check character. */
export function CreditCodeField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    ValidateBy({
      name: 'isCreditCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidCreditCode(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an 18-character unified social credit code with a correct check character`,
        ),
      },
    }),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameters that must be UUIDs: 400 naming the parameter instead of a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID.test(value)) {
      throw new RequestValidationError([{ field: metadata.data ?? 'id', message: 'must be a UUID' }]);
    }
    return value.toLowerCase();
  }
}
