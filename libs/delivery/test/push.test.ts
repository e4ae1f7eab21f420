import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxRelay, QueueName } from '@kuaizhuan/platform';
import { Notifier } from '@kuaizhuan/delivery';
import { EmailDelivery } from '../src/jobs/email-delivery';
import { WebhookDelivery } from '../src/jobs/webhook-delivery';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { bearer, registerAccount, signInOperator, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture } from '../../../test/support/smtp';
import { WebhookReceiver } from '../../../test/support/webhook-receiver';
import {
  approval,
  completed,
  deliveriesOf,
  notify,
  openQueues,
  outboxJobsFor,
  registerEndpoint,
  runAgain,
  signatureIsValid,
  type Http,
} from './fixtures';

let smtp: SmtpCapture;
let receiver: WebhookReceiver;
let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: Http;
let dataSource: DataSource;
let queues: ReturnType<typeof openQueues>;
let company: SignedIn;
let university: SignedIn;
let companyHook: { id: string; secret: string };
let universityHook: { id: string; secret: string };

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  receiver = await WebhookReceiver.start();
  env = await setUpTestEnvironment({
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://kuaizhuan.example',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  queues = openQueues(env.queuePrefix);
  const admin = await signInOperator(http, dataSource);
  company = await registerAccount(http, { name: '重庆某智能制造公司', verifiedBy: admin });
  university = await registerAccount(http, { name: '重庆某大学技术转移中心', kind: 'university', verifiedBy: admin });
  companyHook = await registerEndpoint(http, company, receiver.url('/company'));
  universityHook = await registerEndpoint(http, university, receiver.url('/university'));
});

afterAll(async () => {
  for (const queue of Object.values(queues ?? {})) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await worker?.close();
  await api?.close();
  await receiver?.stop();
  await smtp?.stop();
  await env?.teardown();
});

function inbox(account: SignedIn): Promise<request.Response> {
  return request(http).get('/api/inbox').set(bearer(account.accessToken));
}

