import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../queue/redis-connection';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts in Redis, so every api replica shares the limits; while Redis is away each process
 * counts on its own instead (the api must never need Redis to answer a request). The Redis
 * connection fails commands at once rather than queueing them while it is down.
 */
@Injectable()
export class RateLimitStorage implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private usingLocal = false;

  constructor(config: AppConfig) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.get('REDIS_URL')),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      commandTimeout: 500,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    // Connection errors show as failed commands below; without a listener ioredis would print each one.
    this.redis.on('error', () => undefined);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(key: string, ttlMs: number, limit: number, blockMs: number, name: string): Promise<StorageRecord> {
    if (this.redis.status === 'ready') {
      try {
        const record = await this.shared.increment(key, ttlMs, limit, blockMs, name);
        if (this.usingLocal) this.logger.log('Rate limits are shared in Redis again');
        this.usingLocal = false;
        return record;
      } catch {
        // Falls through to the local count.
      }
    }
    if (!this.usingLocal) this.logger.warn('Redis is unreachable: rate limits are counted in this process');
    this.usingLocal = true;
    return this.local.increment(key, ttlMs, limit, blockMs, name);
  }

  onModuleDestroy(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect();
  }
}
