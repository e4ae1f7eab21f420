import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InboxController } from '../src/inbox/inbox.controller';
import { PreferencesController } from '../src/preferences/preferences.controller';
import { WebhooksController } from '../src/webhooks/webhooks.controller';
import { startApi } from '../../../test/support/apps';
import { bearer, registerAccount, signInOperator, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { approval, deliveriesOf, notify, registerEndpoint, type Http } from './fixtures';

let env: TestEnvironment;
let api: NestExpressApplication;
let http: Http;
let dataSource: DataSource;
let owner: SignedIn;
let colleague: SignedIn;
let stranger: SignedIn;
let hook: { id: string; secret: string };
let deliveryId: string;
let inboxItemId: string;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  // The api alone: nothing here needs the worker (jobs wait in the outbox).
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  const admin = await signInOperator(http, dataSource);
  owner = await registerAccount(http, { name: '重庆某装备公司', kind: 'university', verifiedBy: admin });
  stranger = await registerAccount(http, { name: '重庆另一家公司', verifiedBy: admin });
  // A second member of the owner's organisation, with the same role.
  const [row] = await dataSource.query(
    `INSERT INTO user_account (organisation_id, email, display_name, role, password_hash)
     SELECT organisation_id, 'colleague-' || substr(md5(random()::text), 1, 8) || '@example.test', '同事', role, password_hash
       FROM user_account WHERE id = $1 RETURNING id, email`,
    [owner.userId],
  );
  const login = await request(http).post('/api/auth/login').send({ email: row.email, password: owner.password });
  colleague = { ...owner, userId: row.id, email: row.email, accessToken: login.body.tokens.accessToken };
  hook = await registerEndpoint(http, owner, 'http://127.0.0.1:9/hook');
  const result = await notify(api, approval({ userIds: [owner.userId] }));
  const deliveries = await deliveriesOf(dataSource, result.notificationId);
  deliveryId = deliveries.find((d) => d.channel === 'webhook')!.id;
  inboxItemId = deliveries.find((d) => d.channel === 'inbox')!.id;
});

afterAll(async () => {
  await api?.close();
  await env?.teardown();
});

const hooks = (account: SignedIn, orgId = account.orgId): string => `/api/organisations/${orgId}/webhooks`;

