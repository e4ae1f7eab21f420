import { Global, Module } from '@nestjs/common';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitStorage } from './storage';

/** Request rate limits for the api (the worker does not import it). */
@Global()
@Module({ providers: [RateLimitStorage, RateLimitGuard], exports: [RateLimitStorage, RateLimitGuard] })
export class RateLimitModule {}
