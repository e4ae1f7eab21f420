import { plainToInstance, Transform, type TransformFnParams } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  validateSync,
} from 'class-validator';
import { QueueName } from '../queue/job-catalogue';

/** Numbers and flags arrive from the environment as text. */
function toNumber({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? Number(value) : (value as unknown);
}

function toBoolean({ value }: TransformFnParams): boolean {
  return value === true || value === 'true' || value === '1';
}

const WORKER_QUEUES_PATTERN = new RegExp(
  `^(|(${Object.values(QueueName).join('|')})(\\s*,\\s*(${Object.values(QueueName).join('|')}))*)$`,
);

const DEV_SECRET = 'kuaizhuan-local-development-secret-change-me';

/**
 * Every setting the processes read, with defaults that work on a machine running
 * PostgreSQL and Redis locally. A missing or malformed value stops the process at
 * boot with a message naming the variable.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Port the HTTP api listens on. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Port the worker serves its Prometheus metrics on (GET /metrics); 0 serves none. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT = 0;

  /** Public base URL of the platform, used in links sent by e-mail. */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/kuaizhuan';

  /** Log every SQL statement (development aid). */
  @Transform(toBoolean)
  DATABASE_LOGGING = false;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so several deployments can share one Redis. */
  @Matches(/^[a-z0-9_-]+$/i)
  QUEUE_PREFIX = 'kz';

  /**
   * Queues this worker process takes jobs from, comma-separated (e.g. `match` or
   * `index,import`); empty takes every queue. Lets worker replicas be dedicated to a queue.
   */
  @Matches(WORKER_QUEUES_PATTERN, {
    message: `WORKER_QUEUES must list queues among ${Object.values(QueueName).join(', ')}, comma-separated`,
  })
  WORKER_QUEUES = '';

  /** Milliseconds between outbox relay polls when the outbox was empty. */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 250;

  /** Multiplier for job retry back-off delays (tests shrink it). */
  @Transform(toNumber)
  @Min(0)
  JOB_BACKOFF_SCALE = 1;

  @IsString()
  @MinLength(32)
  JWT_ACCESS_SECRET = DEV_SECRET;

  /** Lifetime of an access token, in seconds. */
  @Transform(toNumber)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL = 900;

  /** Lifetime of a refresh token family, in days. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /**
   * Seconds after a refresh token was exchanged during which presenting it again hands out another
   * successor instead of revoking the session: a page reloaded while its refresh was on the wire.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(60)
  REFRESH_REUSE_GRACE_SECONDS = 10;

  /**
   * Which proxy's X-Forwarded-For the api believes for the client address, as Express's `trust proxy`
   * takes it: `false` (the default: only the socket's address counts), `loopback`, a hop count, or
   * comma-separated addresses / CIDR ranges of your proxies.
   */
  @IsString()
  TRUST_PROXY = 'false';

  /**
   * Multiplies every request rate limit (sign-in, registration, refresh, invitations, search, imports,
   * messages). 1 in production; tests that make many requests raise it.
   */
  @Transform(toNumber)
  @Min(0.01)
  RATE_LIMIT_FACTOR = 1;

  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset, it is not served on the api port. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** Requests per minute one client may make to the sign-in and registration routes. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** SMTP relay for e-mail, e.g. smtp://user:pass@host:587. */
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsEmail()
  MAIL_FROM = 'noreply@kuaizhuan.local';

  /** Matcher weights as `feature:weight` pairs, e.g. `text:0.4,field:0.4`; features not named keep their defaults. */
  @IsString()
  MATCH_WEIGHTS = '';

  /** Recommendations kept per need. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100)
  MATCH_TOP_K = 10;

  /**
   * Achievements whose calibrated score (0–1: how likely the pair is worth a look) is below this
   * are not recommended for a need; a need with nothing above it gets nothing, and is told so.
   * The score is the larger of the field model and the near-copy model (core/score.ts), so a need
   * written in a company's own words that a listing covers closely (72% of its weighted wording)
   * scores about 0.94 whatever field is inferred. At 0.3 on the development sets (PostgreSQL):
   * topical keeps 3.1 a need at precision 0.69, absent 3.4 at 0.49 with 39% of the needs that have
   * nothing relevant left empty, title → abstract presentHit 0.996, problem → solution 0.91; at 0.1
   * they kept 7.8 and 6.8 a need at precision 0.42 and 0.31 (README, "Matching quality").
   */
  @Transform(toNumber)
  @Min(0)
  @Max(1)
  MATCH_FLOOR = 0.3;

  /**
   * The floor for the needs recommended to a newly published achievement: lower, because that
   * direction cannot infer the field of a need that names none (it has no pool of hits to vote),
   * so only a close text fit (the near-copy model) or a field the company named lifts a need there.
   */
  @Transform(toNumber)
  @Min(0)
  @Max(1)
  MATCH_NEEDS_FLOOR = 0.2;

  /** The floor for the researchers matched to a need by research area (their score is set by hand, not fitted). */
  @Transform(toNumber)
  @Min(0)
  @Max(1)
  MATCH_RESEARCHERS_FLOOR = 0.3;

  /** Recommendations scoring at or above this (0–1) skip manual review. Unset: every one is reviewed. */
  @IsOptional()
  @Transform(toNumber)
  @Min(0)
  @Max(1)
  MATCH_AUTO_APPROVE_SCORE?: number;

  /** Hours a technology manager has to review a recommendation before it is flagged overdue. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  REVIEW_DEADLINE_HOURS = 48;

  /**
   * The search engine: `meilisearch` (the designed one; needs MEILI_HOST) or `postgres` (embedded).
   * Unset: Meilisearch when MEILI_HOST is set, PostgreSQL otherwise.
   */
  @IsOptional()
  @IsIn(['meilisearch', 'postgres'])
  SEARCH_ENGINE?: 'meilisearch' | 'postgres';

  /** The Meilisearch server search goes to when the engine is Meilisearch. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  MEILI_HOST?: string;

  @IsOptional()
  @IsString()
  MEILI_MASTER_KEY?: string;

  /** The Meilisearch index the platform reads and writes (tests and tools give each run its own). */
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  MEILI_INDEX = 'kz_search';
}

export class EnvironmentError extends Error {}

/** Validates raw process variables; throws naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value !== '' && value !== undefined) cleaned[key] = value;
  }
  const env = plainToInstance(Environment, cleaned, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid'}`);
  if (env.NODE_ENV === 'production' && env.JWT_ACCESS_SECRET === DEV_SECRET) {
    problems.push('JWT_ACCESS_SECRET: must be set to a secret of your own in production');
  }
  if (env.SEARCH_ENGINE === 'meilisearch' && !env.MEILI_HOST) {
    problems.push('MEILI_HOST: must name the Meilisearch server when SEARCH_ENGINE is meilisearch');
  }
  if (problems.length > 0) {
    throw new EnvironmentError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return env;
}
