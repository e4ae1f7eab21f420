import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JOB_POLICIES, producerConnection, QueueName } from '@kuaizhuan/platform';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { InvitationDelivery } from '../src/invitations/invitation-delivery';
import {
  InvitationAcceptanceController,
  OrganisationInvitationsController,
} from '../src/invitations/invitations.controller';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { bearer, registerAccount, signIn, uniqueEmail, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture, type CapturedMail } from '../../../test/support/smtp';

let smtp: SmtpCapture;
let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let queue: Queue;
let demo: DemoAccounts;
let admin: SignedIn;
let company: SignedIn;
let other: SignedIn;

const ACCEPT_LINK = /https:\/\/kuaizhuan\.example\/invitations\/accept\?token=([A-Za-z0-9_-]{43})/;

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  env = await setUpTestEnvironment({
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://kuaizhuan.example/',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  queue = new Queue(QueueName.Deliver, {
    connection: producerConnection(process.env.REDIS_URL!),
    prefix: env.queuePrefix,
  });
  demo = await seedIdentity(dataSource);
  admin = await signIn(http, 'admin@kuaizhuan.demo', DEMO_PASSWORD);
  company = await registerAccount(http, { name: '重庆某智能制造公司' });
  other = await registerAccount(http, { name: '重庆某研究院', kind: 'research_institute' });
  for (const account of [company, other]) {
    const verified = await request(http)
      .post(`/api/admin/organisations/${account.orgId}/verify`)
      .set(bearer(admin.accessToken));
    expect(verified.status).toBe(200);
  }
  // Each sign-up waits for its confirmation e-mail through the worker.
}, 60_000);

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  await worker?.close();
  await api?.close();
  await smtp?.stop();
  await env?.teardown();
});

function invite(caller: SignedIn, email: string, role = 'enterprise', orgId = caller.orgId): request.Test {
  return request(http)
    .post(`/api/organisations/${orgId}/invitations`)
    .set(bearer(caller.accessToken))
    .send({ email, role });
}

/**
 * The e-mail to `address`, once the job that sent it has committed: the message leaves
 * just before the commit, so the token in it is only usable after that.
 */
async function mailTo(address: string, timeoutMs = 10_000): Promise<CapturedMail> {
  const mail = await eventually(async () => smtp.messagesTo(address)[0], timeoutMs, `an e-mail to ${address}`);
  await eventually(
    async () => {
      const rows: unknown[] = await dataSource.query(
        `SELECT 1 FROM invitation WHERE email = $1 AND sent_at IS NOT NULL`,
        [address.toLowerCase()],
      );
      return rows.length > 0;
    },
    timeoutMs,
    `the invitation to ${address} to be marked sent`,
  );
  return mail;
}

function tokenIn(mail: CapturedMail): string {
  const match = ACCEPT_LINK.exec(mail.text);
  if (!match) throw new Error(`no accept link in: ${mail.text}`);
  return match[1];
}

async function finished(jobId: string): Promise<unknown> {
  return eventually(
    async () => {
      // State first, then the job: a job read while still active has no return value yet, even
      // if it completes before its state is asked.
      if ((await queue.getJobState(jobId)) !== 'completed') return undefined;
      return { value: (await queue.getJob(jobId))?.returnvalue };
    },
    10_000,
    `job ${jobId} to complete`,
  ).then((result) => result.value);
}

/** An invitation written straight to the database, with no outbox event (the job is run by hand). */
async function insertInvitation(
  columns: { revoked?: boolean; expired?: boolean } = {},
): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('direct');
  const [row] = await dataSource.query(
    `INSERT INTO invitation (organisation_id, email, role, invited_by_id, expires_at, revoked_at)
     VALUES ($1, $2, 'enterprise', $3, now() + $4::interval, $5) RETURNING id`,
    [
      company.orgId,
      email,
      company.userId,
      columns.expired ? '-1 minute' : '7 days',
      columns.revoked ? new Date() : null,
    ],
  );
  return { id: row.id, email };
}

