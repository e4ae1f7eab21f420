import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ANSWERS, DECLINE_REASONS, type Answer, type DeclineReason } from '../domain/recommendation-status';

export class AnswerDto {
  /** `interested` or `declined`. Final: each side answers once. */
  @IsIn(ANSWERS)
  answer: Answer;

  /** Why not: required when declining (and only kept then). */
  @ValidateIf((body: AnswerDto) => body.answer === 'declined' || body.reason !== undefined)
  @IsIn(DECLINE_REASONS)
  reason?: DeclineReason;

  /** A note for your own organisation's record; never shown to the other side. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
