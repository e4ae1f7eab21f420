import { IsString, Length } from 'class-validator';
import { EmailField } from '../http/fields';

/** The answer to a registration or a resend, the same whether or not the address has an account. */
export class SignupAnswer {
  /** An e-mail is on its way to the address: a confirmation link, or a notice to an existing account's owner. */
  status: 'confirmation_sent';
}

/** The token from the confirmation e-mail's link. */
export class ConfirmEmailDto {
  @IsString()
  @Length(20, 200)
  token: string;
}

/** The address a registration was made with, to mail it a new confirmation link. */
export class ResendConfirmationDto {
  @EmailField()
  email: string;
}
