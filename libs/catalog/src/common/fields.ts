import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  buildMessage,
  IsArray,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { AMOUNT_PATTERN, rangeProblem } from '../domain/money';

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Free text, trimmed, with a length range. */
export function Text(min: number, max: number): PropertyDecorator {
  return applyDecorators(trim, IsString(), Length(min, max));
}

/** A list of short strings, each trimmed, de-duplicated. */
export function StringList(maxItems: number, maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? [...new Set(value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)))] : value,
    ),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );
}

/** An amount in yuan as a decimal string ("500000.00"): never a JSON number, so never a float. */
export function Amount(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '$property must be a decimal string such as "500000.00"' }),
    Matches(AMOUNT_PATTERN, { message: '$property must be a non-negative amount in yuan with at most 2 decimals' }),
    MaxLength(15),
  );
}

/** The lower bound of a range: refused when above the sibling upper bound. */
export function NotAbove(maxProperty: string): PropertyDecorator {
  return ValidateBy({
    name: 'notAbove',
    constraints: [maxProperty],
    validator: {
      validate(value: unknown, args?: ValidationArguments): boolean {
        const max = (args?.object as Record<string, unknown> | undefined)?.[maxProperty];
        if (typeof value !== 'string' || typeof max !== 'string') return true;
        return rangeProblem(value, max, 'min', 'max') === null;
      },
      defaultMessage: buildMessage((each) => `${each}$property must not be greater than ${maxProperty}`),
    },
  });
}
