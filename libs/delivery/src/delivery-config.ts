import { AppConfig, EnvironmentError } from '@kuaizhuan/platform';
import { plainToInstance, Transform, type TransformFnParams } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { DEFAULT_DISABLE_AFTER } from './domain/retry-policy';
import { targetPolicy, type TargetPolicy } from './domain/target-address';

function toNumber({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? Number(value) : (value as unknown);
}

/** The environment variables only delivery reads; validated when its module is built. */
export class DeliverySettings {
  /** Milliseconds a webhook receiver has to answer before the attempt counts as failed. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Deliveries to one endpoint that may fail for good in a row before the endpoint is disabled. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER = DEFAULT_DISABLE_AFTER;

  /**
   * Master secret that seals webhook signing secrets at rest (at least 32 characters).
   * When unset, JWT_ACCESS_SECRET is used, under a label of its own; changing either one
   * later makes the stored endpoint secrets unreadable (rotate them).
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  WEBHOOK_SECRET_KEY?: string;

  /** When the daily digest goes out: a five-field cron pattern. */
  @Matches(/^\S+( \S+){4}$/, { message: 'DIGEST_CRON must be a five-field cron pattern' })
  DIGEST_CRON = '0 8 * * *';

  /** Time zone of DIGEST_CRON. */
  @Matches(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, { message: 'DIGEST_TIMEZONE must be an IANA time zone' })
  DIGEST_TIMEZONE = 'Asia/Shanghai';
}

/** Delivery's settings, with what it needs from the platform's. */
export class DeliveryConfig {
  constructor(
    readonly settings: DeliverySettings,
    private readonly app: AppConfig,
  ) {}

  /** Throws naming every bad variable, like the platform's own environment check. */
  static load(raw: Record<string, unknown>, app: AppConfig): DeliveryConfig {
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined));
    const settings = plainToInstance(DeliverySettings, cleaned, { exposeDefaultValues: true });
    const problems = validateSync(settings, { whitelist: false, forbidUnknownValues: false }).map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid'}`,
    );
    if (!isTimeZone(settings.DIGEST_TIMEZONE)) problems.push('DIGEST_TIMEZONE: not a time zone this runtime knows');
    if (problems.length > 0) throw new EnvironmentError(`Invalid environment:\n  ${problems.join('\n  ')}`);
    return new DeliveryConfig(settings, app);
  }

  get publicUrl(): string {
    return this.app.get('PUBLIC_URL');
  }

  get mailDomain(): string {
    return this.app.get('MAIL_FROM').split('@')[1] ?? 'kuaizhuan.local';
  }

  get targetPolicy(): TargetPolicy {
    return targetPolicy(this.app.get('NODE_ENV'));
  }

  get secretMaster(): string {
    return this.settings.WEBHOOK_SECRET_KEY ?? this.app.get('JWT_ACCESS_SECRET');
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
