export { PlatformModule } from './platform.module';
export { AppConfig } from './config/app-config';
export { loadDotEnv } from './config/config.module';
export { Environment, EnvironmentError, validateEnvironment } from './config/environment';
export { dataSourceOptions } from './database/data-source-options';
export { runPendingMigrations } from './database/migrate';
export { Outbox } from './queue/outbox';
export { OutboxEntry } from './queue/outbox.entity';
export { OutboxRelay } from './queue/outbox-relay';
export { QueueProducers } from './queue/queue-producers';
export { QueueDashboard, type QueueSummary, type FailedJobView, type OutboxSummary } from './queue/queue-dashboard';
export { WorkerQueueModule } from './queue/queue.module';
export { OnJob, JobHandlers, JobHandlerError } from './queue/job-handlers';
export { JobProcessor } from './queue/job-processor';
export {
  QueueName,
  JOB_POLICIES,
  EVENT_ROUTES,
  queueOf,
  type EventName,
  type EventPayloads,
  type JobName,
  type JobPayloads,
} from './queue/job-catalogue';
export { workerConnection, producerConnection } from './queue/redis-connection';
export {
  DomainError,
  NotFoundError,
  ForbiddenError,
  UnauthorizedError,
  ConflictError,
  InvalidInputError,
  ServiceUnavailableError,
} from './errors/domain-errors';
export { createValidationPipe, RequestValidationError, type FieldProblem } from './errors/validation';
export { HttpErrorFilter, type ErrorBody } from './errors/http-exception.filter';
export { JsonLogger, createRootLogger, requestLogging, logContext } from './logging/logger';
export { Metrics, MetricsHttpModule } from './metrics/metrics';
export { HealthModule } from './health/health';
export { Public, PUBLIC_ROUTE } from './http/public-route';
export { uploadedName } from './http/upload-name';
export { Mailer, type MailMessage } from './mail/mailer';
export { SearchIndex, type DocumentSource, type IndexedVersion } from './search/search-index';
export { TermStatistics, type CorpusStatistics } from './search/statistics/term-statistics';
export { documentText } from './search/document-text';
export {
  SEARCH_KINDS,
  FACET_NAMES,
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  type SearchKind,
  type SearchVisibility,
  type AmountRange,
  type SearchDocument,
  type SearchFilters,
  type FacetName,
  type SearchQuery,
  type SearchHit,
  type FacetCount,
  type SearchResult,
  type SearchHealth,
} from './search/search-document';
export { analyseQuery, analyseDocument, words as searchWords, type AnalysedQuery } from './search/text/analyser';
export { highlight, markSnippet, type Snippet } from './search/text/highlight';
export { normalise as normaliseSearchText } from './search/text/normalise';
export { SearchModule, createSearchIndex, searchEngineOf, type SearchEngine } from './search/search.module';
export { searchEngineForTool, type ToolSearchEngine } from './search/engine-for-tools';
export { PostgresSearchIndex } from './search/postgres/postgres-search-index';
export {
  MeilisearchIndex,
  MeilisearchTaskError,
  searchRequest as meilisearchRequest,
  type MeilisearchOptions,
} from './search/meilisearch/meilisearch-index';
export {
  startPackagedMeilisearch,
  packagedMeilisearchBinary,
  type PackagedMeilisearch,
  type PackagedMeilisearchOptions,
} from './search/meilisearch/packaged-server';
export { PageQueryDto, pageOf, type Page } from './http/page-query.dto';
export { UuidParam } from './http/params';
export { RateLimitModule } from './rate-limit/rate-limit.module';
export { RateLimit, RateLimitGuard } from './rate-limit/rate-limit.guard';
export { RATE_LIMITED, type RateLimited } from './rate-limit/rules';
export {
  InputSafetyPipe,
  refuseDeepJson,
  jsonDepthExceeds,
  stringProblem,
  isPlausibleDate,
  PlausibleDate,
  MAX_JSON_DEPTH,
  PLAUSIBLE_YEARS,
} from './http/input-safety';
export { openPackage, isOoxml, streamEntry, type OoxmlKind, type OoxmlPackage, type PackageEntry } from './http/ooxml';
export { spreadsheetText, csvLine } from './http/spreadsheet-cell';
