import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { COOPERATION_MODES, type CooperationMode } from '@kuaizhuan/catalog';

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** A search to save: the search page's type, text and filters, with a name for the list. */
export class SaveSearchDto {
  /** What the list calls it; the search text when left out. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  /** Achievements or needs. */
  @IsIn(['achievement', 'need'])
  type: 'achievement' | 'need';

  /** The search text; empty means every new listing that passes the filters. */
  @IsOptional()
  @IsString()
  @Length(0, 200)
  q?: string;

  /** Technology field codes (any of). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  field?: string[];

  /** Region codes (any of). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  region?: string[];

  /** Maturity stage codes (any of). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  maturity?: string[];

  /** IP type codes (any of). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  ipType?: string[];

  /** Transfer or cooperation modes (any of). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COOPERATION_MODES.length)
  @IsIn(COOPERATION_MODES, { each: true })
  mode?: CooperationMode[];

  /** Institution names (any of). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  institution?: string[];

  /** Lowest price or budget in yuan, e.g. "500000" or "500000.00". */
  @IsOptional()
  @Matches(AMOUNT, { message: 'amountMin must be an amount in yuan with at most two decimals' })
  amountMin?: string;

  /** Highest price or budget in yuan. */
  @IsOptional()
  @Matches(AMOUNT, { message: 'amountMax must be an amount in yuan with at most two decimals' })
  amountMax?: string;
}

/** A click on an unsubscribe link: which saved search, and the token the message carried. */
export class UnsubscribeDto {
  @IsUUID()
  id: string;

  @IsString()
  @Length(1, 100)
  token: string;
}
