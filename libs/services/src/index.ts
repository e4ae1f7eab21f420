// The public door of @kuaizhuan/services: other libs and apps import only from here.
export { ServicesModule, MaturityGapsModule, SERVICE_ENTITIES } from './services.module';
export { MaturityGaps, type GapPair } from './gaps/maturity-gaps';
export {
  maturityGap,
  gapLevels,
  type MaturityGap,
  type PlatformProposal,
  type GapReason,
  type GapService,
} from './domain/maturity-gap';
export { PLATFORM_KINDS, PLATFORM_KIND_NAMES, type PlatformKind } from './domain/vocabulary';
export { QUOTE_STATUSES, QUOTE_ACTIONS, type QuoteStatus, type QuoteAction } from './domain/quote-machine';
export { serviceServices, type ServiceServices } from './service-services';
