import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kuaizhuan/platform';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { bearer, registerAccount, signIn, uniqueEmail } from '../support/auth';
import { eventually } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { type RunningProcess, startApiProcess, startWorkerProcess, stopProcesses } from '../support/processes';
import { SmtpCapture } from '../support/smtp';

/**
 * Secrets stay secret: with the api and the worker logging at the most talkative level, a
 * sign-up, sign-in, token refresh, failed sign-in, invitation and its acceptance leave no
 * password, access or refresh token, invitation token or signing secret in any log line or
 * any job payload.
 */

const JWT_SECRET = 'jwt-signing-secret-that-must-never-appear-0123456789';
const PASSWORD = 'a password that must never be logged';

let smtp: SmtpCapture;
let env: TestEnvironment;
let dataSource: DataSource;
const processes: RunningProcess[] = [];

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  env = await setUpTestEnvironment({
    SMTP_URL: smtp.url,
    JWT_ACCESS_SECRET: JWT_SECRET,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-test-secrets' }));
  await dataSource.initialize();
}, 30_000);

afterAll(async () => {
  await stopProcesses(processes);
  await dataSource?.destroy();
  await smtp?.stop();
  await env?.teardown();
});

it('keeps passwords, tokens and secrets out of every log line and job payload', async () => {
  const verbose = { LOG_LEVEL: 'trace', DATABASE_LOGGING: 'true' };
  const { process: api, url: http } = await startApiProcess(verbose);
  processes.push(api);
  const worker = await startWorkerProcess(verbose);
  processes.push(worker);

  await seedIdentity(dataSource);
  const admin = await signIn(http, 'admin@kuaizhuan.demo', DEMO_PASSWORD);
  const company = await registerAccount(http, { password: PASSWORD });
  await request(http)
    .post('/api/auth/login')
    .send({ email: company.email, password: `${PASSWORD}-wrong` })
    .expect(401);
  const signedIn = await signIn(http, company.email, PASSWORD);
  const refreshed = await request(http)
    .post('/api/auth/refresh')
    .send({ refreshToken: signedIn.refreshToken })
    .expect(200);
  await request(http)
    .post(`/api/admin/organisations/${company.orgId}/verify`)
    .set(bearer(admin.accessToken))
    .expect(200);
  const invitee = uniqueEmail('invitee');
  await request(http)
    .post(`/api/organisations/${company.orgId}/invitations`)
    .set(bearer(company.accessToken))
    .send({ email: invitee, role: 'enterprise' })
    .expect(201);
  const mail = await eventually(async () => smtp.messagesTo(invitee)[0], 20_000, 'invitation e-mail');
  const invitationToken = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(invitationToken).toBeDefined();
  await request(http)
    .post('/api/invitations/accept')
    .send({ token: invitationToken, password: `${PASSWORD}-invitee`, name: '受邀用户' })
    .expect((response) => expect([200, 201]).toContain(response.status));

  const secrets = [
    PASSWORD,
    JWT_SECRET,
    company.accessToken,
    company.refreshToken,
    signedIn.accessToken,
    signedIn.refreshToken,
    (refreshed.body as { refreshToken: string }).refreshToken,
    (refreshed.body as { accessToken: string }).accessToken,
    invitationToken!,
    admin.accessToken,
  ];
  const logs = `${api.output()}\n${worker.output()}`;
  expect(logs).toContain('"msg"'); // the processes did log, verbosely
  expect(logs.length).toBeGreaterThan(10_000);
  const payloads: { payload: unknown }[] = await dataSource.query(`SELECT payload FROM outbox`);
  expect(payloads.length).toBeGreaterThan(0);
  const jobs = JSON.stringify(payloads);
  for (const secret of secrets) {
    expect(logs.includes(secret) ? `log holds ${secret.slice(0, 12)}…` : null).toBeNull();
    expect(jobs.includes(secret) ? `job payload holds ${secret.slice(0, 12)}…` : null).toBeNull();
  }
}, 120_000);
