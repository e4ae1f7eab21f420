import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchModule } from '@kuaizhuan/platform';
import { NotifierModule } from '@kuaizhuan/delivery';
import { AuditLog, Organisation } from '@kuaizhuan/identity';
import { AchievementModerationController, AchievementsController } from './achievements/achievements.controller';
import { AchievementsService } from './achievements/achievements.service';
import { AchievementResearcher } from './entities/achievement-researcher.entity';
import { Achievement } from './entities/achievement.entity';
import { CatalogImport } from './entities/catalog-import.entity';
import { Need } from './entities/need.entity';
import { Researcher } from './entities/researcher.entity';
import { TaxonomyTerm } from './entities/taxonomy-term.entity';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { NeedModerationController, NeedsController } from './needs/needs.controller';
import { NeedsService } from './needs/needs.service';
import { ListingNotices } from './notices/listing-notices';
import { ResearchersController } from './researchers/researchers.controller';
import { ResearchersService } from './researchers/researchers.service';
import { CatalogSearch } from './search/catalog-search';
import { SearchController } from './search/search.controller';
import { TaxonomyController } from './taxonomy/taxonomy.controller';
import { TaxonomyService } from './taxonomy/taxonomy.service';

/** Every catalogue entity; the owner organisation is registered too so relations resolve in any process. */
export const CATALOG_ENTITIES = [
  Need,
  Achievement,
  Researcher,
  AchievementResearcher,
  TaxonomyTerm,
  CatalogImport,
  Organisation,
];

/** The api side of the catalogue: needs, achievements, researchers, taxonomies, imports, search. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES), SearchModule, NotifierModule],
  controllers: [
    NeedsController,
    NeedModerationController,
    AchievementsController,
    AchievementModerationController,
    ResearchersController,
    TaxonomyController,
    ImportsController,
    SearchController,
  ],
  providers: [
    AuditLog,
    TaxonomyService,
    NeedsService,
    AchievementsService,
    ResearchersService,
    ImportsService,
    CatalogSearch,
    ListingNotices,
  ],
  exports: [TaxonomyService, NeedsService, AchievementsService, ResearchersService],
})
export class CatalogModule {}
