import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { QueueProducers } from '@kuaizhuan/platform';
import { createAccounts, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { awaitRecommendations, publishCatalogue, recommendationsOf } from './fixtures';

/** The hourly match reconciliation: published listings whose latest version no match job finished. */
describe('match reconciliation', () => {
  let env: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let accounts: Accounts;

  beforeAll(async () => {
    env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = await startApi();
    worker = await startWorker();
    dataSource = api.get(DataSource);
    accounts = await createAccounts(api.getHttpServer(), dataSource);
    await publishCatalogue(api.getHttpServer(), dataSource, accounts);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.teardown();
  });

  /** As if the match job of this need had been lost: no recommendations, no run recorded. */
  async function loseMatch(needId: string, changedAgo: string): Promise<void> {
    await dataSource.query(`DELETE FROM recommendation WHERE need_id = $1`, [needId]);
    await dataSource.query(`DELETE FROM match_run WHERE subject_id = $1`, [needId]);
    await dataSource.query(`UPDATE need SET updated_at = now() - $2::interval WHERE id = $1`, [needId, changedAgo]);
  }

  it('records the version each match ran on, and matches again what a lost job left unmatched', async () => {
    const http = api.getHttpServer();
    const settled = await publishedNeed(http, accounts.enterprise, accounts.admin, {
      title: '电池包轻量化需求（丢失的匹配）',
    });
    const fresh = await publishedNeed(http, accounts.enterprise, accounts.admin, {
      title: '电池包轻量化需求（刚修改）',
    });
    await awaitRecommendations(dataSource, settled, 2);
    await awaitRecommendations(dataSource, fresh, 2);
    // The run is recorded once the job has also matched the need's researchers, after its recommendations.
    const run = await eventually(
      async () => {
        const [row]: { matches: boolean }[] = await dataSource.query(
          `SELECT r.subject_updated_at = date_trunc('milliseconds', n.updated_at) AS matches FROM match_run r JOIN need n ON n.id = r.subject_id
            WHERE r.subject_kind = 'need' AND r.subject_id = $1`,
          [settled],
        );
        return row;
      },
      30_000,
      'the match run of the settled need',
    );
    expect(run).toEqual({ matches: true });

    await loseMatch(settled, '1 hour');
    await loseMatch(fresh, '1 minute');
    await api
      .get(QueueProducers)
      .add([{ name: 'match.reconcile', jobId: 'manual-reconcile-1', data: { trigger: 'manual' } }]);

    await awaitRecommendations(dataSource, settled, 2);
    await eventually(
      async () =>
        (await dataSource.query<unknown[]>(`SELECT 1 FROM match_run WHERE subject_id = $1`, [settled])).length === 1,
      15_000,
      'run recorded',
    );
    // A need changed a minute ago is left to the job its change started.
    expect(await recommendationsOf(dataSource, fresh)).toEqual([]);
  }, 60_000);
});
