import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { startApi } from '../support/apps';
import { bearer, signIn, type SignedIn } from '../support/auth';

/**
 * Property-based fuzzing of every request body the api documents: for each operation with a
 * JSON body, bodies built from the operation's own schema with malformed values (wrong
 * types, out-of-range numbers, over-long or odd strings, nested junk, unknown fields) are sent
 * by a user of each role. Whatever the answer, it is never a server error.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  parameters?: { name: string; in: string }[];
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const malformed: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '1e309',
    '0.0000001',
    '99999999999999999999.999',
    'NaN',
    '2026-02-30',
    '\u0000',
    '<script>',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5_000, maxLength: 6_000 }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
  fc.uuid(),
);

/** Query parameters of the list and search routes (the built document lists each route's own). */
const COMMON_QUERY_PARAMETERS = [
  'q',
  'page',
  'pageSize',
  'scope',
  'status',
  'type',
  'kind',
  'limit',
  'offset',
  'field',
];

function resolve(schema: Schema | undefined, spec: OpenApi): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(spec.components.schemas[schema.$ref.split('/').pop()!], spec);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(part, spec) ?? {});
    return { type: 'object', properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) };
  }
  return schema;
}

/** Bodies shaped like the schema, each property present or not, its value malformed. */
function bodies(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema?.properties ?? {});
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.string({ maxLength: 10 }), malformed, { maxKeys: 4 })
      : fc.record(Object.fromEntries(keys.map((key) => [key, malformed])), { requiredKeys: [] });
  return fc.oneof(shaped, malformed, fc.record({ orgId: fc.uuid(), role: fc.constant('admin'), status: fc.string() }));
}

describe('fuzzing every documented request body', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;
  let spec: OpenApi;
  const users: SignedIn[] = [];

  beforeAll(async () => {
    env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    app = await startApi();
    const accounts = await seedIdentity(app.get(DataSource));
    for (const account of [accounts.operator, accounts.enterprise, accounts.tto, accounts.manager])
      users.push(await signIn(app.getHttpServer(), account.email, DEMO_PASSWORD));
    spec = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as OpenApi;
  });

  afterAll(async () => {
    await app?.close();
    await env?.teardown();
  });

  it('never answers a malformed body with a server error', async () => {
    const failures: string[] = [];
    let operations = 0;
    let refused = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const json = operation.requestBody?.content?.['application/json'];
        if (!json) continue;
        operations += 1;
        const schema = resolve(json.schema, spec);
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        await fc.assert(
          fc.asyncProperty(bodies(schema), fc.integer({ min: 0, max: users.length - 1 }), async (body, who) => {
            const agent = request(app.getHttpServer());
            const call = method === 'post' ? agent.post(url) : method === 'put' ? agent.put(url) : agent.patch(url);
            const response = await call
              .set(bearer(users[who].accessToken))
              .set('content-type', 'application/json')
              .send(JSON.stringify(body));
            if (response.status === 400 || response.status === 422) refused += 1;
            if (response.status >= 500) {
              failures.push(`${method.toUpperCase()} ${path} ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
              return false;
            }
            return true;
          }),
          { numRuns: 12, seed: 20261125 },
        );
      }
    }
    expect(operations).toBeGreaterThan(30);
    // The bodies reach validation: most are refused as bad input, naming what is wrong.
    expect(refused).toBeGreaterThan(operations * 6);
    expect(failures).toEqual([]);
  }, 240_000);

  it('refuses an organisation smuggled into any body, naming the field', async () => {
    const accepted: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const json = operation.requestBody?.content?.['application/json'];
        if (!json) continue;
        const schema = resolve(json.schema, spec);
        if (!schema?.properties || 'orgId' in schema.properties) continue;
        operations += 1;
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        for (const user of users) {
          const agent = request(app.getHttpServer());
          const call = method === 'post' ? agent.post(url) : method === 'put' ? agent.put(url) : agent.patch(url);
          const response = await call.set(bearer(user.accessToken)).send({ orgId: randomUUID() });
          const fields = ((response.body as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
          // 400 naming orgId (or a path parameter checked first); a caller the route refuses
          // outright (403) never reaches the body.
          const parameters = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
          const refused = response.status === 400 && fields.some((f) => f === 'orgId' || parameters.includes(f));
          if (!refused && response.status !== 403) accepted.push(`${method.toUpperCase()} ${path}: ${response.status}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(30);
    expect(accepted).toEqual([]);
  }, 120_000);
  it('answers NUL characters, deep JSON and oversize strings in every body and query parameter with a 4xx, naming the field', async () => {
    const failures: string[] = [];
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    let sent = 0;
    let named = 0;
    const agent = () => request(app.getHttpServer());
    const call = (method: string, url: string) =>
      method === 'post'
        ? agent().post(url)
        : method === 'put'
          ? agent().put(url)
          : method === 'patch'
            ? agent().patch(url)
            : agent().get(url);
    const check = (label: string, status: number): void => {
      sent += 1;
      if (status >= 500) failures.push(`${label}: ${status}`);
    };
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const json = operation.requestBody?.content?.['application/json'];
        // The four roles at once: each sends its own requests in order, so their answers do not mix.
        const asEachRole = users.map(async (user) => {
          if (json) {
            // The document's fields, and those the api names when a body leaves them out.
            const empty = await call(method, url)
              .set(bearer(user.accessToken))
              .set('content-type', 'application/json')
              .send('{}');
            check(`${method.toUpperCase()} ${path} {}`, empty.status);
            const named400 = ((empty.body.fields ?? []) as { field: string }[]).map((f) => f.field.split(/[.[]/)[0]);
            const keys = new Set([...Object.keys(resolve(json.schema, spec)?.properties ?? {}), ...named400]);
            for (const key of keys) {
              for (const value of ['x\u0000y', 'x'.repeat(200_000)]) {
                const response = await call(method, url)
                  .set(bearer(user.accessToken))
                  .set('content-type', 'application/json')
                  .send(JSON.stringify({ [key]: value }));
                check(`${method.toUpperCase()} ${path} ${key}`, response.status);
                if (
                  response.status === 400 &&
                  JSON.stringify(response.body.fields ?? response.body.field).includes(key)
                )
                  named += 1;
              }
            }
            // Deep nesting is refused before parsing, before any route or role is looked at.
            const response = await call(method, url)
              .set(bearer(user.accessToken))
              .set('content-type', 'application/json')
              .send(deep);
            check(`${method.toUpperCase()} ${path} deep JSON`, response.status);
            if (response.status !== 400) failures.push(`${method.toUpperCase()} ${path} deep JSON: ${response.status}`);
          }
          const queryNames = new Set([
            ...(operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
            ...(method === 'get' ? COMMON_QUERY_PARAMETERS : []),
          ]);
          for (const name of queryNames) {
            for (const value of ['x\u0000y', 'x'.repeat(20_000)]) {
              const response = await call(method, url)
                .query({ [name]: value })
                .set(bearer(user.accessToken))
                .send(method === 'get' ? undefined : {});
              check(`${method.toUpperCase()} ${path} ?${name}`, response.status);
              if (value.includes('\u0000') && response.status === 400) named += 1;
            }
          }
        });
        await Promise.all(asEachRole);
      }
    }
    expect(sent).toBeGreaterThan(2_000);
    expect(named).toBeGreaterThan(300);
    expect(failures).toEqual([]);
    // The document lists every field of every body (about 3,500 requests), not only the required ones.
  }, 600_000);
});
