// The public door of @kuaizhuan/catalog: other libs and apps import only from here.
export { CatalogModule, CATALOG_ENTITIES } from './catalog.module';
export { CatalogWorkerModule } from './catalog-worker.module';
export { CatalogIndexingModule } from './search/catalog-indexing.module';
export { TaxonomyService } from './taxonomy/taxonomy.service';
export { NeedsService } from './needs/needs.service';
export { CreateNeedDto } from './needs/need.dto';
export { AchievementsService } from './achievements/achievements.service';
export { ResearchersService } from './researchers/researchers.service';
export {
  activeResearchers,
  researcherNames,
  researchersOfOrganisation,
  type ActiveResearcher,
} from './researchers/researcher.repository';
export { achievementTitles, isOwnAchievement } from './achievements/achievement.repository';
export { isOwnNeed, needTitles } from './needs/need.repository';
export {
  achievementView,
  isOpenNeed,
  needDetails,
  needForInstitution,
  needSummary,
  needView,
  wholeNeed,
  type AchievementFacts,
  type AchievementView,
  type ConfidentialNeedView,
  type NeedDetails,
  type NeedFacts,
  type NeedSummary,
  type NeedView,
  type OrganisationRef,
  type ResearcherContact,
  type ResearcherView,
} from './listings/listing-projection';
export {
  achievementFacts,
  achievementsForMatching,
  isVisibleListing,
  listingIdsWhere,
  needFacts,
  researchersOf,
  type AchievementMatchFacts,
  type ListingFilter,
} from './listings/listing.repository';
export { CatalogIndexer, type CatalogKind } from './search/catalog-indexer';
export { catalogueDocuments } from './search/catalogue-documents';
export { CatalogReconciler, type DriftReport } from './search/reconciler';
export { Need } from './entities/need.entity';
export { Achievement } from './entities/achievement.entity';
export { Researcher } from './entities/researcher.entity';
export { AchievementResearcher } from './entities/achievement-researcher.entity';
export { TaxonomyTerm } from './entities/taxonomy-term.entity';
export {
  LISTING_STATUSES,
  COOPERATION_MODES,
  LEGAL_STATUSES,
  TAXONOMY_KINDS,
  type ListingStatus,
  type CooperationMode,
  type LegalStatus,
  type TaxonomyKind,
  type Actor,
} from './domain/vocabulary';
export { isPubliclyVisible } from './domain/lifecycle';
export { IMPORT_COLUMNS } from './domain/import-row';
export { serviceInventionsOf, type ServiceInvention } from './achievements/service-inventions';
