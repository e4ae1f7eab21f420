import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Injectable, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { NotFoundError, UnauthorizedError } from '../errors/domain-errors';
import { Public } from '../http/public-route';

/** The process's Prometheus registry, with Node's default metrics. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Express middleware timing each request under its route pattern (not its raw URL). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const stop = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = (req.route as { path?: string } | undefined)?.path;
        stop({ method: req.method, route: route ? `${req.baseUrl}${route}` : 'unmatched', status: res.statusCode });
      });
      next();
    };
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus scrapes with `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN set the
 * api port does not serve metrics at all (they tell an outsider routes, load and versions).
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @Header('Cache-Control', 'no-store')
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.optional('METRICS_TOKEN');
    if (!token) throw new NotFoundError('Metrics are not served on this port');
    const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token))
      throw new UnauthorizedError('Send the metrics token as "Authorization: Bearer <token>"');
    return this.metrics.registry.metrics();
  }
}

@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}

@Module({ imports: [MetricsModule], controllers: [MetricsController] })
export class MetricsHttpModule {}
