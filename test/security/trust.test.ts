import { hash } from '@node-rs/argon2';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { startApi } from '../support/apps';
import {
  bearer,
  registerAccount,
  signIn,
  TEST_CONSENT,
  TEST_PASSWORD,
  uniqueEmail,
  type HttpTarget,
  type SignedIn,
} from '../support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { ACHIEVEMENT, NEED } from '../../libs/catalog/test/fixtures';

/**
 * The findings of the outside attack on the platform, each refused: the table gives what was sent
 * and the status and field the platform now answers. The critical path first: an account holding
 * the manager role in an agency that is not verified (as self-registration used to make one) has
 * no power at all, pending and then rejected, and is never offered as a reviewer or a broker.
 */

let env: TestEnvironment;
let api: NestExpressApplication;
let http: HttpTarget;
let dataSource: DataSource;
let demo: DemoAccounts;
let admin: SignedIn;
let company: SignedIn;
let tto: SignedIn;
let manager: SignedIn;
let needId: string;
let achievementId: string;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  demo = await seedIdentity(dataSource);
  [admin, company, tto, manager] = await Promise.all(
    [demo.operator, demo.enterprise, demo.tto, demo.manager].map((a) => signIn(http, a.email, DEMO_PASSWORD)),
  );
  // A confidential (summary_only) need and an achievement with internal notes, both published.
  const need = await request(http).post('/api/needs').set(bearer(company.accessToken)).send(NEED).expect(201);
  needId = need.body.id;
  await request(http).post(`/api/needs/${needId}/submit`).set(bearer(company.accessToken)).expect(200);
  await request(http).post(`/api/needs/${needId}/approve`).set(bearer(manager.accessToken)).send({}).expect(200);
  const achievement = await request(http)
    .post('/api/achievements')
    .set(bearer(tto.accessToken))
    .send({ ...ACHIEVEMENT, externalRef: 'TRUST-1' })
    .expect(201);
  achievementId = achievement.body.id;
  await request(http).post(`/api/achievements/${achievementId}/submit`).set(bearer(tto.accessToken)).expect(200);
}, 60_000);

afterAll(async () => {
  await api?.close();
  await env?.teardown();
});

/** A manager of a technology-manager agency that is `status`, written as the old self-registration made one. */
async function agencyManager(status: 'pending' | 'rejected'): Promise<SignedIn & { agencyId: string }> {
  const email = uniqueEmail('agency');
  const [org] = await dataSource.query(
    `INSERT INTO organisation (name, kind, verification_status) VALUES ($1, 'service_agency', $2) RETURNING id`,
    [`自称经理人事务所 ${email}`, status],
  );
  await dataSource.query(
    `INSERT INTO user_account (organisation_id, email, display_name, role, password_hash)
     VALUES ($1, $2, '自称经理人', 'manager', $3)`,
    [org.id, email, await hash(TEST_PASSWORD)],
  );
  return { ...(await signIn(http, email, TEST_PASSWORD)), agencyId: org.id };
}

/** Every route of finding 1, as the agency's manager would call it. */
function finding1Routes(): { label: string; send: (token: string) => request.Test }[] {
  const get = (path: string) => (token: string) => request(http).get(path).set(bearer(token));
  const post =
    (path: string, body: object = {}) =>
    (token: string) =>
      request(http).post(path).set(bearer(token)).send(body);
  return [
    { label: 'the whole review queue', send: get('/api/reviews?scope=all') },
    { label: 'the workload', send: get('/api/reviews/workload') },
    { label: 'a confidential need in full', send: get(`/api/needs/${needId}`) },
    { label: 'an achievement with internal notes', send: get(`/api/achievements/${achievementId}`) },
    { label: 'the moderation queue of needs', send: get('/api/moderation/needs') },
    { label: 'approving a listing', send: post(`/api/achievements/${achievementId}/approve`) },
    { label: 'closing a need', send: post(`/api/needs/${needId}/close`) },
    { label: 'approving a recommendation', send: post(`/api/reviews/${UNKNOWN}/approve`) },
    { label: 'bulk approval', send: post('/api/reviews/bulk-approve', { ids: [UNKNOWN] }) },
    { label: 'deals it would broker', send: get('/api/deals') },
    { label: 'taking a deal step', send: post(`/api/deals/${UNKNOWN}/transitions`, { action: 'sign' }) },
  ];
}

