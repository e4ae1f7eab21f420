import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, NEED, type Accounts } from '../../libs/catalog/test/fixtures';
import { achievement, api } from '../../libs/deals/test/fixtures';
import { startApi } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;

/** A recommendation of `achievementId` for `needId` in `status`, as the matcher and review would leave it. */
async function recommend(needId: string, achievementId: string, status: string, answer: string | null): Promise<void> {
  await dataSource.query(
    `INSERT INTO recommendation (need_id, achievement_id, need_org_id, achievement_org_id, trigger, score, features,
                                 matcher_version, status, institution_answer, delivered_at)
     SELECT n.id, a.id, n.org_id, a.org_id, 'need', 0.8, '[]'::jsonb, 'test', $3::recommendation_status, $4, now()
       FROM need n, achievement a WHERE n.id = $1 AND a.id = $2`,
    [needId, achievementId, status, answer],
  );
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('MatchOverviewController', () => {
  it('lists the TTO’s achievements with pushed needs, unanswered first, and nothing of another TTO', async () => {
    expect((await call.get(accounts.tto, '/matches/achievements').expect(200)).body).toEqual([]);
    const needs: string[] = [];
    for (const title of ['需求甲', '需求乙']) {
      needs.push((await call.post(accounts.enterprise, '/needs', { ...NEED, title }).expect(201)).body.id);
    }
    const answered = await achievement(app.getHttpServer(), accounts.tto);
    const waiting = await achievement(app.getHttpServer(), accounts.tto);
    await recommend(needs[0], answered, 'interested', 'interested');
    await recommend(needs[0], waiting, 'delivered', null);
    await recommend(needs[1], waiting, 'viewed', null);
    // Still waiting for review: not pushed, not counted.
    await recommend(needs[1], answered, 'pending_review', null);

    const { body } = await call.get(accounts.tto, '/matches/achievements').expect(200);
    expect(body.map((row: { achievementId: string; matches: number; unanswered: number }) => row)).toEqual([
      expect.objectContaining({ achievementId: waiting, matches: 2, unanswered: 2 }),
      expect.objectContaining({ achievementId: answered, matches: 1, unanswered: 0 }),
    ]);
    expect((await call.get(accounts.otherTto, '/matches/achievements').expect(200)).body).toEqual([]);
  });

  it('is for TTOs only', async () => {
    await call.get(accounts.enterprise, '/matches/achievements').expect(403);
    await call.get(accounts.manager, '/matches/achievements').expect(403);
    await call.get(accounts.admin, '/matches/achievements').expect(403);
  });
});
