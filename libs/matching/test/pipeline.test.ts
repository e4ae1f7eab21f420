import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { producerConnection, QueueName, QueueProducers } from '@kuaizhuan/platform';
import { as, createAccounts, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

interface RecommendationRow {
  id: string;
  achievement_id: string;
  status: string;
  reviewer_id: string | null;
  trigger: string;
  score: number;
  features: { feature: string; value: number; zh: string; en: string }[];
}

describe('matching pipeline', () => {
  let env: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<NestExpressApplication['getHttpServer']>;
  let dataSource: DataSource;
  let accounts: Accounts;
  let lightAlloy: string;
  let rice: string;
  let otherLightAlloy: string;
  let needId: string;

  const recommendations = (need: string): Promise<RecommendationRow[]> =>
    dataSource.query(
      `SELECT id, achievement_id, status, reviewer_id, trigger, score, features
         FROM recommendation WHERE need_id = $1 ORDER BY score DESC`,
      [need],
    );

  const indexed = async (ids: string[]): Promise<boolean> => {
    const rows: unknown[] = await dataSource.query(`SELECT 1 FROM search_document WHERE id = ANY($1)`, [ids]);
    return rows.length >= ids.length;
  };

  beforeAll(async () => {
    env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = await startApi();
    worker = await startWorker();
    http = api.getHttpServer();
    dataSource = api.get(DataSource);
    accounts = await createAccounts(http, dataSource);
    lightAlloy = await publishedAchievement(http, accounts.tto, accounts.admin);
    otherLightAlloy = await publishedAchievement(http, accounts.otherTto, accounts.admin, {
      externalRef: 'SWU-1',
      title: '铝合金电池包壳体一体化压铸技术',
      summary: '新能源汽车电池包壳体采用铝合金一体化压铸，实现轻量化与结构集成。',
      keywords: ['铝合金', '压铸', '电池包'],
    });
    rice = await publishedAchievement(http, accounts.tto, accounts.admin, {
      externalRef: 'CQU-RICE',
      title: '再生稻高产栽培技术',
      summary: '适用于西南丘陵地区的再生稻栽培与机收技术。',
      keywords: ['再生稻', '栽培'],
      fieldCodes: ['food-agri'],
      transferModes: ['transfer'],
    });
    await eventually(() => indexed([lightAlloy, otherLightAlloy, rice]), 20_000, 'achievements indexed');
    needId = await publishedNeed(http, accounts.enterprise, accounts.admin);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.teardown();
  });

  it('turns a published need into explained recommendations waiting in a manager review queue', async () => {
    const rows = await eventually(async () => {
      const found = await recommendations(needId);
      return found.length >= 2 ? found : undefined;
    }, 20_000);
    const ids = rows.map((r) => r.achievement_id);
    expect(ids).toEqual(expect.arrayContaining([lightAlloy, otherLightAlloy]));
    // Offered only for outright transfer, which the company does not accept: filtered out.
    expect(ids).not.toContain(rice);
    for (const row of rows) {
      expect(row.status).toBe('pending_review');
      expect(row.trigger).toBe('need');
      expect(row.reviewer_id).toBe(accounts.manager.userId);
      expect(row.features.map((f) => f.feature).sort()).toEqual(
        [
          'feedback',
          'field',
          'freshness',
          'keywords',
          'locality',
          'maturity',
          'mode',
          'price',
          'quality',
          'text',
        ].sort(),
      );
      expect(row.features.every((f) => f.zh.length > 0 && f.en.length > 0)).toBe(true);
    }
    // The company named the field: the listing shares it, and the field counts as far as the
    // listing covers the need's wording (in full from half of it).
    const light = rows.find((r) => r.achievement_id === lightAlloy)!;
    const field = light.features.find((f) => f.feature === 'field')!;
    const text = light.features.find((f) => f.feature === 'text')!;
    expect(field.en).toMatch(/^Same technology field/);
    expect(field.value).toBeCloseTo(0.5 + 0.5 * Math.min(1, text.value / 0.5), 6);
  });

  it('keeps one row per pair when the match job runs again', async () => {
    const before = await recommendations(needId);
    await api
      .get(QueueProducers)
      .add([{ name: 'match.need', data: { kind: 'need', ids: [needId] }, jobId: `again-${needId}` }]);
    const queue = new Queue(QueueName.Match, {
      connection: producerConnection(process.env.REDIS_URL!),
      prefix: env.queuePrefix,
    });
    try {
      await eventually(
        async () => (await queue.getJob(`again-${needId}`))?.finishedOn !== undefined,
        20_000,
        'second match',
      );
      const job = await queue.getJob(`again-${needId}`);
      expect(job?.failedReason).toBeUndefined();
    } finally {
      await queue.close();
    }
    const after = await recommendations(needId);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
  });

  it('matches a newly published achievement against open needs (the reverse direction)', async () => {
    const late = await publishedAchievement(http, accounts.otherTto, accounts.admin, {
      externalRef: 'SWU-2',
      title: '碳纤维复合材料电池包上盖轻量化技术',
      summary: '碳纤维复合材料用于新能源汽车电池包上盖，减重 40%。',
      keywords: ['碳纤维', '电池包', '轻量化'],
    });
    const row = await eventually(
      async () => (await recommendations(needId)).find((r) => r.achievement_id === late),
      20_000,
    );
    expect(row.trigger).toBe('achievement');
    expect(row.status).toBe('pending_review');
  });

  it('withdraws open recommendations when the need is closed', async () => {
    await request(http).post(`/api/needs/${needId}/close`).set(as(accounts.enterprise)).send({}).expect(200);
    await eventually(
      async () => (await recommendations(needId)).every((r) => r.status === 'withdrawn'),
      20_000,
      'withdrawn',
    );
    const rows = await recommendations(needId);
    expect(rows.length).toBeGreaterThan(0);
  });
});
