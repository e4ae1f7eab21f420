import { createHash } from 'node:crypto';
import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { rateRules, type RateLimited, type RateRule } from './rules';
import { RateLimitStorage } from './storage';

const RATE_LIMITED_KEY = 'kuaizhuan:rate-limited';

interface CallerLike {
  userId: string;
  orgId: string;
}

/**
 * Limits the route as `route` says (see rateRules), answering 429 with Retry-After in seconds.
 * Runs after the authentication guard, so per-user and per-organisation counts know the caller.
 */
export const RateLimit = (route: RateLimited): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(RATE_LIMITED_KEY, route), UseGuards(RateLimitGuard));

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly storage: RateLimitStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.getAllAndOverride<RateLimited | undefined>(RATE_LIMITED_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!route) return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: CallerLike }>();
    const rules = rateRules(route, {
      authPerMinute: this.config.get('AUTH_RATE_LIMIT_PER_MINUTE'),
      factor: this.config.get('RATE_LIMIT_FACTOR'),
    });
    let retryAfter = 0;
    for (const [index, rule] of rules.entries()) {
      const subject = this.subject(rule, request);
      if (subject === null) continue;
      const key = `${this.config.get('QUEUE_PREFIX')}:rate:${route}:${index}:${digest(subject)}`;
      const record = await this.storage.increment(
        key,
        rule.windowSeconds * 1000,
        rule.limit,
        rule.blockSeconds * 1000,
        route,
      );
      if (record.isBlocked) retryAfter = Math.max(retryAfter, Math.max(1, record.timeToBlockExpire));
    }
    if (retryAfter > 0) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw new ThrottlerException(`Too many requests; try again in ${retryAfter} seconds`);
    }
    return true;
  }

  /** What the rule counts this request under, or null when the request has nothing to count by. */
  private subject(rule: RateRule, request: Request & { caller?: CallerLike }): string | null {
    switch (rule.scope) {
      case 'address':
        return `ip:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
      case 'account': {
        const email: unknown = (request.body as { email?: unknown } | undefined)?.email;
        return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : null;
      }
      case 'user':
        return request.caller ? `user:${request.caller.userId}` : null;
      case 'organisation':
        return request.caller ? `org:${request.caller.orgId}` : null;
    }
  }
}
