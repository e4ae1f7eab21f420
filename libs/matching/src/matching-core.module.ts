import { Module } from '@nestjs/common';
import { SearchModule } from '@kuaizhuan/platform';
import { AchievementProfiles } from './pipeline/profiles';
import { FieldTreeSource } from './pipeline/field-tree';
import { MatchingSettings } from './pipeline/matching-settings';
import { NeedMatcher } from './pipeline/need-matcher';

/** The matcher and what it reads: search candidates, the field taxonomy, achievement profiles. */
@Module({
  imports: [SearchModule],
  providers: [MatchingSettings, FieldTreeSource, AchievementProfiles, NeedMatcher],
  exports: [MatchingSettings, FieldTreeSource, AchievementProfiles, NeedMatcher],
})
export class MatchingCoreModule {}
