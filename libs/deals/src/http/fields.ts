import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isPlausibleDate } from '@kuaizhuan/platform';
import { AMOUNT_PATTERN, isPercent } from '../domain/money';

/** A yuan amount as a string: non-negative, at most 12 integer digits and 2 decimals. */
export const IsAmount = (): PropertyDecorator =>
  applyDecorators(
    IsString({ message: '$property must be a decimal string such as "1000.00"' }),
    Matches(AMOUNT_PATTERN, { message: '$property must be a non-negative amount with at most two decimals' }),
  );

@ValidatorConstraint({ name: 'isPercent' })
class PercentConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isPercent(value);
  }
  defaultMessage(): string {
    return '$property must be a percentage from 0 to 100 with at most four decimals, as a string';
  }
}

/** A percentage as a string, 0 to 100, at most four decimals. */
export const IsPercent = (): PropertyDecorator => Validate(PercentConstraint);

@ValidatorConstraint({ name: 'isCalendarDate' })
class DateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isPlausibleDate(value);
  }
  defaultMessage(): string {
    return '$property must be a real date written YYYY-MM-DD between 2000 and 2100';
  }
}

/** A real calendar date written YYYY-MM-DD, between 2000 and 2100. */
export const IsCalendarDate = (): PropertyDecorator => Validate(DateConstraint);
