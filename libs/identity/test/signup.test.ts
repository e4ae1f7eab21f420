import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SignupService } from '../src/signup/signup.service';
import { ensureMailDelivery, eventually, startApi } from '../../../test/support/apps';
import {
  bearer,
  confirmationMail,
  confirmationToken,
  registerAccount,
  signInOperator,
  signupMailbox,
  TEST_CONSENT,
  TEST_PASSWORD,
  uniqueEmail,
  type SignedIn,
} from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import type { SmtpCapture } from '../../../test/support/smtp';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let smtp: SmtpCapture;
let admin: SignedIn;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  smtp = signupMailbox();
  await ensureMailDelivery();
  admin = await signInOperator(http, dataSource);
});

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

function registration(email: string, organisation = `某企业 ${email}`, password = TEST_PASSWORD) {
  return {
    email,
    password,
    name: '王注册',
    organisation: { name: organisation, kind: 'enterprise', region: '500112' },
    consent: TEST_CONSENT,
  };
}

const register = (body: object) => request(http).post('/api/auth/register').send(body);

async function count(sql: string, params: unknown[]): Promise<number> {
  const [{ n }]: { n: number }[] = await dataSource.query(sql, params);
  return n;
}

/** Waits for the `index`-th e-mail (counting from 1) to `email`, and returns it. */
async function nthMail(email: string, index: number) {
  return eventually(async () => smtp.messagesTo(email)[index - 1], 30_000, `e-mail ${index} to ${email}`);
}

