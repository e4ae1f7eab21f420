export * from './core/types';
export { rankForNeed, combine, validateWeights, DEFAULT_WEIGHTS, type RankOptions } from './core/score';
export { inferFieldDistribution, likelyFields, type FieldDistribution } from './core/field-inference';
export { listingQuality, type ListingFacts } from './core/features';
export { MatchingCoreModule } from './matching-core.module';
export { MatchingWorkerModule } from './matching-worker.module';
export { MatchingModule } from './matching.module';
export { NeedMatcher, needQueryText, type NeedMatches } from './pipeline/need-matcher';
export { Recommendation } from './entities/recommendation.entity';
export { Connection } from './entities/connection.entity';
export {
  connectionForDeal,
  type ConnectionParty,
  type DealConnection,
} from './connections/connection.repository';
export { ResearcherMatch } from './entities/researcher-match.entity';
export { ManagerProfile } from './entities/manager-profile.entity';
export * from './domain/recommendation-status';
