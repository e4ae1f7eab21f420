import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { startApi } from '../support/apps';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Express serves, as `METHOD /path/{param}`. */
function servedRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  const routes: string[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    for (const method of Object.keys(layer.route.methods)) {
      if (method !== '_all') routes.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return routes;
}

describe('OpenAPI document', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await setUpTestEnvironment();
    app = await startApi();
  });

  afterAll(async () => {
    await app.close();
    await env.teardown();
  });

  it('lists every route the api serves', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    const paths = response.body.paths as Record<string, Record<string, unknown>>;
    const documented = new Set(
      Object.entries(paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = servedRoutes(app).filter((route) => route.includes(' /api/') && !route.includes('/api/docs'));
    expect(served).toContain('GET /api/health/ready');
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('is served as a page at /api/docs', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger');
  });
});