describe(Notifier.name, () => {
  describe('notify', () => {
    it('reaches a company user and a TTO user once on each channel, with a signed webhook per organisation', async () => {
      const input = approval({ organisationIds: [company.orgId, university.orgId] });
      const result = await notify(api, input);
      expect(result.created).toEqual({ inbox: 2, email: 2, webhook: 2 });

      // Inbox items exist as soon as the transaction commits.
      for (const account of [company, university]) {
        const items = (await inbox(account)).body.items.filter(
          (i: { notificationId: string }) => i.notificationId === result.notificationId,
        );
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({
          type: 'recommendation.approved',
          title: input.title,
          link: input.link,
          readAt: null,
        });
      }

      const companyMail = await eventually(
        async () => smtp.messagesTo(company.email)[0],
        10_000,
        'e-mail to the company',
      );
      const universityMail = await eventually(
        async () => smtp.messagesTo(university.email)[0],
        10_000,
        'e-mail to the TTO',
      );
      for (const mail of [companyMail, universityMail]) {
        expect(mail.subject).toContain(input.title.zh);
        expect(mail.text).toContain(`https://kuaizhuan.example${input.link}`);
        expect(mail.text).toContain(input.body.en);
      }

      const [companyCall] = await eventually(
        async () => receiver.callsTo('/company').length === 1 && receiver.callsTo('/company'),
      );
      const [universityCall] = await eventually(
        async () => receiver.callsTo('/university').length === 1 && receiver.callsTo('/university'),
      );
      expect(signatureIsValid(companyCall, companyHook.secret)).toBe(true);
      expect(signatureIsValid(universityCall, universityHook.secret)).toBe(true);
      expect(signatureIsValid(companyCall, universityHook.secret)).toBe(false);
      const body = JSON.parse(companyCall.body);
      expect(body).toMatchObject({
        type: 'recommendation.approved',
        organisationId: company.orgId,
        notification: { id: result.notificationId, link: `https://kuaizhuan.example${input.link}`, data: input.data },
      });
      expect(companyCall.headers['x-kuaizhuan-delivery']).toBe(body.id);
      expect(companyCall.headers['x-kuaizhuan-event']).toBe('recommendation.approved');

      const deliveries = await deliveriesOf(dataSource, result.notificationId);
      await eventually(async () =>
        (await deliveriesOf(dataSource, result.notificationId)).every((d) => d.status === 'delivered'),
      );
      expect(deliveries).toHaveLength(6);
    });

    it('delivers exactly once when notify is called again and every job runs a second time', async () => {
      const input = approval({ organisationIds: [company.orgId, university.orgId] });
      const first = await notify(api, input);
      await eventually(async () =>
        (await deliveriesOf(dataSource, first.notificationId)).every((d) => d.status === 'delivered'),
      );
      const mailsBefore = smtp.messages.length;
      const callsBefore = receiver.calls.length;

      const second = await notify(api, {
        ...input,
        recipients: { organisationIds: [university.orgId, company.orgId] },
      });
      expect(second).toEqual({ notificationId: first.notificationId, created: { inbox: 0, email: 0, webhook: 0 } });

      const deliveries = await deliveriesOf(dataSource, first.notificationId);
      const jobs = await outboxJobsFor(
        dataSource,
        deliveries.map((d) => d.id),
      );
      expect(jobs.map((j) => j.job_name).sort()).toEqual([
        'delivery.email',
        'delivery.email',
        'delivery.webhook',
        'delivery.webhook',
      ]);
      const results = await runAgain(queues, jobs);
      expect(results).toEqual(['skipped: delivered', 'skipped: delivered', 'skipped: delivered', 'skipped: delivered']);

      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.messages.length).toBe(mailsBefore);
      expect(receiver.calls.length).toBe(callsBefore);
      for (const account of [company, university]) {
        const items = (await inbox(account)).body.items.filter(
          (i: { notificationId: string }) => i.notificationId === first.notificationId,
        );
        expect(items).toHaveLength(1);
      }
    });

    it('sends once when two runs of a job start together', async () => {
      const relay = worker.get(OutboxRelay);
      await relay.stop();
      try {
        const result = await notify(api, approval({ userIds: [company.userId] }));
        const deliveries = await deliveriesOf(dataSource, result.notificationId);
        const email = deliveries.find((d) => d.channel === 'email')!;
        const webhook = deliveries.find((d) => d.channel === 'webhook')!;
        const mails = smtp.messagesTo(company.email).length;
        const calls = receiver.callsTo('/company').length;

        const emails = await Promise.all([0, 1].map(() => worker.get(EmailDelivery).send(email.id)));
        expect(emails.sort()).toEqual(['delivered', 'skipped: delivered']);
        const hooks = await Promise.allSettled([0, 1].map(() => worker.get(WebhookDelivery).send(webhook.id)));
        // The second run either found the lease taken (and would be retried) or the row delivered.
        expect(hooks.filter((h) => h.status === 'fulfilled' && h.value === 'delivered')).toHaveLength(1);
        for (const other of hooks.filter((h) => !(h.status === 'fulfilled' && h.value === 'delivered'))) {
          if (other.status === 'fulfilled') expect(other.value).toBe('skipped: delivered');
          else expect(String(other.reason)).toMatch(/being sent by another run/);
        }
        expect(smtp.messagesTo(company.email)).toHaveLength(mails + 1);
        expect(receiver.callsTo('/company')).toHaveLength(calls + 1);

        // The outbox still holds their jobs: handing them over now sends nothing more.
        relay.start();
        const jobs = await outboxJobsFor(dataSource, [email.id, webhook.id]);
        const outcomes = await Promise.all(
          jobs.map((job) =>
            completed(queues[job.job_name === 'delivery.email' ? QueueName.Deliver : QueueName.Webhook], job.id),
          ),
        );
        expect(outcomes).toEqual(['skipped: delivered', 'skipped: delivered']);
        expect(smtp.messagesTo(company.email)).toHaveLength(mails + 1);
        expect(receiver.callsTo('/company')).toHaveLength(calls + 1);
      } finally {
        relay.start();
      }
    });

    it('follows each recipient’s preferences: no e-mail for a user who turned it off', async () => {
      const off = await request(http)
        .put('/api/notification-preferences/recommendation.approved')
        .set(bearer(university.accessToken))
        .send({ email: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ inbox: true, email: false, emailMode: 'immediate', isDefault: false });
      try {
        const result = await notify(api, approval({ organisationIds: [university.orgId] }));
        expect(result.created).toEqual({ inbox: 1, email: 0, webhook: 1 });
      } finally {
        await request(http)
          .put('/api/notification-preferences/recommendation.approved')
          .set(bearer(university.accessToken))
          .send({ email: true });
      }
    });

    it('refuses to run outside a transaction and refuses a malformed notification', async () => {
      const notifier = api.get(Notifier);
      await expect(notifier.notify(dataSource.manager, approval({ userIds: [company.userId] }))).rejects.toThrow(
        /inside a transaction/,
      );
      await expect(
        notify(api, { ...approval({ userIds: [company.userId] }), link: 'https://elsewhere.example' }),
      ).rejects.toThrow(/link must be a portal path/);
    });
  });
});

