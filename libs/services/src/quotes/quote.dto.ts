import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '@kuaizhuan/platform';
import { QUOTE_ACTIONS, QUOTE_STATUSES, type QuoteAction, type QuoteStatus } from '../domain/quote-machine';
import { AMOUNT_PATTERN, MAX_TRL, MIN_TRL } from '../domain/vocabulary';

export class RequestQuoteDto {
  /** The platform's service asked for. */
  @IsUUID()
  serviceId: string;

  /** The achievement the step is for: the TTO's own, or a published one for a company. */
  @IsUUID()
  achievementId: string;

  /** The recommendation whose maturity gap led here, if any. */
  @IsOptional()
  @IsUUID()
  recommendationId?: string;

  /** The maturity (TRL) the step should reach: above the achievement's, within the service's range. */
  @IsInt()
  @Min(MIN_TRL)
  @Max(MAX_TRL)
  targetTrl: number;

  /** What is asked, in the requester's words: the first message of the quote. */
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  message: string;
}

export class QuoteTransitionDto {
  /** quote (platform), accept (requester), complete (platform), decline (either, before acceptance). */
  @IsIn(QUOTE_ACTIONS)
  action: QuoteAction;

  /** quote: the price in yuan, as a decimal string. */
  @ValidateIf((body: QuoteTransitionDto) => body.action === 'quote')
  @Matches(AMOUNT_PATTERN, {
    message: '$property must be a non-negative amount with at most two decimals, as a string',
  })
  price?: string;

  /** quote: days from acceptance to completion. */
  @ValidateIf((body: QuoteTransitionDto) => body.action === 'quote')
  @IsInt()
  @Min(1)
  @Max(3650)
  leadTimeDays?: number;

  /** complete: the maturity (TRL) the step reached. */
  @ValidateIf((body: QuoteTransitionDto) => body.action === 'complete')
  @IsInt()
  @Min(MIN_TRL)
  @Max(MAX_TRL)
  trlReached?: number;

  /** complete: what was done and shown (the report); decline: why. */
  @ValidateIf((body: QuoteTransitionDto) => body.action === 'complete' || body.action === 'decline')
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  note?: string;
}

export class QuoteMessageDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body: string;
}

export class QuoteListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(QUOTE_STATUSES)
  status?: QuoteStatus;
}
