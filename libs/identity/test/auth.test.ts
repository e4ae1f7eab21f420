import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { AppConfig } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import { AuthController } from '../src/auth/auth.controller';
import { startApi } from '../../../test/support/apps';
import {
  bearer,
  confirmationMail,
  confirmationToken,
  registerAccount,
  signIn,
  signupMailbox,
  TEST_CONSENT,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
});

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

async function auditActions(userId: string): Promise<string[]> {
  const rows: { action: string }[] = await dataSource.query(
    `SELECT action FROM audit_log WHERE actor_user_id = $1 OR subject_id = $1::text ORDER BY occurred_at, action`,
    [userId],
  );
  return rows.map((row) => row.action);
}

describe(AuthController.name, () => {
  describe('register', () => {
    it('records a pending organisation and an unconfirmed first user, whose role follows the kind, and gives no tokens', async () => {
      const email = uniqueEmail('TTO').toUpperCase();
      const response = await request(http)
        .post('/api/auth/register')
        .send({
          email,
          password: TEST_PASSWORD,
          name: '李华',
          organisation: {
            name: '西南大学技术转移中心',
            kind: 'university',
            creditCode: '91350100m000100y43',
            region: '500109',
          },
          consent: TEST_CONSENT,
        });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'confirmation_sent' });

      const [stored] = await dataSource.query(
        `SELECT u.id, u.role, u.status, u.password_hash, u.email_confirmed_at, o.kind, o.verification_status, o.credit_code
         FROM user_account u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
        [email.toLowerCase()],
      );
      expect(stored).toMatchObject({
        role: 'tto',
        status: 'active',
        email_confirmed_at: null,
        kind: 'university',
        verification_status: 'pending',
        credit_code: '91350100M000100Y43',
      });
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      await expect(auditActions(stored.id)).resolves.toEqual(['organisation.registered']);

      // The link in the e-mail confirms the address and signs in, as login does.
      const mail = await confirmationMail(signupMailbox(), email.toLowerCase());
      const confirmed = await request(http)
        .post('/api/auth/confirm')
        .send({ token: confirmationToken(mail) });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.user).toMatchObject({ id: stored.id, email: email.toLowerCase(), role: 'tto' });
      expect(confirmed.body.organisation).toMatchObject({ kind: 'university', verificationStatus: 'pending' });
      expect(confirmed.body.tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(JSON.stringify(confirmed.body)).not.toMatch(/hash/i);
      await expect(auditActions(stored.id)).resolves.toEqual([
        'organisation.registered',
        'auth.confirmation_issued',
        'auth.email_confirmed',
      ]);
    });

    it('refuses a service agency: the manager role is granted by the operator only', async () => {
      const email = uniqueEmail();
      const response = await request(http)
        .post('/api/auth/register')
        .send({
          email,
          password: TEST_PASSWORD,
          name: 'x',
          organisation: { name: '某事务所', kind: 'service_agency' },
          consent: TEST_CONSENT,
        });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([
        { field: 'organisation.kind', message: expect.stringMatching(/onboarded by the operator/), constraint: 'isIn' },
      ]);
      await expect(dataSource.query(`SELECT 1 FROM user_account WHERE email = $1`, [email])).resolves.toEqual([]);
    });

    it('refuses a government organisation: those are onboarded by the operator', async () => {
      const response = await request(http)
        .post('/api/auth/register')
        .send({
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: 'x',
          organisation: { name: '某区科技局', kind: 'government' },
          consent: TEST_CONSENT,
        });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([
        { field: 'organisation.kind', message: expect.stringMatching(/onboarded by the operator/), constraint: 'isIn' },
      ]);
    });

    it('answers 400 naming every malformed or unknown field', async () => {
      const response = await request(http).post('/api/auth/register').send({ email: 'x', role: 'admin' });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      const fields = (response.body.fields as { field: string }[]).map((problem) => problem.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'role', 'password', 'name', 'organisation', 'consent']));
    });

    it('refuses attempts to set the organisation, role or status', async () => {
      const response = await request(http)
        .post('/api/auth/register')
        .send({
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: 'x',
          orgId: '00000000-0000-4000-8000-000000000000',
          role: 'admin',
          status: 'active',
          organisation: { name: '某公司', kind: 'enterprise', verificationStatus: 'verified' },
          consent: TEST_CONSENT,
        });
      expect(response.status).toBe(400);
      const fields = (response.body.fields as { field: string }[]).map((problem) => problem.field).sort();
      expect(fields).toEqual(['orgId', 'organisation.verificationStatus', 'role', 'status']);
      await expect(dataSource.query(`SELECT 1 FROM organisation WHERE name = '某公司'`)).resolves.toHaveLength(0);
    });

    it('refuses a short password and a credit code with a wrong check character', async () => {
      const response = await request(http)
        .post('/api/auth/register')
        .send({
          email: uniqueEmail(),
          password: 'short',
          name: 'x',
          organisation: { name: '某公司', kind: 'enterprise', creditCode: '91350100M000100Y44' },
          consent: TEST_CONSENT,
        });
      expect(response.status).toBe(400);
      const fields = (response.body.fields as { field: string }[]).map((problem) => problem.field).sort();
      expect(fields).toEqual(['organisation.creditCode', 'password']);
    });
  });

  describe('login', () => {
    it('signs in with the registered password, and me answers who the caller is', async () => {
      const account = await registerAccount(http);
      const session = await signIn(http, account.email, account.password);
      const me = await request(http).get('/api/auth/me').set(bearer(session.accessToken));
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ id: account.userId, email: account.email, role: 'enterprise' });
      expect(me.body.user.lastLoginAt).toEqual(expect.any(String));
      expect(me.body.organisation).toMatchObject({ id: account.orgId, verificationStatus: 'pending' });
      expect(me.body.user.passwordHash).toBeUndefined();
      await expect(auditActions(account.userId)).resolves.toEqual([
        'organisation.registered',
        'auth.confirmation_issued',
        'auth.email_confirmed',
        'auth.login',
      ]);
    });

    it('answers the same 401 for a wrong password and an unknown address, and audits both', async () => {
      const account = await registerAccount(http);
      const unknown = uniqueEmail('nobody');
      const wrong = await request(http)
        .post('/api/auth/login')
        .send({ email: account.email, password: 'not the password' });
      const missing = await request(http)
        .post('/api/auth/login')
        .send({ email: unknown, password: 'not the password' });
      expect(wrong.status).toBe(401);
      expect(missing.status).toBe(401);
      expect(missing.body.message).toBe(wrong.body.message);
      expect(missing.body.error).toBe(wrong.body.error);

      const rows: { details: Record<string, string>; actor_user_id: string | null; ip: string | null }[] =
        await dataSource.query(
          `SELECT details, actor_user_id, ip FROM audit_log WHERE action = 'auth.login_failed' AND details->>'email' = ANY($1)`,
          [[account.email, unknown]],
        );
      expect(rows.map((row) => row.details.reason).sort()).toEqual(['unknown_email', 'wrong_password']);
      expect(rows.every((row) => row.actor_user_id === null && typeof row.ip === 'string')).toBe(true);
      expect(JSON.stringify(rows)).not.toContain('not the password');
    });
  });

  describe('refresh', () => {
    it('hands out a new pair for each use, chaining the tokens of one family', async () => {
      const account = await registerAccount(http);
      const first = await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(account.refreshToken);
      const me = await request(http).get('/api/auth/me').set(bearer(first.body.accessToken));
      expect(me.status).toBe(200);

      const second = await request(http).post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);
      const rows = await dataSource.query(
        `SELECT used_at IS NOT NULL AS used, replaced_by IS NOT NULL AS replaced FROM refresh_token WHERE user_id = $1 ORDER BY created_at`,
        [account.userId],
      );
      expect(rows).toEqual([
        { used: true, replaced: true },
        { used: true, replaced: true },
        { used: false, replaced: false },
      ]);
    });

    it('revokes the whole family when a used token comes back, so the newest token fails too', async () => {
      const account = await registerAccount(http);
      const rotated = await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      expect(rotated.status).toBe(200);
      // Past the grace window a page gets for a refresh it never saw the answer to.
      await dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 minute' WHERE user_id = $1`, [
        account.userId,
      ]);

      const replay = await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.field).toBe('refreshToken');

      const newest = await request(http).post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
      expect(newest.status).toBe(401);
      await expect(auditActions(account.userId)).resolves.toContain('auth.refresh_reuse_detected');
      const [{ live }] = await dataSource.query(
        `SELECT count(*)::int AS live FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
        [account.userId],
      );
      expect(live).toBe(0);
    });

    it('answers a token presented again within the grace window with another pair of the same session', async () => {
      const account = await registerAccount(http);
      const first = await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      const again = await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.body.refreshToken).not.toBe(first.body.refreshToken);
      for (const pair of [first.body, again.body]) {
        const next = await request(http).post('/api/auth/refresh').send({ refreshToken: pair.refreshToken });
        expect(next.status).toBe(200);
        await expect(request(http).get('/api/auth/me').set(bearer(next.body.accessToken))).resolves.toHaveProperty(
          'status',
          200,
        );
      }
      await expect(auditActions(account.userId)).resolves.not.toContain('auth.refresh_reuse_detected');
    });

    it('keeps other sessions of the same user working', async () => {
      const account = await registerAccount(http);
      const other = await signIn(http, account.email, account.password);
      await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      const response = await request(http).post('/api/auth/refresh').send({ refreshToken: other.refreshToken });
      expect(response.status).toBe(200);
    });

    it('answers 401 for a token it never issued and 400 for a malformed one', async () => {
      const unknown = await request(http)
        .post('/api/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) });
      expect(unknown.status).toBe(401);
      const malformed = await request(http).post('/api/auth/refresh').send({ refreshToken: 42 });
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields[0].field).toBe('refreshToken');
    });
  });

  describe('logout', () => {
    it('ends the session: its refresh token no longer works', async () => {
      const account = await registerAccount(http);
      const rotated = await request(http).post('/api/auth/refresh').send({ refreshToken: account.refreshToken });
      const out = await request(http).post('/api/auth/logout').send({ refreshToken: rotated.body.refreshToken });
      expect(out.status).toBe(204);
      const after = await request(http).post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
      expect(after.status).toBe(401);
      await expect(auditActions(account.userId)).resolves.toContain('auth.logout');
    });
  });

  describe('me', () => {
    it('answers 401 without a token, and with a forged, foreign, expired or unsigned one', async () => {
      const account = await registerAccount(http);
      const [header, payload] = account.accessToken.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(43)}`;
      const claims = { sub: account.userId, org: account.orgId, role: 'admin', iss: 'kuaizhuan' };
      const foreign = await new JwtService({ secret: 'another secret that is long enough to sign' }).signAsync(claims);
      const secret = app.get(AppConfig).get('JWT_ACCESS_SECRET');
      const expired = await new JwtService({ secret }).signAsync({
        ...claims,
        exp: Math.floor(Date.now() / 1000) - 60,
      });
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      const attempts = [{}, bearer('not-a-jwt'), bearer(forged), bearer(foreign), bearer(expired), bearer(unsigned)];
      for (const headers of [...attempts, { Authorization: account.accessToken }]) {
        const response = await request(http).get('/api/auth/me').set(headers);
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ statusCode: 401, error: 'unauthorized' });
      }
    });

    it('lets health probes through without a token', async () => {
      const response = await request(http).get('/api/health/live');
      expect(response.status).toBe(200);
    });
  });
});