describe('webhook retries', () => {
  it('retries a receiver that answers 500, logging each attempt, until it accepts', async () => {
    const flaky = await registerEndpoint(http, company, receiver.url('/flaky'));
    receiver.respond('/flaky', (_call, index) => (index < 2 ? 500 : 204));
    const result = await notify(api, approval({ organisationIds: [company.orgId] }));
    const [delivery] = (await deliveriesOf(dataSource, result.notificationId)).filter(
      (d) => d.endpoint_id === flaky.id,
    );
    await eventually(
      async () =>
        (await deliveriesOf(dataSource, result.notificationId)).find((d) => d.id === delivery.id)?.status ===
        'delivered',
      15_000,
    );

    const calls = receiver.callsTo('/flaky');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['x-kuaizhuan-delivery']))).toEqual(new Set([delivery.id]));
    expect(calls.every((call) => signatureIsValid(call, flaky.secret))).toBe(true);

    const log = await request(http)
      .get(`/api/organisations/${company.orgId}/webhooks/${flaky.id}/deliveries`)
      .set(bearer(company.accessToken));
    expect(log.status).toBe(200);
    const entry = log.body.items.find((item: { id: string }) => item.id === delivery.id);
    expect(entry.status).toBe('delivered');
    expect(entry.calls.map((c: { attempt: number; statusCode: number }) => [c.attempt, c.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    expect(entry.calls[0]).toMatchObject({ error: 'the receiver answered HTTP 500', responseExcerpt: 'not today' });
    expect(entry.calls.every((c: { durationMs: number }) => c.durationMs >= 0)).toBe(true);
  });
});

describe('daily digest', () => {
  it('sends a digest user one e-mail for several notifications, each delivery exactly once', async () => {
    const reader = await registerAccount(http, { name: '重庆某材料公司' });
    const digest = await request(http)
      .put('/api/notification-preferences/recommendation.approved')
      .set(bearer(reader.accessToken))
      .send({ emailMode: 'digest' });
    expect(digest.body).toMatchObject({ inbox: true, email: true, emailMode: 'digest' });

    const inputs = [0, 1, 2].map(() => approval({ userIds: [reader.userId] }));
    for (const input of inputs) {
      expect((await notify(api, input)).created).toEqual({ inbox: 1, email: 1, webhook: 0 });
    }
    const pending: { status: string }[] = await dataSource.query(
      `SELECT status FROM delivery WHERE user_id = $1 AND channel = 'email'`,
      [reader.userId],
    );
    expect(pending.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messagesTo(reader.email)).toHaveLength(0);

    // What the daily scheduler does, run now: the sweep starts one digest job per user.
    const sweep = await queues[QueueName.Deliver].add(
      'delivery.digest.sweep',
      { trigger: 'manual' },
      { jobId: `sweep-${reader.userId}` },
    );
    expect(await completed(queues[QueueName.Deliver], sweep.id!)).toEqual({ users: 1 });
    const mail = await eventually(async () => smtp.messagesTo(reader.email)[0], 10_000, 'the digest');
    expect(mail.subject).toContain('3');
    for (const input of inputs) expect(mail.text).toContain(input.title.zh);

    // Running the digest again (or the sweep) finds nothing left to send.
    const again = await queues[QueueName.Deliver].add(
      'delivery.digest',
      { userId: reader.userId },
      { jobId: `digest-again-${reader.userId}` },
    );
    expect(await completed(queues[QueueName.Deliver], again.id!)).toBe('skipped: nothing to send');
    const sweepAgain = await queues[QueueName.Deliver].add(
      'delivery.digest.sweep',
      { trigger: 'manual' },
      { jobId: `sweep-again-${reader.userId}` },
    );
    expect(await completed(queues[QueueName.Deliver], sweepAgain.id!)).toEqual({ users: 0 });
    expect(smtp.messagesTo(reader.email)).toHaveLength(1);
    const delivered: { status: string }[] = await dataSource.query(
      `SELECT status FROM delivery WHERE user_id = $1 AND channel = 'email'`,
      [reader.userId],
    );
    expect(delivered.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('is scheduled daily by the worker', async () => {
    const scheduler = await queues[QueueName.Deliver].getJobScheduler('delivery.digest.daily');
    expect(scheduler).toMatchObject({ name: 'delivery.digest.sweep', pattern: '0 8 * * *', tz: 'Asia/Shanghai' });
  });
});

describe('e-mail retries', () => {
  it('keeps an e-mail open while the SMTP server is down and sends it once when it is back', async () => {
    const input = approval({ userIds: [company.userId] });
    const emailRow = async (
      notificationId: string,
    ): Promise<{ status: string; attempts: number; last_error: string }> => {
      const [row] = await dataSource.query(
        `SELECT status, attempts, last_error FROM delivery WHERE notification_id = $1 AND channel = 'email'`,
        [notificationId],
      );
      return row;
    };
    await smtp.stop();
    let notificationId: string;
    try {
      notificationId = (await notify(api, input)).notificationId;
      const retrying = await eventually(async () => {
        const row = await emailRow(notificationId);
        return row.attempts >= 2 && row;
      }, 10_000);
      expect(retrying.status).toBe('retrying');
      expect(retrying.last_error).toMatch(/ECONNREFUSED/);
    } finally {
      await smtp.start();
    }
    await eventually(async () => (await emailRow(notificationId)).status === 'delivered', 15_000);
    expect(smtp.messagesTo(company.email).filter((m) => m.subject.includes(input.title.zh))).toHaveLength(1);
  });
});
