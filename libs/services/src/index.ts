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
} from './core/maturity-gap';
export { PLATFORM_KINDS, PLATFORM_KIND_NAMES, type PlatformKind } from './core/vocabulary';
export { QUOTE_STATUSES, QUOTE_ACTIONS, type QuoteStatus, type QuoteAction } from './core/quote-machine';
export { serviceServices, type ServiceServices } from './service-services';