describe(`${AuthController.name} with a limit of 3 attempts a minute`, () => {
  let limited: NestExpressApplication;
  let target: ReturnType<NestExpressApplication['getHttpServer']>;

  beforeAll(async () => {
    const saved = process.env.AUTH_RATE_LIMIT_PER_MINUTE;
    process.env.AUTH_RATE_LIMIT_PER_MINUTE = '3';
    // The tests name their client address in X-Forwarded-For, from the loopback proxy.
    process.env.TRUST_PROXY = 'loopback';
    try {
      limited = await startApi();
    } finally {
      process.env.AUTH_RATE_LIMIT_PER_MINUTE = saved;
      delete process.env.TRUST_PROXY;
    }
    target = limited.getHttpServer();
  });

  afterAll(async () => {
    await limited?.close();
  });

  describe('login', () => {
    it('answers 429 with the common error body from the 4th attempt of one address; other addresses go on', async () => {
      const attempt = (ip: string) =>
        request(target)
          .post('/api/auth/login')
          .set('X-Forwarded-For', ip)
          .send({ email: 'who@example.test', password: 'guess' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await attempt('203.0.113.10')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const blocked = await attempt('203.0.113.10');
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        statusCode: 429,
        error: 'too_many_requests',
        message: expect.stringMatching(/try again/),
        requestId: expect.any(String),
      });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      await expect(attempt('203.0.113.11')).resolves.toHaveProperty('status', 401);
    });
  });

  describe('register and accept-invitation', () => {
    it('limit each address on each of them too, counting refused requests', async () => {
      for (const path of ['/api/auth/register', '/api/invitations/accept']) {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          statuses.push((await request(target).post(path).set('X-Forwarded-For', '198.51.100.7').send({})).status);
        }
        expect(statuses).toEqual([400, 400, 400, 429]);
      }
    });
  });

  describe('refresh', () => {
    it('is not counted as a sign-in attempt: many refreshes from one address never meet the limit', async () => {
      // Signed up through the other replica: the two count sign-ups from this address together.
      const account = await registerAccount(http, { email: uniqueEmail('reloads') });
      let token = account.refreshToken;
      for (let i = 0; i < 12; i += 1) {
        const response = await request(target)
          .post('/api/auth/refresh')
          .set('X-Forwarded-For', '198.51.100.8')
          .send({ refreshToken: token });
        expect(response.status).toBe(200);
        token = response.body.refreshToken;
      }
    });
  });
});
