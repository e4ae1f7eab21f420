import request from 'supertest';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { seedIdentity, DEMO_PASSWORD } from '@kuaizhuan/identity';
import { QueueName, QueueProducers } from '@kuaizhuan/platform';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { eventually, startApi, startWorker } from '../support/apps';
import { bearer, registerAccount, signIn, type SignedIn } from '../support/auth';

describe('QueuesController', () => {
  let env: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let company: SignedIn;

  beforeAll(async () => {
    env = await setUpTestEnvironment();
    api = await startApi();
    worker = await startWorker();
    const accounts = await seedIdentity(api.get(DataSource));
    admin = await signIn(api.getHttpServer(), accounts.operator.email, DEMO_PASSWORD);
    company = await registerAccount(api.getHttpServer());
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.teardown();
  });

  describe('GET /api/admin/queues', () => {
    it('shows every queue and the outbox backlog to an admin', async () => {
      const response = await request(api.getHttpServer())
        .get('/api/admin/queues')
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(response.body.queues.map((q: { queue: string }) => q.queue).sort()).toEqual(
        Object.values(QueueName).sort(),
      );
      expect(response.body.outbox).toEqual(expect.objectContaining({ pending: expect.any(Number) }));
    });

    it('refuses other roles and anonymous callers', async () => {
      await request(api.getHttpServer()).get('/api/admin/queues').set(bearer(company.accessToken)).expect(403);
      await request(api.getHttpServer()).get('/api/admin/queues').expect(401);
    });
  });

  describe('GET /api/admin/queues/:queue/failed', () => {
    it('shows a job that failed for good, with its reason, and retries it on request', async () => {
      // A malformed id is a permanent error: the processor discards the job at once, with a reason.
      await api
        .get(QueueProducers)
        .add([{ name: 'invitation.send', data: { invitationId: 'not-a-uuid' }, jobId: 'broken-1' }]);
      const failed = await eventually(async () => {
        const response = await request(api.getHttpServer())
          .get(`/api/admin/queues/${QueueName.Deliver}/failed`)
          .set(bearer(admin.accessToken))
          .expect(200);
        return (response.body as { id: string }[]).find((job) => job.id === 'broken-1');
      });
      expect(failed).toEqual(
        expect.objectContaining({
          name: 'invitation.send',
          attemptsMade: 1,
          failedReason: expect.stringContaining('malformed'),
        }),
      );

      await request(api.getHttpServer())
        .post(`/api/admin/queues/${QueueName.Deliver}/failed/broken-1/retry`)
        .set(bearer(admin.accessToken))
        .expect(202);
      await request(api.getHttpServer())
        .post(`/api/admin/queues/${QueueName.Deliver}/failed/broken-1/retry`)
        .set(bearer(company.accessToken))
        .expect(403);
    });

    it('answers 404 for a queue that does not exist and 400 for a bad page size', async () => {
      await request(api.getHttpServer())
        .get('/api/admin/queues/nope/failed')
        .set(bearer(admin.accessToken))
        .expect(404);
      const response = await request(api.getHttpServer())
        .get(`/api/admin/queues/${QueueName.Deliver}/failed?limit=5000`)
        .set(bearer(admin.accessToken))
        .expect(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'limit' })]);
    });
  });
});
