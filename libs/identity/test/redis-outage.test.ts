import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { InvitationsService } from '../src/invitations/invitations.service';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import {
  bearer,
  confirmationMail,
  confirmationToken,
  confirmEmail,
  signIn,
  TEST_CONSENT,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { RedisServer } from '../../../test/support/redis-server';
import { SmtpCapture } from '../../../test/support/smtp';

let redis: RedisServer;
let smtp: SmtpCapture;
let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext | undefined;

beforeAll(async () => {
  redis = await RedisServer.start();
  await redis.stop();
  smtp = await SmtpCapture.start();
  env = await setUpTestEnvironment({ REDIS_URL: redis.url, SMTP_URL: smtp.url, AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await redis?.stop();
  await smtp?.stop();
  await env?.teardown();
});

describe(InvitationsService.name, () => {
  describe('create', () => {
    it('accepts sign-ups and invitations while Redis is down; the e-mails go out once Redis is back', async () => {
      const http = api.getHttpServer();
      const dataSource = api.get(DataSource);
      const demo = await seedIdentity(dataSource);
      const company = await signIn(http, demo.enterprise.email, DEMO_PASSWORD);

      const newcomer = uniqueEmail('signup-while-redis-down');
      const signup = await request(http)
        .post('/api/auth/register')
        .send({
          email: newcomer,
          password: TEST_PASSWORD,
          name: '测试用户',
          organisation: { name: 'Redis 停机时注册的公司', kind: 'enterprise' },
          consent: TEST_CONSENT,
        });
      expect(signup.status).toBe(202);
      const email = uniqueEmail('while-redis-down');
      const started = Date.now();
      const invited = await request(http)
        .post(`/api/organisations/${company.orgId}/invitations`)
        .set(bearer(company.accessToken))
        .send({ email, role: 'enterprise' });
      expect(invited.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2_000);
      const pending = await dataSource.query(
        `SELECT job_name FROM outbox
         WHERE (payload->>'invitationId' = $1 OR payload->>'userId' = (SELECT id::text FROM user_account WHERE email = $2))
           AND dispatched_at IS NULL ORDER BY job_name`,
        [invited.body.id, newcomer],
      );
      expect(pending).toEqual([{ job_name: 'invitation.send' }, { job_name: 'signup.confirm' }]);

      await redis.start();
      worker = await startWorker();
      await eventually(async () => smtp.messagesTo(email)[0], 15_000, 'the invitation e-mail after Redis came back');
      const [row] = await dataSource.query(`SELECT dispatched_at FROM outbox WHERE payload->>'invitationId' = $1`, [
        invited.body.id,
      ]);
      expect(row.dispatched_at).toBeInstanceOf(Date);
      expect(smtp.messagesTo(email)).toHaveLength(1);
      // The sign-up's link arrives too, and confirms.
      const signedIn = await confirmEmail(
        http,
        confirmationToken(await confirmationMail(smtp, newcomer)),
        newcomer,
        TEST_PASSWORD,
      );
      expect(signedIn.email).toBe(newcomer);
    }, 30_000);
  });
});
