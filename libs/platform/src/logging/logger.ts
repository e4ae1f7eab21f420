import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

interface LogContext {
  requestId?: string;
  jobId?: string;
}

/** Carries the request (or job) id to every log line written while serving it. */
export const logContext = new AsyncLocalStorage<LogContext>();

/** Keys whose values never reach a log line. */
const REDACTED = [
  'password',
  '*.password',
  'refreshToken',
  '*.refreshToken',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
];

export function createRootLogger(level: string, service: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED, censor: '[redacted]' },
    mixin: () => ({ ...logContext.getStore() }),
  });
}

/** Nest's logger interface written as structured JSON through pino. */
export class JsonLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, traceOrContext?: string, context?: string): void {
    const stack = context ? traceOrContext : undefined;
    this.write('error', message, context ?? traceOrContext, stack);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string, stack?: string): void {
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.root[level]({ context, ...rest, stack }, typeof msg === 'string' ? msg : '');
    } else if (message instanceof Error) {
      this.root[level]({ context, err: message }, message.message);
    } else {
      this.root[level]({ context, stack }, String(message));
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Express middleware: request id (kept from X-Request-Id when sane), access log, log context. */
export function requestLogging(root: Logger) {
  const http = pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/api/health/live' || req.url === '/metrics' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void => {
    http(req, res);
    logContext.run({ requestId: typeof req.id === 'string' ? req.id : undefined }, next);
  };
}
