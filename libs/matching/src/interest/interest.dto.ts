import { IsUUID } from 'class-validator';

export class AchievementInterestDto {
  /** The caller's own published need the achievement would serve. */
  @IsUUID('all')
  needId: string;
}

export class NeedInterestDto {
  /** The caller's institution's published achievement that would serve the need. */
  @IsUUID('all')
  achievementId: string;
}