describe(OrganisationInvitationsController.name, () => {
  describe('create', () => {
    it('writes the invitation with its outbox event; the worker mails one link and keeps only its hash', async () => {
      const email = uniqueEmail('colleague');
      const response = await invite(company, email.toUpperCase());
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ email, role: 'enterprise', status: 'pending', sentAt: null });
      expect(JSON.stringify(response.body)).not.toMatch(/token/i);
      const outbox = await dataSource.query(
        `SELECT event, job_name, payload FROM outbox WHERE payload->>'invitationId' = $1`,
        [response.body.id],
      );
      expect(outbox).toEqual([
        { event: 'invitation.created', job_name: 'invitation.send', payload: { invitationId: response.body.id } },
      ]);

      const mail = await mailTo(email);
      expect(mail.subject).toContain('重庆某智能制造公司');
      expect(mail.text).toContain('重庆某智能制造公司');
      const token = tokenIn(mail);
      const [row]: { token_hash: string | null; sent_at: Date | null }[] = await dataSource.query(
        `SELECT token_hash, sent_at FROM invitation WHERE id = $1`,
        [response.body.id],
      );
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(row.sent_at).toBeInstanceOf(Date);

      const list = await request(http)
        .get(`/api/organisations/${company.orgId}/invitations`)
        .set(bearer(company.accessToken));
      expect(list.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: response.body.id, status: 'sent' })]),
      );
      expect(JSON.stringify(list.body)).not.toMatch(/token/i);
      const audit = await dataSource.query(
        `SELECT actor_user_id FROM audit_log WHERE action = 'invitation.created' AND subject_id = $1`,
        [response.body.id],
      );
      expect(audit).toEqual([{ actor_user_id: company.userId }]);
      const sent = await dataSource.query(
        `SELECT actor_user_id FROM audit_log WHERE action = 'invitation.sent' AND subject_id = $1`,
        [response.body.id],
      );
      expect(sent).toEqual([{ actor_user_id: null }]);
    });

    it('refuses a role that does not fit the organisation with 422 naming the role', async () => {
      for (const role of ['tto', 'admin']) {
        const response = await invite(company, uniqueEmail(), role);
        expect(response.status).toBe(422);
        expect(response.body).toMatchObject({ error: 'invalid', field: 'role' });
      }
      // A TTO keeps no technology managers: the operator grants that role.
      const manager = await invite(other, uniqueEmail('manager'), 'manager');
      expect(manager.status).toBe(422);
      expect(manager.body).toMatchObject({ error: 'invalid', field: 'role' });
      const colleague = await invite(other, uniqueEmail('tto'), 'tto');
      expect(colleague.status).toBe(201);
    });

    it('lets only the operator grant the manager role, into a verified organisation of its choosing', async () => {
      const byOperator = await invite(admin, uniqueEmail('manager'), 'manager', demo.manager.organisationId);
      expect(byOperator.status).toBe(201);
      expect(byOperator.body).toMatchObject({ role: 'manager', organisationId: demo.manager.organisationId });
      const manager = await signIn(http, demo.manager.email, DEMO_PASSWORD);
      const refused = await invite(manager, uniqueEmail('manager'), 'manager', demo.manager.organisationId);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'forbidden', field: 'role' });
    });

    it('lets an admin invite an admin into the government organisation', async () => {
      const response = await invite(admin, uniqueEmail('admin'), 'admin');
      expect(response.status).toBe(201);
      expect(response.body.organisationId).toBe(demo.operator.organisationId);
    });

    it('refuses while the organisation awaits verification', async () => {
      const pending = await registerAccount(http);
      const response = await invite(pending, uniqueEmail());
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/waiting for verification/);
    });

    it('answers an address that already has an account as any other, and refuses an open invitation', async () => {
      // Telling a taken address apart would let any member find out who has an account.
      const taken = await invite(company, other.email);
      const fresh = await invite(company, uniqueEmail());
      expect([taken.status, fresh.status]).toEqual([201, 201]);
      expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort());
      const email = uniqueEmail();
      expect((await invite(company, email)).status).toBe(201);
      const again = await invite(company, email);
      expect(again.status).toBe(409);
      expect(again.body.field).toBe('email');
    });

    it('answers 400 naming unknown and malformed fields', async () => {
      const response = await request(http)
        .post(`/api/organisations/${company.orgId}/invitations`)
        .set(bearer(company.accessToken))
        .send({ email: 'nope', role: 'owner', organisationId: other.orgId });
      expect(response.status).toBe(400);
      const fields = (response.body.fields as { field: string }[]).map((problem) => problem.field).sort();
      expect(fields).toEqual(['email', 'organisationId', 'role']);
    });

    it("answers 404 for another organisation's invitations: create, list and revoke", async () => {
      const theirs = await invite(other, uniqueEmail(), 'tto');
      expect(theirs.status).toBe(201);
      const created = await invite(company, uniqueEmail(), 'enterprise', other.orgId);
      const listed = await request(http)
        .get(`/api/organisations/${other.orgId}/invitations`)
        .set(bearer(company.accessToken));
      const revoked = await request(http)
        .delete(`/api/organisations/${other.orgId}/invitations/${theirs.body.id}`)
        .set(bearer(company.accessToken));
      const viaOwn = await request(http)
        .delete(`/api/organisations/${company.orgId}/invitations/${theirs.body.id}`)
        .set(bearer(company.accessToken));
      expect([created.status, listed.status, revoked.status, viaOwn.status]).toEqual([404, 404, 404, 404]);
      const [row] = await dataSource.query(`SELECT revoked_at FROM invitation WHERE id = $1`, [theirs.body.id]);
      expect(row.revoked_at).toBeNull();
    });
  });

  describe('revoke', () => {
    it('withdraws a sent invitation, whose link then no longer works', async () => {
      const email = uniqueEmail('revoked');
      const created = await invite(company, email);
      const token = tokenIn(await mailTo(email));
      const response = await request(http)
        .delete(`/api/organisations/${company.orgId}/invitations/${created.body.id}`)
        .set(bearer(company.accessToken));
      expect(response.status).toBe(204);
      const accept = await request(http)
        .post('/api/invitations/accept')
        .send({ token, name: '某人', password: 'a long new password' });
      expect(accept.status).toBe(404);
      expect(accept.body.field).toBe('token');
      const list = await request(http)
        .get(`/api/organisations/${company.orgId}/invitations`)
        .set(bearer(company.accessToken));
      expect(list.body.find((row: { id: string }) => row.id === created.body.id).status).toBe('revoked');
    });
  });
});

