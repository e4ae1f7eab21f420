import { Injectable, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { UnrecoverableError, type Job } from 'bullmq';
import { JOB_POLICIES, QueueName, type JobName } from './job-catalogue';
import { JobHandlerError, JobHandlers, OnJob } from './job-handlers';

const EVERY_JOB = Object.keys(JOB_POLICIES) as JobName[];

/** A provider with a plain `@OnJob` method for each of `jobs`, recording what each received. */
function handlerOf(jobs: readonly JobName[]): Type<{ calls: [JobName, unknown[]][] }> {
  @Injectable()
  class Handles {
    readonly calls: [JobName, unknown[]][] = [];
  }
  for (const name of jobs) {
    const key = `run ${name}`;
    Object.defineProperty(Handles.prototype, key, {
      value: async function (this: Handles, ...args: unknown[]) {
        this.calls.push([name, args]);
        return `ran ${name}`;
      },
      writable: true,
      configurable: true,
    });
    const decorate = OnJob(name) as (target: object, key: string, method: PropertyDescriptor) => void;
    decorate(Handles.prototype, key, Object.getOwnPropertyDescriptor(Handles.prototype, key)!);
  }
  return Handles;
}

@Injectable()
class Invitations {
  readonly sent: string[] = [];

  @OnJob('invitation.send', ({ invitationId }) => [invitationId])
  async send(invitationId: string): Promise<string> {
    this.sent.push(invitationId);
    return 'delivered';
  }
}

async function start(...providers: Type<unknown>[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobHandlers, ...providers],
  }).compile();
  await module.init();
  return module;
}

function job(name: string, data: unknown): Job {
  return { name, data, id: '1' } as unknown as Job;
}

describe(JobHandlers.name, () => {
  it('refuses to start while a job of the catalogue has no handler, naming that job and no other', async () => {
    const all = start(handlerOf(EVERY_JOB.filter((name) => name !== 'deal.reminder')));
    await expect(all).rejects.toThrow(JobHandlerError);
    await expect(all).rejects.toThrow(/no handler for job deal\.reminder: declare one with @OnJob/);
  });

  it('names every job without a handler', async () => {
    const missing: JobName[] = ['match.reconcile', 'catalog.import', 'signup.notice'];
    const error = await start(handlerOf(EVERY_JOB.filter((name) => !missing.includes(name)))).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(JobHandlerError);
    expect((error as Error).message).toContain('no handler for jobs catalog.import, match.reconcile, signup.notice:');
  });

  it('refuses a job two providers claim, naming both', async () => {
    const others = handlerOf(EVERY_JOB.filter((name) => name !== 'invitation.send'));
    const twice = handlerOf(['invitation.send']);
    await expect(start(others, Invitations, twice)).rejects.toThrow(
      /Job invitation\.send has two handlers, (Invitations\.send and Handles\.run invitation\.send|Handles\.run invitation\.send and Invitations\.send)/,
    );
  });

  it('hands a job to its handler with the arguments its declaration takes from the payload', async () => {
    const others = handlerOf(EVERY_JOB.filter((name) => name !== 'invitation.send'));
    const module = await start(others, Invitations);
    const handlers = module.get(JobHandlers);

    const invitationId = '7d1f6a3e-0000-4000-8000-000000000001';
    await expect(
      handlers.handlerOf('invitation.send', QueueName.Deliver)(job('invitation.send', { invitationId })),
    ).resolves.toBe('delivered');
    expect(module.get(Invitations).sent).toEqual([invitationId]);

    const payload = { kind: 'need', ids: ['a', 'b'] };
    const indexing = job('catalog.index', payload);
    await expect(handlers.handlerOf('catalog.index', QueueName.Index)(indexing)).resolves.toBe('ran catalog.index');
    // Without arguments declared, the method receives the payload and the job.
    expect(module.get(others).calls).toEqual([['catalog.index', [payload, indexing]]]);
    expect(handlers.describe('invitation.send')).toBe('Invitations.send');
    await module.close();
  });

  it('fails a job for good when it is unknown or taken from a queue it does not belong to', async () => {
    const module = await start(handlerOf(EVERY_JOB));
    const handlers = module.get(JobHandlers);
    expect(() => handlers.handlerOf('catalog.index', QueueName.Deliver)).toThrow(UnrecoverableError);
    expect(() => handlers.handlerOf('catalog.index', QueueName.Deliver)).toThrow(
      'job catalog.index has no handler on the deliver queue',
    );
    expect(() => handlers.handlerOf('catalog.reindex', QueueName.Index)).toThrow(UnrecoverableError);
    expect(handlers.handlerOf('catalog.index', QueueName.Index)).toEqual(expect.any(Function));
    await module.close();
  });
});
