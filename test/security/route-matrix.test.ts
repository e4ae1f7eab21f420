import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, ROLES_KEY, seedIdentity } from '@kuaizhuan/identity';
import { PUBLIC_ROUTE } from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { startApi } from '../support/apps';
import { bearer, signIn, type SignedIn } from '../support/auth';

/**
 * The access matrix, generated from the api's own route table so that a new route cannot
 * be left out: every route that is not public answers 401 without a token; every route
 * limited to some roles answers 403 to each other role; every route addressing an object
 * by id answers an unknown id with 404 (400 when the body, or a parameter that is not an id,
 * is refused first), never with success or a server error. Per-object checks that another organisation gets 404 live
 * beside each module's tests.
 */

type Role = 'admin' | 'enterprise' | 'tto' | 'manager';
const ROLES: readonly Role[] = ['admin', 'enterprise', 'tto', 'manager'];

interface Route {
  method: string;
  /** Express form, e.g. /api/needs/:id */
  path: string;
  public: boolean;
  /** Roles allowed, or null when any signed-in user may call it. */
  roles: Role[] | null;
}

function joinPath(...parts: Array<string | undefined>): string {
  const joined = parts
    .filter((part): part is string => part !== undefined && part !== '' && part !== '/')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .join('/');
  return `/${joined}`;
}

/** Every controller handler the api has, with the access metadata the global guard reads. */
function routeTable(app: NestExpressApplication): Route[] {
  const reflector = app.get(Reflector);
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      // Nest's own reading of a controller: its methods and those it inherits (shared route sets).
      for (const name of new MetadataScanner().getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const targets = [handler, controller];
        const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true;
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? null;
        for (const prefix of [base ?? ''].flat()) {
          for (const suffix of [path].flat()) {
            const full = prefix === 'metrics' && suffix === '/' ? '/metrics' : joinPath('api', prefix, suffix);
            routes.push({ method: RequestMethod[method], path: full, public: isPublic, roles });
          }
        }
      }
    }
  }
  return routes;
}

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function servedRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}

/** A concrete URL for a route: every parameter is a fresh UUID, which no object has. */
function concrete(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+/g, () => randomUUID());
}

function send(app: NestExpressApplication, route: Route, token?: string) {
  const agent = request(app.getHttpServer());
  const url = concrete(route.path);
  const call =
    route.method === 'GET'
      ? agent.get(url)
      : route.method === 'POST'
        ? agent.post(url)
        : route.method === 'PUT'
          ? agent.put(url)
          : route.method === 'PATCH'
            ? agent.patch(url)
            : agent.delete(url);
  if (token) void call.set(bearer(token));
  return route.method === 'GET' || route.method === 'DELETE' ? call : call.send({});
}

describe('access matrix over every api route', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;
  let routes: Route[];
  const users = {} as Record<Role, SignedIn>;

  beforeAll(async () => {
    env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    app = await startApi();
    const accounts = await seedIdentity(app.get(DataSource));
    const http = app.getHttpServer();
    users.admin = await signIn(http, accounts.operator.email, DEMO_PASSWORD);
    users.enterprise = await signIn(http, accounts.enterprise.email, DEMO_PASSWORD);
    users.tto = await signIn(http, accounts.tto.email, DEMO_PASSWORD);
    users.manager = await signIn(http, accounts.manager.email, DEMO_PASSWORD);
    routes = routeTable(app).filter((route) => route.path.startsWith('/api/'));
  });

  afterAll(async () => {
    await app?.close();
    await env?.teardown();
  });

  it('knows every route the api serves', () => {
    const known = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const served = servedRoutes(app).filter((route) => route.includes(' /api/') && !route.includes('/api/docs'));
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !known.has(route))).toEqual([]);
  });

  it('answers 401 on every non-public route without a token, and with a forged one', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      const anonymous = await send(app, route);
      const forged = await send(app, route, `${users.admin.accessToken.slice(0, -4)}AAAA`);
      if (anonymous.status !== 401 || forged.status !== 401)
        wrong.push(`${route.method} ${route.path}: ${anonymous.status}/${forged.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 on every role-limited route to each role it does not name', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => !r.public && r.roles !== null)) {
      for (const role of ROLES.filter((r) => !route.roles!.includes(r))) {
        checked += 1;
        const response = await send(app, route, users[role].accessToken);
        if (response.status !== 403) wrong.push(`${route.method} ${route.path} as ${role}: ${response.status}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it('answers an unknown object id with 404 (or 400 for a refused body or parameter), never success or a server error', async () => {
    const wrong: string[] = [];
    let checked = 0;
    let notFound = 0;
    for (const route of routes.filter((r) => !r.public && r.path.includes('/:'))) {
      for (const role of route.roles ?? ROLES) {
        checked += 1;
        const response = await send(app, route, users[role].accessToken);
        if (response.status === 404) notFound += 1;
        else if (response.status !== 400)
          wrong.push(`${route.method} ${route.path} as ${role}: ${response.status} ${JSON.stringify(response.body)}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(notFound).toBeGreaterThan(checked / 2);
    expect(wrong).toEqual([]);
  });
});
