import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Worker } from 'bullmq';
import { JOB_POLICIES, JobHandlers, type JobName } from '@kuaizhuan/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DealsProcessor } from '@kuaizhuan/deals';
import { EmailDelivery } from '@kuaizhuan/delivery';
import { startWorker } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

/** The BullMQ worker of every queue processor in the application. */
function queueWorkers(app: INestApplicationContext): Worker[] {
  return [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.providers.values()]
      .map((wrapper) => wrapper.instance)
      .filter((instance): instance is WorkerHost<Worker> => instance instanceof WorkerHost)
      .map((host) => host.worker),
  );
}

/** Jobs are handled by `@OnJob` methods beside their domain code, found when the worker starts. */
describe('the worker’s jobs', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await setUpTestEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('has a handler for every job of the catalogue, in the library the job belongs to', async () => {
    const worker = await startWorker();
    try {
      const handlers = worker.get(JobHandlers);
      const names = Object.keys(JOB_POLICIES) as JobName[];
      expect(Object.fromEntries(names.map((name) => [name, handlers.describe(name)]))).toEqual({
        'invitation.send': 'InvitationDelivery.send',
        'signup.confirm': 'SignupDelivery.confirm',
        'signup.notice': 'SignupDelivery.notice',
        'catalog.index': 'CatalogIndexer.sync',
        'catalog.import': 'ImportRunner.run',
        'catalog.reconcile': 'HourlyReconciliation.run',
        'delivery.email': 'EmailDelivery.send',
        'delivery.webhook': 'WebhookDelivery.send',
        'delivery.digest': 'DigestDelivery.send',
        'delivery.digest.sweep': 'DigestDelivery.sweep',
        'match.need': 'MatchJobs.matchNeeds',
        'match.achievement': 'MatchJobs.matchAchievements',
        'match.reconcile': 'MatchJobs.reconcile',
        'recommendation.deliver': 'RecommendationDelivery.deliver',
        'saved_search.match': 'SavedSearchAlerts.run',
        'deal.reminders.plan': 'ReminderJobs.plan',
        'deal.reminder': 'ReminderJobs.run',
        'deal.reminders.sweep': 'ReminderJobs.sweep',
        'challenge.announce': 'ChallengeJobs.announce',
        'challenge.reminders.plan': 'ChallengeJobs.plan',
        'challenge.reminder': 'ChallengeJobs.run',
      });
    } finally {
      await worker.close();
    }
  });

  it('takes each queue with one processor, at the concurrency and lock of that queue', async () => {
    const worker = await startWorker();
    try {
      const settings = queueWorkers(worker)
        .map((queue) => [queue.name, queue.opts.concurrency, queue.opts.lockDuration] as const)
        .sort(([a], [b]) => a.localeCompare(b));
      expect(settings).toEqual([
        ['challenges', 2, 30_000],
        ['deals', 2, 30_000],
        ['deliver', 4, 30_000],
        ['import', 1, 120_000],
        ['index', 4, 30_000],
        ['match', 2, 30_000],
        ['webhook', 8, 30_000],
      ]);
    } finally {
      await worker.close();
    }
  });

  it('refuses to start when a job has no handler, naming the job', async () => {
    // The e-mail delivery replaced by an object without its @OnJob method: `delivery.email` has no handler.
    const module = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(EmailDelivery)
      .useValue({})
      .compile();
    try {
      await expect(module.init()).rejects.toThrow(
        'The worker has no handler for job delivery.email: declare one with @OnJob on a provider of a module the worker imports',
      );
    } finally {
      await module.close();
    }
  });

  it('refuses to start when a queue has no processor, naming the queue', async () => {
    const module = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(DealsProcessor)
      .useValue({})
      .compile();
    try {
      await expect(module.init()).rejects.toThrow('No processor takes the queue deals');
    } finally {
      await module.close();
    }
  });
});
