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
import loadPluginMetadata from './openapi-metadata';

/**
 * The Swagger plugin's reading of the DTOs, views and controllers (`openapi-metadata.ts`, written
 * by `npm run openapi`), loaded once, so the document says the same whether the api runs from the
 * build or from the sources (tests, tools), or is only written to a file.
 */
let pluginMetadata: Promise<void> | undefined;

export async function buildOpenApi(app: INestApplication): Promise<OpenAPIObject> {
  pluginMetadata ??= SwaggerModule.loadPluginMetadata(loadPluginMetadata as () => Promise<Record<string, unknown>>);
  await pluginMetadata;
  const config = new DocumentBuilder()
    .setTitle('Kuaizhuan API')
    .setDescription('成果快转: needs, achievements, matching, review, push and deals')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return completeOpenApi(SwaggerModule.createDocument(app, config));
}

/** Every route under /api except the Prometheus scrape. */
function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
}

/**
 * The api's document without a database or Redis: the module is put together in preview mode,
 * where no provider is instantiated and nothing connects (`npm run openapi`, the staleness test).
 */
export async function openApiOfModule(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false });
  setApiPrefix(app);
  try {
    return await buildOpenApi(app);
  } finally {
    await app.close();
  }
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
  setApiPrefix(app);
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, await buildOpenApi(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