describe(WebhooksController.name, () => {
  it('shows the secret once, stores it sealed, and never returns it again', async () => {
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [stored] = await dataSource.query(`SELECT secret_sealed, secret_hint FROM webhook_endpoint WHERE id = $1`, [
      hook.id,
    ]);
    expect(stored.secret_sealed).not.toContain(hook.secret);
    expect(stored.secret_sealed).not.toContain(hook.secret.slice(6));
    expect(stored.secret_hint).toBe(`whsec_…${hook.secret.slice(-4)}`);

    const list = await request(http).get(hooks(owner)).set(bearer(owner.accessToken));
    const one = await request(http)
      .get(`${hooks(owner)}/${hook.id}`)
      .set(bearer(colleague.accessToken));
    const patched = await request(http)
      .patch(`${hooks(owner)}/${hook.id}`)
      .set(bearer(owner.accessToken))
      .send({ description: '新的说明' });
    for (const response of [list, one, patched]) {
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(hook.secret.slice(6));
      expect(JSON.stringify(response.body)).not.toMatch(/"secret"/);
    }
    expect(list.body).toEqual([
      expect.objectContaining({ id: hook.id, secretHint: stored.secret_hint, enabled: true }),
    ]);
    expect(patched.body.description).toBe('新的说明');

    const rotated = await request(http)
      .post(`${hooks(owner)}/${hook.id}/rotate-secret`)
      .set(bearer(owner.accessToken));
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const audit = await dataSource.query(
      `SELECT action, details FROM audit_log WHERE subject_id = $1 ORDER BY occurred_at`,
      [hook.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.secret_rotated',
    ]);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it("answers 404 for another organisation's endpoints, whatever the route", async () => {
    const routes: [string, string][] = [
      ['get', hooks(owner)],
      ['post', hooks(owner)],
      ['get', `${hooks(owner)}/${hook.id}`],
      ['patch', `${hooks(owner)}/${hook.id}`],
      ['delete', `${hooks(owner)}/${hook.id}`],
      ['post', `${hooks(owner)}/${hook.id}/enable`],
      ['post', `${hooks(owner)}/${hook.id}/disable`],
      ['post', `${hooks(owner)}/${hook.id}/rotate-secret`],
      ['get', `${hooks(owner)}/${hook.id}/deliveries`],
      ['post', `${hooks(owner)}/${hook.id}/deliveries/${deliveryId}/redeliver`],
      // The stranger's own organisation in the path, the owner's endpoint after it.
      ['get', `${hooks(stranger)}/${hook.id}`],
      ['patch', `${hooks(stranger)}/${hook.id}`],
      ['delete', `${hooks(stranger)}/${hook.id}`],
      ['get', `${hooks(stranger)}/${hook.id}/deliveries`],
    ];
    for (const [method, path] of routes) {
      const body =
        method === 'post' && path === hooks(owner)
          ? { url: 'http://127.0.0.1:9/x', eventTypes: ['deal.reminder'] }
          : method === 'patch'
            ? { description: 'x' }
            : undefined;
      const response = await request(http)[method as 'get'](path).set(bearer(stranger.accessToken)).send(body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    const still = await request(http)
      .get(`${hooks(owner)}/${hook.id}`)
      .set(bearer(owner.accessToken));
    expect(still.body).toMatchObject({ id: hook.id, enabled: true, description: '新的说明' });
  });

  it('answers 401 without a token', async () => {
    expect((await request(http).get(hooks(owner))).status).toBe(401);
    expect(
      (
        await request(http)
          .post(hooks(owner))
          .send({ url: 'http://127.0.0.1:9/x', eventTypes: ['deal.reminder'] })
      ).status,
    ).toBe(401);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://example.com/x', eventTypes: ['recommendation.approved'] }, 'url'],
      [{ url: 'javascript:alert(1)', eventTypes: ['recommendation.approved'] }, 'url'],
      [{ url: 'http://10.0.0.8/hook', eventTypes: ['recommendation.approved'] }, 'url'],
      [{ url: 'http://user:pw@127.0.0.1:9/x', eventTypes: ['recommendation.approved'] }, 'url'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['recommendation.rejected'] }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x', eventTypes: [] }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x' }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['deal.reminder'], secret: 'mine' }, 'secret'],
    ];
    const [before] = await dataSource.query(`SELECT count(*)::int AS n FROM webhook_endpoint`);
    for (const [body, field] of cases) {
      const response = await request(http).post(hooks(owner)).set(bearer(owner.accessToken)).send(body);
      expect([body, response.status]).toEqual([body, 400]);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const [after] = await dataSource.query(`SELECT count(*)::int AS n FROM webhook_endpoint`);
    expect(after.n).toBe(before.n);
    const badId = await request(http)
      .get(`${hooks(owner)}/not-a-uuid`)
      .set(bearer(owner.accessToken));
    expect(badId.status).toBe(400);
    expect(badId.body.fields).toEqual([{ field: 'endpointId', message: 'endpointId must be a UUID' }]);
    const badStatus = await request(http)
      .get(`${hooks(owner)}/${hook.id}/deliveries?status=lost`)
      .set(bearer(owner.accessToken));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.fields[0].field).toBe('status');
    expect(
      (
        await request(http)
          .get(`${hooks(owner)}/${UNKNOWN}`)
          .set(bearer(owner.accessToken))
      ).status,
    ).toBe(404);
  });
});

describe(InboxController.name, () => {
  it('shows each user only their own items; another user cannot mark them read', async () => {
    const mine = await request(http).get('/api/inbox').set(bearer(owner.accessToken));
    expect(mine.body).toMatchObject({ total: 1, unread: 1, items: [expect.objectContaining({ id: inboxItemId })] });
    for (const other of [colleague, stranger]) {
      const theirs = await request(http).get('/api/inbox').set(bearer(other.accessToken));
      expect(theirs.body).toMatchObject({ total: 0, unread: 0, items: [] });
      const read = await request(http).post(`/api/inbox/${inboxItemId}/read`).set(bearer(other.accessToken));
      expect(read.status).toBe(404);
    }
    // Another channel's delivery is not an inbox item, even for its recipient.
    expect((await request(http).post(`/api/inbox/${deliveryId}/read`).set(bearer(owner.accessToken))).status).toBe(404);
    expect((await request(http).get('/api/inbox/unread-count').set(bearer(owner.accessToken))).body).toEqual({
      unread: 1,
    });

    const read = await request(http).post(`/api/inbox/${inboxItemId}/read`).set(bearer(owner.accessToken));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await request(http).post(`/api/inbox/${inboxItemId}/read`).set(bearer(owner.accessToken));
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await request(http).get('/api/inbox/unread-count').set(bearer(owner.accessToken))).body).toEqual({
      unread: 0,
    });
    expect((await request(http).get('/api/inbox?unread=true').set(bearer(owner.accessToken))).body).toMatchObject({
      total: 0,
      unread: 0,
    });
    expect((await request(http).get('/api/inbox?unread=false').set(bearer(owner.accessToken))).body).toMatchObject({
      total: 1,
    });
  });

  it('marks everything read at once', async () => {
    await notify(api, approval({ userIds: [stranger.userId] }));
    await notify(api, approval({ userIds: [stranger.userId] }));
    const marked = await request(http).post('/api/inbox/read-all').set(bearer(stranger.accessToken));
    expect(marked.body).toEqual({ marked: 2 });
    expect((await request(http).get('/api/inbox/unread-count').set(bearer(stranger.accessToken))).body).toEqual({
      unread: 0,
    });
  });

  it('refuses anonymous callers and bad parameters', async () => {
    expect((await request(http).get('/api/inbox')).status).toBe(401);
    expect((await request(http).post(`/api/inbox/${inboxItemId}/read`)).status).toBe(401);
    const bad = await request(http).get('/api/inbox?unread=maybe&pageSize=500').set(bearer(owner.accessToken));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['pageSize', 'unread']);
    const unknown = await request(http).get('/api/inbox?folder=spam').set(bearer(owner.accessToken));
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].field).toBe('folder');
  });
});

