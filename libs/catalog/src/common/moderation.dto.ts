import { IsOptional } from 'class-validator';
import { Text } from './fields';

export class ModerationDecisionDto {
  /** Why the submission is sent back, or a note kept with the approval. */
  @IsOptional()
  @Text(1, 2000)
  reason?: string;
}

export class RejectDto {
  /** Why the submission is sent back to its owner (shown to them). */
  @Text(1, 2000)
  reason: string;
}