describe(SignupService.name, () => {
  describe('register', () => {
    it('answers a taken address and a new one with the same status and bytes; the owner is told, nothing is created', async () => {
      const owner = await registerAccount(http);
      const fresh = uniqueEmail('fresh');
      const organisations = await count(`SELECT count(*)::int AS n FROM organisation`, []);

      const taken = await register(registration(owner.email, '冒名企业'));
      const created = await register(registration(fresh, '新企业'));
      expect(taken.status).toBe(202);
      expect(created.status).toBe(202);
      expect(taken.text).toBe(created.text);
      expect(taken.body).toEqual({ status: 'confirmation_sent' });
      expect(taken.headers['content-type']).toBe(created.headers['content-type']);
      expect(JSON.stringify(created.body)).not.toMatch(/token/i);

      // One organisation more (the new address's), none for the taken one; one account per address.
      await expect(count(`SELECT count(*)::int AS n FROM organisation`, [])).resolves.toBe(organisations + 1);
      await expect(count(`SELECT count(*)::int AS n FROM organisation WHERE name = '冒名企业'`, [])).resolves.toBe(0);
      await expect(count(`SELECT count(*)::int AS n FROM user_account WHERE email = $1`, [owner.email])).resolves.toBe(
        1,
      );

      // The owner's own confirmation mail left the mailbox when registerAccount followed it.
      const notice = await nthMail(owner.email, 1);
      expect(notice.subject).toMatch(/Someone tried to register/);
      expect(notice.text).toMatch(/already has an account/);
      expect(notice.text).not.toMatch(/token=/);
      const confirmation = await nthMail(fresh, 1);
      expect(confirmation.text).toMatch(/\/confirm\?token=/);
      expect(confirmation.text).toContain('新企业');
      // The owner can still sign in with the old password: the attempt changed nothing.
      const login = await request(http).post('/api/auth/login').send({ email: owner.email, password: owner.password });
      expect(login.status).toBe(200);
      expect(login.body.organisation.id).toBe(owner.orgId);
    });

    it('lets a later registration of a never-confirmed address take its place; the earlier link stops working', async () => {
      const email = uniqueEmail('twice');
      await register(registration(email, '第一次注册', 'first registration password')).expect(202);
      const first = confirmationToken(await confirmationMail(smtp, email));
      await register(registration(email, '第二次注册', 'second registration password')).expect(202);
      const second = confirmationToken(await confirmationMail(smtp, email, 1));

      const stale = await request(http).post('/api/auth/confirm').send({ token: first });
      expect(stale.status).toBe(422);
      expect(stale.body.field).toBe('token');
      const confirmed = await request(http).post('/api/auth/confirm').send({ token: second });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.organisation.name).toBe('第二次注册');
      await expect(count(`SELECT count(*)::int AS n FROM user_account WHERE email = $1`, [email])).resolves.toBe(1);
      const old = await request(http).post('/api/auth/login').send({ email, password: 'first registration password' });
      expect(old.status).toBe(401);
    });

    it('frees the credit code of a registration never confirmed within a day, but not of a fresh one', async () => {
      const creditCode = '91350100M000100Y43';
      const squatter = uniqueEmail('squatter');
      const body = (email: string) => ({
        ...registration(email),
        organisation: { ...registration(email).organisation, creditCode },
      });
      const valid = await register(body(squatter));
      expect(valid.status).toBe(202);
      const blocked = await register(body(uniqueEmail('genuine')));
      expect(blocked.status).toBe(409);
      expect(blocked.body.field).toBe('organisation.creditCode');

      await dataSource.query(
        `UPDATE user_account SET confirmation_requested_at = now() - interval '25 hours' WHERE email = $1`,
        [squatter],
      );
      const genuine = uniqueEmail('genuine');
      await register(body(genuine)).expect(202);
      await expect(
        count(
          `SELECT count(*)::int AS n FROM organisation o JOIN user_account u ON u.organisation_id = o.id
           WHERE o.credit_code = $1 AND u.email = $2`,
          [creditCode, genuine],
        ),
      ).resolves.toBe(1);
    });

    it('refuses a credit code in use alike for the address of its own organisation and a new one', async () => {
      const creditCode = '91500000MA5U0A0X16';
      const holder = uniqueEmail('holder');
      await register({
        ...registration(holder),
        organisation: { name: '持码企业', kind: 'enterprise', creditCode },
      }).expect(202);
      await request(http)
        .post('/api/auth/confirm')
        .send({ token: confirmationToken(await confirmationMail(smtp, holder)) })
        .expect(200);
      const attempt = (email: string) =>
        register({ ...registration(email), organisation: { name: '冒用企业', kind: 'enterprise', creditCode } });
      const own = await attempt(holder);
      const fresh = await attempt(uniqueEmail('fresh'));
      expect([own.status, fresh.status]).toEqual([409, 409]);
      expect({ ...own.body, requestId: null }).toEqual({ ...fresh.body, requestId: null });
    });

    it('keeps unconfirmed registrations out of the operator’s verification queue', async () => {
      const email = uniqueEmail('unconfirmed');
      await register(registration(email, '未确认企业')).expect(202);
      const confirmed = await registerAccount(http, { name: '已确认企业' });
      const pending = await request(http)
        .get('/api/admin/organisations?status=pending&limit=100')
        .set(bearer(admin.accessToken))
        .expect(200);
      const names = pending.body.items.map((org: { name: string }) => org.name);
      expect(names).toContain('已确认企业');
      expect(names).not.toContain('未确认企业');
      expect(pending.body.items.map((org: { id: string }) => org.id)).toContain(confirmed.orgId);
    });
  });

  describe('confirm', () => {
    it('confirms once: the same link again is refused, and so is a token never issued', async () => {
      const email = uniqueEmail('once');
      await register(registration(email)).expect(202);
      const token = confirmationToken(await confirmationMail(smtp, email));
      const first = await request(http).post('/api/auth/confirm').send({ token });
      expect(first.status).toBe(200);
      const me = await request(http).get('/api/auth/me').set(bearer(first.body.tokens.accessToken));
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(email);

      const again = await request(http).post('/api/auth/confirm').send({ token });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ error: 'invalid', field: 'token' });
      const unknown = await request(http)
        .post('/api/auth/confirm')
        .send({ token: 'x'.repeat(43) });
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toBe(again.body.message);
      const malformed = await request(http).post('/api/auth/confirm').send({ token: 42, extra: 1 });
      expect(malformed.status).toBe(400);
      expect(new Set(malformed.body.fields.map((f: { field: string }) => f.field))).toEqual(
        new Set(['extra', 'token']),
      );
    });

    it('refuses an expired link with 410, and a new one from resend works', async () => {
      const email = uniqueEmail('expired');
      await register(registration(email)).expect(202);
      const token = confirmationToken(await confirmationMail(smtp, email));
      await dataSource.query(
        `UPDATE user_account SET confirmation_expires_at = now() - interval '1 second' WHERE email = $1`,
        [email],
      );
      const expired = await request(http).post('/api/auth/confirm').send({ token });
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({ error: 'confirmation_expired', field: 'token' });
      await expect(
        count(`SELECT count(*)::int AS n FROM user_account WHERE email = $1 AND email_confirmed_at IS NULL`, [email]),
      ).resolves.toBe(1);

      const resent = await request(http).post('/api/auth/confirm/resend').send({ email: email.toUpperCase() });
      expect(resent.status).toBe(202);
      const fresh = confirmationToken(await confirmationMail(smtp, email, 1));
      expect(fresh).not.toBe(token);
      await request(http).post('/api/auth/confirm').send({ token }).expect(422);
      await request(http).post('/api/auth/confirm').send({ token: fresh }).expect(200);
    });
  });

  describe('resend', () => {
    it('answers an unknown, a confirmed and an unconfirmed address alike, and mails only the unconfirmed one', async () => {
      const confirmed = await registerAccount(http);
      const unconfirmed = uniqueEmail('waiting');
      await register(registration(unconfirmed)).expect(202);
      await confirmationMail(smtp, unconfirmed);
      const nobody = uniqueEmail('nobody');
      const mailsToConfirmed = smtp.messagesTo(confirmed.email).length;

      const answers = await Promise.all(
        [nobody, confirmed.email, unconfirmed].map((email) =>
          request(http).post('/api/auth/confirm/resend').send({ email }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
      expect(new Set(answers.map((answer) => answer.text))).toEqual(
        new Set([JSON.stringify({ status: 'confirmation_sent' })]),
      );

      await confirmationMail(smtp, unconfirmed, 1);
      expect(smtp.messagesTo(nobody)).toHaveLength(0);
      expect(smtp.messagesTo(confirmed.email)).toHaveLength(mailsToConfirmed);
      const invalid = await request(http).post('/api/auth/confirm/resend').send({ email: 'not an address' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields[0].field).toBe('email');
    });
  });

  describe('login', () => {
    it('refuses an unconfirmed account with its reason only to someone who gives the right password', async () => {
      const email = uniqueEmail('early');
      await register(registration(email)).expect(202);
      const wrong = await request(http).post('/api/auth/login').send({ email, password: 'not the password' });
      const unknown = await request(http)
        .post('/api/auth/login')
        .send({ email: uniqueEmail('nobody'), password: 'not the password' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);

      const right = await request(http).post('/api/auth/login').send({ email, password: TEST_PASSWORD });
      expect(right.status).toBe(403);
      expect(right.body).toMatchObject({ error: 'email_unconfirmed', field: 'email' });
      expect(right.body.tokens).toBeUndefined();

      await request(http)
        .post('/api/auth/confirm')
        .send({ token: confirmationToken(await confirmationMail(smtp, email)) })
        .expect(200);
      await request(http).post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    });
  });
});

describe('invitations and existing accounts', () => {
  it('answer an address of this organisation, of another, an unconfirmed one and a new one alike', async () => {
    const company = await registerAccount(http, { name: '邀请方企业', verifiedBy: admin });
    const stranger = await registerAccount(http, { name: '另一家企业' });
    const waiting = uniqueEmail('waiting');
    await register(registration(waiting)).expect(202);
    const addresses = [company.email, stranger.email, waiting, uniqueEmail('new')];

    const answers = [];
    for (const email of addresses) {
      answers.push(
        await request(http)
          .post(`/api/organisations/${company.orgId}/invitations`)
          .set(bearer(company.accessToken))
          .send({ email, role: 'enterprise' }),
      );
    }
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    // Only what differs for every invitation (its id, address and times) may differ.
    const masked = answers.map((answer, index) => {
      expect(answer.body.email).toBe(addresses[index]);
      return { ...answer.body, id: 'id', email: 'email', createdAt: 'time', expiresAt: 'time' };
    });
    for (const body of masked) expect(body).toEqual(masked[3]);
    expect(Object.keys(answers[0].body).sort()).toEqual(Object.keys(answers[3].body).sort());
  });
});
