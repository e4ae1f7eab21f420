import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchModule } from '@kuaizhuan/platform';
import { Connection } from './entities/connection.entity';
import { ManagerProfile } from './entities/manager-profile.entity';
import { Recommendation } from './entities/recommendation.entity';
import { ResearcherMatch } from './entities/researcher-match.entity';
import { AchievementProfiles } from './pipeline/profiles';
import { FieldTreeSource } from './pipeline/field-tree';
import { MatchingSettings } from './pipeline/matching-settings';
import { NeedMatcher } from './pipeline/need-matcher';
import { TextRetrieval } from './pipeline/text-retrieval';

/** The matcher and what it reads: search candidates, the field taxonomy, achievement profiles. */
@Module({
  imports: [TypeOrmModule.forFeature([Recommendation, ResearcherMatch, Connection, ManagerProfile]), SearchModule],
  providers: [MatchingSettings, FieldTreeSource, AchievementProfiles, TextRetrieval, NeedMatcher],
  exports: [
    TypeOrmModule,
    SearchModule,
    MatchingSettings,
    FieldTreeSource,
    AchievementProfiles,
    TextRetrieval,
    NeedMatcher,
  ],
})
export class MatchingCoreModule {}
