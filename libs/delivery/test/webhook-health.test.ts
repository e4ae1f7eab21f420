import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueName } from '@kuaizhuan/platform';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { WebhooksController } from '../src/webhooks/webhooks.controller';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { bearer, registerAccount, signIn, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture } from '../../../test/support/smtp';
import { WebhookReceiver } from '../../../test/support/webhook-receiver';
import { approval, deliveriesOf, notify, openQueues, registerEndpoint, type Http } from './fixtures';

const DISABLE_AFTER = 2;

// Each test waits for deliveries to use up ten attempts; leave room on a busy machine.
jest.setTimeout(120_000);

let smtp: SmtpCapture;
let receiver: WebhookReceiver;
let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: Http;
let dataSource: DataSource;
let queues: ReturnType<typeof openQueues>;
let company: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  receiver = await WebhookReceiver.start();
  env = await setUpTestEnvironment({
    SMTP_URL: smtp.url,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    // Ten attempts 3 ms · 2^n apart: a delivery fails for good in about three seconds.
    JOB_BACKOFF_SCALE: '0.0001',
    WEBHOOK_DISABLE_AFTER: String(DISABLE_AFTER),
  });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  queues = openQueues(env.queuePrefix);
  await seedIdentity(dataSource);
  admin = await signIn(http, 'admin@kuaizhuan.demo', DEMO_PASSWORD);
  company = await registerAccount(http, { name: '重庆某新能源公司', verifiedBy: admin });
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

function endpoint(id: string): Promise<request.Response> {
  return request(http).get(`/api/organisations/${company.orgId}/webhooks/${id}`).set(bearer(company.accessToken));
}

async function webhookDelivery(notificationId: string, endpointId: string): Promise<{ id: string; status: string }> {
  const rows = await deliveriesOf(dataSource, notificationId);
  return rows.find((row) => row.endpoint_id === endpointId)!;
}

describe(WebhooksController.name, () => {
  it(`disables an endpoint after ${DISABLE_AFTER} deliveries fail for good; its organisation sees why and re-enables it`, async () => {
    const down = await registerEndpoint(http, company, receiver.url('/down'));
    receiver.respond('/down', () => 500);

    const first = await notify(api, approval({ organisationIds: [company.orgId] }));
    const firstDelivery = await webhookDelivery(first.notificationId, down.id);
    await eventually(async () => (await webhookDelivery(first.notificationId, down.id)).status === 'failed', 40_000);
    // Every attempt of the job's policy was made and logged, then the job landed in the failed set.
    expect(receiver.callsTo('/down')).toHaveLength(10);
    const afterOne = await endpoint(down.id);
    expect(afterOne.body).toMatchObject({ enabled: true, consecutiveFailures: 1 });
    const failedJobs = await queues[QueueName.Webhook].getFailed();
    expect(failedJobs.map((job) => job.data as unknown)).toContainEqual({ deliveryId: firstDelivery.id });

    const second = await notify(api, approval({ organisationIds: [company.orgId] }));
    await eventually(async () => (await webhookDelivery(second.notificationId, down.id)).status === 'failed', 40_000);
    const disabled = await endpoint(down.id);
    expect(disabled.body).toMatchObject({ enabled: false, consecutiveFailures: DISABLE_AFTER });
    expect(disabled.body.disabledReason).toMatch(
      /2 deliveries in a row failed; last error: the receiver answered HTTP 500/,
    );

    // A disabled endpoint is not offered new notifications.
    const third = await notify(api, approval({ organisationIds: [company.orgId] }));
    expect(await webhookDelivery(third.notificationId, down.id)).toBeUndefined();

    const log = await request(http)
      .get(`/api/organisations/${company.orgId}/webhooks/${down.id}/deliveries?status=failed`)
      .set(bearer(company.accessToken));
    expect(log.body.total).toBe(2);
    expect(log.body.items[0].calls).toHaveLength(10);
    expect(log.body.items[0].calls.map((c: { attempt: number }) => c.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // The receiver is fixed: the organisation re-enables the endpoint and sends one delivery again.
    receiver.respond('/down', () => 200);
    const enabled = await request(http)
      .post(`/api/organisations/${company.orgId}/webhooks/${down.id}/enable`)
      .set(bearer(company.accessToken));
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    const resent = await request(http)
      .post(`/api/organisations/${company.orgId}/webhooks/${down.id}/deliveries/${firstDelivery.id}/redeliver`)
      .set(bearer(company.accessToken));
    expect(resent.status).toBe(202);
    await eventually(async () => (await webhookDelivery(first.notificationId, down.id)).status === 'delivered', 20_000);
    expect(receiver.callsTo('/down')).toHaveLength(21);
    const again = await request(http)
      .post(`/api/organisations/${company.orgId}/webhooks/${down.id}/deliveries/${firstDelivery.id}/redeliver`)
      .set(bearer(company.accessToken));
    expect(again.status).toBe(409);
  });

  it('lists failed deliveries for the admin, who may send one again; others may not look', async () => {
    const gone = await registerEndpoint(http, company, receiver.url('/gone'));
    receiver.respond('/gone', () => 503);
    const result = await notify(api, approval({ organisationIds: [company.orgId] }));
    const delivery = await webhookDelivery(result.notificationId, gone.id);
    await eventually(async () => (await webhookDelivery(result.notificationId, gone.id)).status === 'failed', 40_000);

    const view = await request(http).get('/api/admin/deliveries/failed?channel=webhook').set(bearer(admin.accessToken));
    expect(view.status).toBe(200);
    const item = view.body.items.find((i: { id: string }) => i.id === delivery.id);
    expect(item).toMatchObject({
      channel: 'webhook',
      status: 'failed',
      organisationId: company.orgId,
      organisationName: '重庆某新能源公司',
      endpointId: gone.id,
      attempts: 10,
      lastError: 'the receiver answered HTTP 503',
      type: 'recommendation.approved',
    });

    expect((await request(http).get('/api/admin/deliveries/failed').set(bearer(company.accessToken))).status).toBe(403);
    expect((await request(http).get('/api/admin/deliveries/failed')).status).toBe(401);
    expect(
      (await request(http).post(`/api/admin/deliveries/${delivery.id}/retry`).set(bearer(company.accessToken))).status,
    ).toBe(403);
    expect(
      (await request(http).get('/api/admin/deliveries/failed?channel=fax').set(bearer(admin.accessToken))).body,
    ).toMatchObject({
      statusCode: 400,
      fields: [expect.objectContaining({ field: 'channel' })],
    });

    receiver.respond('/gone', () => 200);
    const retried = await request(http)
      .post(`/api/admin/deliveries/${delivery.id}/retry`)
      .set(bearer(admin.accessToken));
    expect(retried.status).toBe(202);
    await eventually(
      async () => (await webhookDelivery(result.notificationId, gone.id)).status === 'delivered',
      10_000,
    );
    const audit = await dataSource.query(
      `SELECT actor_user_id FROM audit_log WHERE action = 'delivery.retried' AND subject_id = $1`,
      [delivery.id],
    );
    expect(audit).toEqual([{ actor_user_id: admin.userId }]);
  });
});
