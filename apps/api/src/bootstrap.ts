import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  createRootLogger,
  createValidationPipe,
  HttpErrorFilter,
  InputSafetyPipe,
  JsonLogger,
  Metrics,
  refuseDeepJson,
  requestLogging,
  validateEnvironment,
} from '@kuaizhuan/platform';
import helmet from 'helmet';
import { ApiModule } from './api.module';
import { completeOpenApi } from './openapi-completion';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kuaizhuan API')
    .setDescription('成果快转: needs, achievements, matching, review, push and deals')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return completeOpenApi(SwaggerModule.createDocument(app, config));
}

/**
 * TRUST_PROXY as Express takes it: off unless set, so a client cannot name its own address in
 * X-Forwarded-For and walk around the per-address limits.
 */
export function trustProxySetting(value: string): boolean | number | string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** Builds the HTTP application: used by main.ts and by the tests, so both run the same thing. */
export async function createApi(): Promise<NestExpressApplication> {
  const env = validateEnvironment(process.env);
  const root = createRootLogger(env.LOG_LEVEL, 'api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    logger: new JsonLogger(root),
    bufferLogs: false,
  });
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(requestLogging(root));
  app.use(app.get(Metrics).httpMiddleware());
  // Nesting is checked on the raw bytes before JSON.parse, so a hostile body never reaches a parser's stack.
  // (Nest's options type leaves `verify` out because it uses it for rawBody, which this app does not ask for.)
  app.useBodyParser('json', { limit: '1mb', verify: refuseDeepJson } as NestExpressBodyParserOptionsFor<'json'>);
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApi(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
