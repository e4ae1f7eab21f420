export * from './core/types';
export { rankForNeed, combine, validateWeights, DEFAULT_WEIGHTS, type RankOptions } from './core/score';
export { inferFieldDistribution, likelyFields, type FieldDistribution } from './core/field-inference';
export { listingQuality, type ListingFacts } from './core/features';
