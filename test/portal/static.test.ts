import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PORTAL_DIST } from '../../apps/api/src/portal/portal.module';
import { startApi } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;

beforeAll(async () => {
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) throw new Error('run npm run build:portal first');
  env = await setUpTestEnvironment();
  app = await startApi();
  http = app.getHttpServer();
});

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('PortalModule', () => {
  it('serves the built portal at /', async () => {
    const response = await request(http).get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<div id="root"></div>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers deep links of the portal with the page, so its router takes over', async () => {
    for (const path of ['/needs/3f8e9f5e-0000-4000-8000-000000000000/recommendations', '/reviews', '/login']) {
      const response = await request(http).get(path).expect(200);
      expect(response.text).toContain('<div id="root"></div>');
    }
  });

  it('serves the hashed assets as immutable files', async () => {
    const script = readdirSync(join(PORTAL_DIST, 'assets')).find((name) => name.endsWith('.js'));
    expect(script).toBeDefined();
    const response = await request(http).get(`/assets/${script}`).expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never answers an /api path with the page: unknown API routes stay JSON 404s', async () => {
    for (const path of ['/api', '/api/', '/api/nothing-here', '/api/needs/x/y/z']) {
      const response = await request(http).get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toMatchObject({ statusCode: 404 });
    }
    const health = await request(http).get('/api/health/live').expect(200);
    expect(health.headers['content-type']).toMatch(/application\/json/);
  });

  it('leaves the API docs and the metrics where they were', async () => {
    const docs = await request(http).get('/api/docs/openapi.json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    // Metrics are only for the scraper holding the token (see the security tests); never the portal page.
    const metrics = await request(http).get('/metrics');
    expect([401, 404]).toContain(metrics.status);
    expect(metrics.text).not.toContain('<div id="root">');
  });
});
