import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { producerConnection, queueOf, QueueName, type JobName } from '@kuaizhuan/platform';
import { Notifier, type NotificationInput, type NotifyResult } from '@kuaizhuan/delivery';
import { eventually } from '../../../test/support/apps';
import { bearer, type SignedIn } from '../../../test/support/auth';
import type { ReceivedCall } from '../../../test/support/webhook-receiver';

export type Http = ReturnType<NestExpressApplication['getHttpServer']>;

/** The queues a test reads and re-adds jobs to, under this file's prefix. */
export function openQueues(prefix: string): Record<QueueName.Deliver | QueueName.Webhook, Queue> {
  const connection = producerConnection(process.env.REDIS_URL!);
  return {
    [QueueName.Deliver]: new Queue(QueueName.Deliver, { connection, prefix }),
    [QueueName.Webhook]: new Queue(QueueName.Webhook, { connection, prefix }),
  };
}

/** A `recommendation.approved` notification about a new subject, for these organisations or users. */
export function approval(
  recipients: NotificationInput['recipients'],
  subjectId: string = randomUUID(),
): NotificationInput {
  return {
    type: 'recommendation.approved',
    subject: { type: 'recommendation', id: subjectId },
    recipients,
    title: { zh: `推荐已通过审核 ${subjectId.slice(0, 8)}`, en: `Recommendation approved ${subjectId.slice(0, 8)}` },
    body: { zh: '技术经理人已审核通过一条推荐。', en: 'A technology manager approved a recommendation.' },
    link: `/recommendations/${subjectId}`,
    data: { recommendationId: subjectId, score: 0.82 },
  };
}

/** Notifier.notify in a transaction of its own, as a lib's service would call it. */
export function notify(app: INestApplicationContext, input: NotificationInput): Promise<NotifyResult> {
  const notifier = app.get(Notifier);
  return app.get(DataSource).transaction((manager) => notifier.notify(manager, input));
}

/** Registers a webhook endpoint through the api; returns its id and its secret. */
export async function registerEndpoint(
  http: Http,
  account: SignedIn,
  url: string,
  eventTypes: string[] = ['recommendation.approved'],
): Promise<{ id: string; secret: string }> {
  const response = await request(http)
    .post(`/api/organisations/${account.orgId}/webhooks`)
    .set(bearer(account.accessToken))
    .send({ url, eventTypes, description: 'CRM' });
  if (response.status !== 201)
    throw new Error(`webhook create answered ${response.status}: ${JSON.stringify(response.body)}`);
  const created = response.body as { id: string; secret: string };
  return { id: created.id, secret: created.secret };
}

/** Checks a received call's signature the way a receiver would, with Node's crypto only. */
export function signatureIsValid(call: ReceivedCall, secret: string): boolean {
  const header = String(call.headers['x-kuaizhuan-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${call.body}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

interface OutboxJob {
  id: string;
  job_name: JobName;
  payload: Record<string, unknown>;
}

/** The delivery jobs the outbox holds for these deliveries. */
export async function outboxJobsFor(dataSource: DataSource, deliveryIds: string[]): Promise<OutboxJob[]> {
  return dataSource.query(`SELECT id, job_name, payload FROM outbox WHERE payload->>'deliveryId' = ANY($1)`, [
    deliveryIds,
  ]);
}

/** Waits for a job to finish and gives its return value. */
export async function completed(queue: Queue, jobId: string, timeoutMs = 15_000): Promise<unknown> {
  const { value } = await eventually(
    async () => {
      if ((await queue.getJobState(jobId)) !== 'completed') return undefined;
      // Read after the state: a job read first could still be the one before completion.
      const job = await queue.getJob(jobId);
      return job ? { value: job.returnvalue as unknown } : undefined;
    },
    timeoutMs,
    `job ${jobId} to complete`,
  );
  return value;
}

/**
 * Adds each outbox job to its queue again under a new id (as a duplicate hand-over would)
 * and waits for all of them; returns their results.
 */
export async function runAgain(
  queues: Record<QueueName.Deliver | QueueName.Webhook, Queue>,
  jobs: OutboxJob[],
): Promise<unknown[]> {
  const added = await Promise.all(
    jobs.map(async (job) => {
      const queue = queues[queueOf(job.job_name) as QueueName.Deliver | QueueName.Webhook];
      const jobId = `${job.id}-again-${randomUUID().slice(0, 8)}`;
      await queue.add(job.job_name, job.payload, { jobId, attempts: 1 });
      return { queue, jobId };
    }),
  );
  return Promise.all(added.map(({ queue, jobId }) => completed(queue, jobId)));
}

export async function deliveriesOf(
  dataSource: DataSource,
  notificationId: string,
): Promise<{ id: string; channel: string; user_id: string | null; endpoint_id: string | null; status: string }[]> {
  return dataSource.query(
    `SELECT id, channel, user_id, endpoint_id, status FROM delivery WHERE notification_id = $1 ORDER BY channel, id`,
    [notificationId],
  );
}