describe(PreferencesController.name, () => {
  it('lists every type with the defaults, changes one field at a time, and is per user', async () => {
    const initial = await request(http).get('/api/notification-preferences').set(bearer(colleague.accessToken));
    expect(initial.body.map((p: { type: string }) => p.type)).toEqual([
      'recommendation.approved',
      'connection.made',
      'deal.reminder',
      'listing.published',
      'listing.returned',
      'deal.opened',
      'deal.terms',
      'deal.progress',
      'challenge.published',
      'challenge.proposal',
      'challenge.reminder',
      'challenge.decision',
      'saved_search.match',
      'service.quote',
    ]);
    expect(initial.body[0]).toEqual({
      type: 'recommendation.approved',
      label: { zh: '推荐已审核通过', en: 'Recommendation approved' },
      inbox: true,
      email: true,
      emailMode: 'immediate',
      isDefault: true,
    });
    const put = (body: object): request.Test =>
      request(http).put('/api/notification-preferences/deal.reminder').set(bearer(colleague.accessToken)).send(body);
    expect((await put({ emailMode: 'digest' })).body).toMatchObject({ inbox: true, email: true, emailMode: 'digest' });
    expect((await put({ inbox: false })).body).toMatchObject({
      inbox: false,
      email: true,
      emailMode: 'digest',
      isDefault: false,
    });
    const ownerView = await request(http).get('/api/notification-preferences').set(bearer(owner.accessToken));
    expect(ownerView.body.find((p: { type: string }) => p.type === 'deal.reminder')).toMatchObject({
      isDefault: true,
      inbox: true,
    });
  });

  it('refuses unknown types, bad values, unknown fields and anonymous callers', async () => {
    const put = (type: string, body: object): request.Test =>
      request(http).put(`/api/notification-preferences/${type}`).set(bearer(owner.accessToken)).send(body);
    const unknownType = await put('deal.signed', { email: false });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.fields).toEqual([
      { field: 'type', message: 'type deal.signed is not a notification type' },
    ]);
    for (const [body, field] of [
      [{ emailMode: 'weekly' }, 'emailMode'],
      [{ email: 'no' }, 'email'],
      [{ webhook: true }, 'webhook'],
    ] as const) {
      const response = await put('deal.reminder', body);
      expect([field, response.status]).toEqual([field, 400]);
      expect(response.body.fields[0].field).toBe(field);
    }
    expect((await request(http).get('/api/notification-preferences')).status).toBe(401);
  });
});

describe('webhook targets in production', () => {
  it('refuses loopback and private URLs (SSRF), which test and development accept for loopback', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: 'a production secret, long enough to be accepted',
    });
    const production = await startApi().finally(() => {
      process.env = saved;
    });
    try {
      const target = production.getHttpServer();
      const account = await registerAccount(target, {
        name: '重庆某生产环境公司',
        verifiedBy: await signInOperator(target, dataSource),
      });
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'http://localhost:8080/hook',
        'http://[::1]/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://192.168.1.10/hook',
      ]) {
        const response = await request(target)
          .post(`/api/organisations/${account.orgId}/webhooks`)
          .set(bearer(account.accessToken))
          .send({ url, eventTypes: ['recommendation.approved'] });
        expect([url, response.status]).toEqual([url, 400]);
        expect(response.body.fields[0]).toMatchObject({
          field: 'url',
          message: expect.stringMatching(/^url must not point at/),
        });
      }
      const publicTarget = await request(target)
        .post(`/api/organisations/${account.orgId}/webhooks`)
        .set(bearer(account.accessToken))
        .send({ url: 'https://203.0.114.10/kuaizhuan', eventTypes: ['recommendation.approved'] });
      expect(publicTarget.status).toBe(201);
    } finally {
      await production.close();
    }
  });
});
