import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { publishCatalogue, type Catalogue } from '../../matching/test/fixtures';
import { ChallengeJobs } from '../src/jobs/challenge-jobs';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import type { SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { api, deadlinePassed, proposalBody, publishedChallenge } from './fixtures';

/** What the worker does for a challenge: pushes it to the teams that fit, and reminds them of the deadline. */

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext | null = null;
let dataSource: DataSource;
let accounts: Accounts;
let catalogue: Catalogue;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  catalogue = await publishCatalogue(app.getHttpServer(), dataSource, accounts);
}, 90_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
});

async function inboxOf(account: SignedIn, type: string): Promise<{ link: string; title: { zh: string } }[]> {
  const { body } = await call.get(account, '/inbox?pageSize=100').expect(200);
  return body.items.filter((item: { type: string }) => item.type === type);
}

/** Moves a challenge's pending reminders to a minute ago and plans them again, as the worker would. */
async function remindersDue(challengeId: string): Promise<void> {
  await dataSource.query(
    `UPDATE challenge_reminder SET run_at = now() - interval '1 minute' WHERE challenge_id = $1 AND done_at IS NULL`,
    [challengeId],
  );
  await worker!.get(ChallengeJobs).plan(challengeId);
}

describe(ChallengeJobs.name, () => {
  let challengeId: string;

  beforeAll(async () => {
    challengeId = await publishedChallenge(app.getHttpServer(), accounts);
  });

  describe('announce', () => {
    it('pushes a published challenge to the TTOs whose achievements fit, never to the company', async () => {
      for (const tto of [accounts.tto, accounts.otherTto]) {
        const pushed = await eventually(
          async () => {
            const items = await inboxOf(tto, 'challenge.published');
            return items.length > 0 && items;
          },
          30_000,
          'the challenge pushed to a TTO',
        );
        expect(pushed[0].link).toBe(`/challenges/${challengeId}`);
      }
      const [row]: { announced_org_ids: string[] }[] = await dataSource.query(
        `SELECT announced_org_ids FROM challenge WHERE id = $1`,
        [challengeId],
      );
      expect(row.announced_org_ids.sort()).toEqual([accounts.tto.orgId, accounts.otherTto.orgId].sort());
      expect(await inboxOf(accounts.enterprise, 'challenge.published')).toEqual([]);
    });
  });

  describe('run', () => {
    it('reminds the teams before the deadline, once per reminder', async () => {
      const reminders: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM challenge_reminder WHERE challenge_id = $1 AND done_at IS NULL`,
        [challengeId],
      );
      expect(reminders[0].n).toBe(2);
      const body = {
        ...proposalBody({
          account: accounts.tto,
          achievementId: catalogue.magnesium,
          researcherIds: catalogue.researcherIds,
        }),
      };
      await call.post(accounts.tto, `/challenges/${challengeId}/proposals`, body).expect(201);
      await remindersDue(challengeId);
      const told = await eventually(
        async () => {
          const items = await inboxOf(accounts.otherTto, 'challenge.reminder');
          return items.length === 2 && items;
        },
        20_000,
        'two reminders',
      );
      expect(told[0].title.zh).toContain('揭榜即将截止');
      expect(await inboxOf(accounts.tto, 'challenge.reminder')).toHaveLength(2);
      const outcomes: { outcome: string }[] = await dataSource.query(
        `SELECT outcome FROM challenge_reminder WHERE challenge_id = $1 ORDER BY run_at`,
        [challengeId],
      );
      expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);
      // Planned again, a reminder already done is not sent twice.
      await worker!.get(ChallengeJobs).plan(challengeId);
      const [first]: { id: string }[] = await dataSource.query(
        `SELECT id FROM challenge_reminder WHERE challenge_id = $1 ORDER BY run_at LIMIT 1`,
        [challengeId],
      );
      expect(await worker!.get(ChallengeJobs).run(first.id)).toBe('sent');
      expect(await inboxOf(accounts.otherTto, 'challenge.reminder')).toHaveLength(2);
    });

    it('sends nothing once the deadline has passed', async () => {
      const closing = await publishedChallenge(app.getHttpServer(), accounts);
      await deadlinePassed(dataSource, closing);
      await remindersDue(closing);
      const outcomes = await eventually(
        async () => {
          const rows: { outcome: string | null }[] = await dataSource.query(
            `SELECT outcome FROM challenge_reminder WHERE challenge_id = $1`,
            [closing],
          );
          return rows.every((r) => r.outcome !== null) && rows.map((r) => r.outcome);
        },
        20_000,
        'the reminders carried out',
      );
      expect(outcomes).toEqual(['closed', 'closed']);
    });
  });
});