describe(InvitationAcceptanceController.name, () => {
  describe('accept', () => {
    it('creates the invited user with the invited role, who can then sign in; the link works once', async () => {
      const email = uniqueEmail('joiner');
      const created = await invite(other, email, 'tto');
      const token = tokenIn(await mailTo(email));
      const accepted = await request(http)
        .post('/api/invitations/accept')
        .send({ token, name: '赵技术经理', password: 'joiner password 2026' });
      expect(accepted.status).toBe(201);
      expect(accepted.body.user).toMatchObject({ email, role: 'tto', organisationId: other.orgId });
      expect(accepted.body.tokens.accessToken).toEqual(expect.any(String));

      const session = await signIn(http, email, 'joiner password 2026');
      expect(session.orgId).toBe(other.orgId);
      const members = await request(http).get(`/api/organisations/${other.orgId}/users`).set(bearer(other.accessToken));
      expect((members.body as { email: string }[]).map((user) => user.email)).toContain(email);
      const joined = await dataSource.query(
        `SELECT details FROM audit_log WHERE action = 'user.joined' AND actor_user_id = $1`,
        [accepted.body.user.id],
      );
      expect(joined).toEqual([{ details: { invitationId: created.body.id, role: 'tto', invitedById: other.userId } }]);

      const twice = await request(http)
        .post('/api/invitations/accept')
        .send({ token, name: '又一个', password: 'another password 1' });
      expect(twice.status).toBe(404);
    });

    it('answers 404 for a token it never issued and 400 for a weak password', async () => {
      const unknown = await request(http)
        .post('/api/invitations/accept')
        .send({ token: 'A'.repeat(43), name: '某人', password: 'a long new password' });
      expect(unknown.status).toBe(404);
      const weak = await request(http)
        .post('/api/invitations/accept')
        .send({ token: 'A'.repeat(43), name: '某人', password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.fields[0].field).toBe('password');
    });
  });
});

describe(InvitationDelivery.name, () => {
  describe('send', () => {
    it('sends one e-mail when the same job is added and run again', async () => {
      const email = uniqueEmail('twice');
      const created = await invite(company, email);
      await mailTo(email);
      const jobId = `again-${created.body.id}`;
      await queue.add('invitation.send', { invitationId: created.body.id }, { jobId });
      await expect(finished(jobId)).resolves.toBe('skipped: sent');
      expect(smtp.messagesTo(email)).toHaveLength(1);
    });

    it('sends one e-mail when two runs race', async () => {
      const delivery = worker.get(InvitationDelivery, { strict: false });
      const invitation = await insertInvitation();
      const outcomes = await Promise.all([delivery.send(invitation.id), delivery.send(invitation.id)]);
      expect(outcomes.sort()).toEqual(['delivered', 'skipped: sent']);
      await mailTo(invitation.email);
      expect(smtp.messagesTo(invitation.email)).toHaveLength(1);
    });

    it('skips revoked, expired and vanished invitations without sending', async () => {
      const delivery = worker.get(InvitationDelivery, { strict: false });
      const revoked = await insertInvitation({ revoked: true });
      const expired = await insertInvitation({ expired: true });
      await expect(delivery.send(revoked.id)).resolves.toBe('skipped: revoked');
      await expect(delivery.send(expired.id)).resolves.toBe('skipped: expired');
      await expect(delivery.send('00000000-0000-4000-8000-000000000000')).resolves.toBe('skipped: missing');
      expect(smtp.messagesTo(revoked.email)).toHaveLength(0);
      expect(smtp.messagesTo(expired.email)).toHaveLength(0);
    });

    it('fails a job with a malformed id for good, without retrying', async () => {
      await queue.add('invitation.send', { invitationId: 'not-an-id' }, { jobId: 'malformed', attempts: 5 });
      const failed = await eventually(async () => (await queue.getFailed()).find((job) => job.id === 'malformed'));
      expect(failed.attemptsMade).toBe(1);
      expect(failed.failedReason).toMatch(/malformed invitation id/);
    });

    it('is retried by its policy while SMTP is down, ends in the failed set, and sends once retried', async () => {
      await smtp.stop();
      const email = uniqueEmail('outage');
      const created = await invite(company, email);
      expect(created.status).toBe(201);
      const attempts = JOB_POLICIES['invitation.send'].attempts;
      const failed = await eventually(
        async () => (await queue.getFailed()).find((job) => job.data.invitationId === created.body.id),
        25_000,
        'the invitation job in the failed set',
      );
      expect(failed.attemptsMade).toBe(attempts);
      expect(failed.failedReason).toMatch(/ECONNREFUSED|connect/i);
      const [row] = await dataSource.query(`SELECT sent_at, token_hash FROM invitation WHERE id = $1`, [
        created.body.id,
      ]);
      expect(row).toEqual({ sent_at: null, token_hash: null });

      await smtp.start();
      await failed.retry();
      await mailTo(email);
      expect(smtp.messagesTo(email)).toHaveLength(1);
    }, 40_000);
  });
});
