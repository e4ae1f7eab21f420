import { IsOptional, IsString, Matches, MaxLength, MinLength, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { isPlausibleDate } from '@kuaizhuan/platform';

export class RegisterQueryDto {
  /** The year of the annual report, e.g. `2026`: disposals signed or paid in it, and its income; all years when left out. */
  @IsOptional()
  @Matches(/^20\d\d$/, { message: 'year must be a year from 2000 to 2099, such as 2026' })
  year?: string;
}

@ValidatorConstraint({ name: 'isCalendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isPlausibleDate(value);
  }
  defaultMessage(): string {
    return '$property must be a real date written YYYY-MM-DD between 2000 and 2100';
  }
}

export class ApprovalDto {
  /** Who approved the disposal: a person or a body such as 校长办公会. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  approvedBy: string;

  /** The day of the approval, YYYY-MM-DD. */
  @Validate(CalendarDate)
  approvedOn: string;

  /** The approval document's reference (文号). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  documentRef: string;
}