describe('finding 1: platform power comes only from the operator', () => {
  it('refuses to register a service agency, so nobody signs up as a manager', async () => {
    const response = await request(http)
      .post('/api/auth/register')
      .send({
        email: uniqueEmail(),
        password: TEST_PASSWORD,
        name: '某',
        organisation: { name: '某技术经理人事务所', kind: 'service_agency' },
        consent: TEST_CONSENT,
      });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['organisation.kind']);
  });

  it('gives a manager of a pending agency 403 on every route of the finding, then 401 and 403 once it is rejected', async () => {
    const agency = await agencyManager('pending');
    for (const route of finding1Routes()) {
      const response = await route.send(agency.accessToken);
      expect({ route: route.label, status: response.status }).toEqual({ route: route.label, status: 403 });
      expect(response.body.message).toMatch(/not in force/);
    }
    await request(http)
      .post(`/api/admin/organisations/${agency.agencyId}/reject`)
      .set(bearer(admin.accessToken))
      .send({ reason: '并非平台认可的技术经理人机构' })
      .expect(200);
    // The session made before the rejection ends at once.
    await expect(request(http).get('/api/auth/me').set(bearer(agency.accessToken))).resolves.toHaveProperty(
      'status',
      401,
    );
    const again = await signIn(http, agency.email, agency.password);
    for (const route of finding1Routes()) {
      const response = await route.send(again.accessToken);
      expect({ route: route.label, status: response.status }).toEqual({ route: route.label, status: 403 });
    }
  });

  it('never offers such a manager as a broker or counts it as an active reviewer', async () => {
    const agency = await agencyManager('pending');
    const brokers = await request(http).get('/api/deals/brokers').set(bearer(tto.accessToken)).expect(200);
    const ids = (brokers.body as { id: string }[]).map((b) => b.id);
    expect(ids).toContain(demo.manager.userId);
    expect(ids).not.toContain(agency.userId);
    const workload = await request(http).get('/api/reviews/workload').set(bearer(manager.accessToken)).expect(200);
    const row = (workload.body.managers as { userId: string; active: boolean }[]).find(
      (m) => m.userId === agency.userId,
    );
    expect(row).toMatchObject({ active: false });
  });

  it('does not let a TTO invite a platform-wide manager', async () => {
    const response = await request(http)
      .post(`/api/organisations/${tto.orgId}/invitations`)
      .set(bearer(tto.accessToken))
      .send({ email: uniqueEmail(), role: 'manager' });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe('role');
  });

  it('lets a pending company prepare a draft but not submit it, and a rejected one not even that', async () => {
    const pending = await registerAccount(http);
    const draft = await request(http).post('/api/needs').set(bearer(pending.accessToken)).send(NEED);
    expect(draft.status).toBe(201);
    const submit = await request(http).post(`/api/needs/${draft.body.id}/submit`).set(bearer(pending.accessToken));
    expect(submit.status).toBe(403);
    await request(http)
      .post(`/api/admin/organisations/${pending.orgId}/reject`)
      .set(bearer(admin.accessToken))
      .send({ reason: '资料不实' })
      .expect(200);
    const rejected = await signIn(http, pending.email, pending.password);
    const another = await request(http).post('/api/needs').set(bearer(rejected.accessToken)).send(NEED);
    expect(another.status).toBe(403);
    expect(another.body.message).toMatch(/rejected or suspended/);
    await expect(
      request(http).post(`/api/needs/${draft.body.id}/submit`).set(bearer(rejected.accessToken)),
    ).resolves.toHaveProperty('status', 403);
  });
});

describe('finding 4: sessions end when they are ended', () => {
  it('refuses an access token after logout', async () => {
    const session = await signIn(http, demo.enterprise.email, DEMO_PASSWORD);
    await request(http).get('/api/auth/me').set(bearer(session.accessToken)).expect(200);
    await request(http).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await request(http).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
    // Other sessions of the same user go on.
    await request(http).get('/api/auth/me').set(bearer(company.accessToken)).expect(200);
  });
});

/** Finding 2 and 4: input that used to reach a 500 or be stored, with the answer it gets now. */
const INPUTS: { finding: string; send: () => request.Test; status: number; field: string }[] = [
  {
    finding: 'NUL in a registration (no sign-in)',
    send: () =>
      request(http)
        .post('/api/auth/register')
        .send({
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: 'a\u0000b',
          organisation: { name: '某公司', kind: 'enterprise' },
          consent: TEST_CONSENT,
        }),
    status: 400,
    field: 'name',
  },
  {
    finding: 'NUL in a need title',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .send({ ...NEED, title: 'x\u0000y' }),
    status: 400,
    field: 'title',
  },
  {
    finding: 'NUL in a search query string',
    send: () => request(http).get('/api/search?q=x%00y').set(bearer(company.accessToken)),
    status: 400,
    field: 'q',
  },
  {
    finding: 'NUL in a reason',
    send: () =>
      request(http)
        .post(`/api/achievements/${achievementId}/reject`)
        .set(bearer(manager.accessToken))
        .send({ reason: 'a\u0000b' }),
    status: 400,
    field: 'reason',
  },
  {
    finding: 'JSON nested 50,000 deep at sign-in',
    send: () =>
      request(http)
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
    status: 400,
    field: 'body',
  },
  {
    finding: 'JSON nested 50,000 deep in a need',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .set('content-type', 'application/json')
        .send(`{"title":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`),
    status: 400,
    field: 'body',
  },
  {
    finding: 'minTrl given as the string "5"',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .send({ ...NEED, minTrl: '5' }),
    status: 400,
    field: 'minTrl',
  },
  {
    finding: 'a title of zero-width characters only',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .send({ ...NEED, title: '\u200b\u200c\u2060\ufeff' }),
    status: 400,
    field: 'title',
  },
  {
    finding: 'a title of control characters only',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .send({ ...NEED, title: '\u0001\u0002\u0003' }),
    status: 400,
    field: 'title',
  },
  {
    finding: 'a deadline in 1900',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .send({ ...NEED, deadline: '1900-01-01' }),
    status: 400,
    field: 'deadline',
  },
  {
    finding: 'a deadline in 9999',
    send: () =>
      request(http)
        .post('/api/needs')
        .set(bearer(company.accessToken))
        .send({ ...NEED, deadline: '9999-12-31' }),
    status: 400,
    field: 'deadline',
  },
  {
    finding: 'the password 1234567890',
    send: () =>
      request(http)
        .post('/api/auth/register')
        .send({
          email: uniqueEmail(),
          password: '1234567890',
          name: '某',
          organisation: { name: '某公司', kind: 'enterprise' },
          consent: TEST_CONSENT,
        }),
    status: 400,
    field: 'password',
  },
  {
    finding: 'a password of ten spaces',
    send: () =>
      request(http)
        .post('/api/auth/register')
        .send({
          email: uniqueEmail(),
          password: ' '.repeat(10),
          name: '某',
          organisation: { name: '某公司', kind: 'enterprise' },
          consent: TEST_CONSENT,
        }),
    status: 400,
    field: 'password',
  },
];

describe('findings 2 and 4: input is refused with a 400 naming the field', () => {
  it.each(INPUTS.map((input) => [input.finding, input] as const))('%s', async (_finding, input) => {
    const response = await input.send();
    expect(response.status).toBe(input.status);
    const fields = (response.body.fields ?? [{ field: response.body.field }]).map((f: { field: string }) => f.field);
    expect(fields).toContain(input.field);
  });
});

describe('finding 4: what the platform hands out', () => {
  it('answers a registration with an existing address exactly as one with a new address (no 409)', async () => {
    const attempt = (email: string) =>
      request(http)
        .post('/api/auth/register')
        .send({
          email,
          password: TEST_PASSWORD,
          name: '某',
          organisation: { name: `某公司 ${email}`, kind: 'enterprise' },
          consent: TEST_CONSENT,
        });
    const existing = await attempt(demo.enterprise.email);
    const fresh = await attempt(uniqueEmail('fresh'));
    expect([existing.status, fresh.status]).toEqual([202, 202]);
    expect(existing.text).toBe(fresh.text);
    expect(existing.body).toEqual({ status: 'confirmation_sent' });
  });

  it('does not serve /metrics on the api port without the metrics token', async () => {
    const response = await request(http).get('/metrics');
    expect(response.status).toBe(404);
    expect(response.text).not.toMatch(/http_request_duration_seconds/);
  });

  it('gives search hits no organisation id, only whether the listing is the caller’s own', async () => {
    const response = await request(http).get('/api/search?scope=mine').set(bearer(company.accessToken)).expect(200);
    for (const hit of response.body.hits as Record<string, unknown>[]) {
      expect(hit).not.toHaveProperty('ownerOrgId');
      expect(hit.mine).toBe(true);
    }
  });
});

describe('finding 3: rate limits with Retry-After', () => {
  let limited: NestExpressApplication;
  let target: HttpTarget;

  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      RATE_LIMIT_FACTOR: '1',
      TRUST_PROXY: 'loopback',
      QUEUE_PREFIX: `${env.queuePrefix}l`,
    });
    try {
      limited = await startApi();
    } finally {
      process.env = saved;
    }
    target = limited.getHttpServer();
  });

  afterAll(async () => {
    await limited?.close();
  });

  it('backs off sign-in per account, whichever address the attempts come from', async () => {
    const attempt = (i: number) =>
      request(target)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email: demo.tto.email, password: 'not the password' });
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i += 1) statuses.push((await attempt(i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await attempt(7);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('limits search per user and answers Retry-After', async () => {
    const session = await signIn(target, demo.enterprise.email, DEMO_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) {
      statuses.push((await request(target).get('/api/search?q=镁合金').set(bearer(session.accessToken))).status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    const blocked = await request(target).get('/api/search?q=镁合金').set(bearer(session.accessToken));
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
