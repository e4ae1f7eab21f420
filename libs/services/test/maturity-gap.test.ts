import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, createAccounts, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { awaitIndexed, awaitRecommendations } from '../../matching/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { registerAccount, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
let pilot: SignedIn;
let platformId: string;
let serviceId: string;
let achievementId: string;
/** The company's public need (TRL 7 asked) and its summary_only one, each with the achievement (TRL 4) recommended. */
let publicNeed: string;
let confidentialNeed: string;
let publicRecommendation: string;
let confidentialRecommendation: string;

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);

/** Publishes a need, waits for the achievement's recommendation, has the manager approve it and waits for delivery. */
async function delivered(overrides: Record<string, unknown>): Promise<{ needId: string; recommendationId: string }> {
  const needId = await publishedNeed(http, accounts.enterprise, accounts.admin, overrides);
  const rows = await awaitRecommendations(dataSource, needId, 1);
  const row = rows.find((r) => r.achievement_id === achievementId);
  if (!row) throw new Error(`the achievement was not recommended for need ${needId}`);
  await post(accounts.manager, `/reviews/${row.id}/approve`, { note: '成熟度差距需补齐' }).expect(200);
  await eventually(
    async () => {
      const [r]: { status: string }[] = await dataSource.query(`SELECT status FROM recommendation WHERE id = $1`, [
        row.id,
      ]);
      return r.status === 'delivered';
    },
    20_000,
    'delivered',
  );
  return { needId, recommendationId: row.id };
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  pilot = await registerAccount(http, {
    kind: 'enterprise',
    name: '重庆两江中试科技有限公司',
    verifiedBy: accounts.admin,
  });
  const platform = await post(pilot, '/service-platforms', {
    name: '两江新区轻合金中试验证平台',
    kinds: ['pilot'],
    regionCode: '500112',
  }).expect(201);
  platformId = platform.body.id;
  await post(accounts.admin, `/service-platforms/${platformId}/verify`).expect(200);
  const service = await post(pilot, '/service-platforms/mine/services', {
    title: '轻合金板材中试验证',
    fieldCodes: ['light-alloy'],
    trlFrom: 4,
    trlTo: 7,
    leadTimeDays: 90,
  }).expect(201);
  serviceId = service.body.id;
  achievementId = await publishedAchievement(http, accounts.tto, accounts.admin, { trl: 4 });
  await awaitIndexed(dataSource, [achievementId]);
  ({ needId: publicNeed, recommendationId: publicRecommendation } = await delivered({
    minTrl: 7,
    confidentiality: 'public',
  }));
  ({ needId: confidentialNeed, recommendationId: confidentialRecommendation } = await delivered({
    title: '电池包壳体轻量化（保密）',
    minTrl: 7,
    confidentiality: 'summary_only',
  }));
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await env?.teardown();
});

describe('maturity gap on recommendations', () => {
  it('shows the company the gap and the pilot platform that bridges it, with reasons in both languages', async () => {
    const { body } = await get(accounts.enterprise, `/needs/${publicNeed}/recommendations`).expect(200);
    const item = body.items.find((i: { id: string }) => i.id === publicRecommendation);
    expect(item.maturityGap).toMatchObject({
      achievementTrl: 4,
      neededTrl: 7,
      levels: 3,
      zh: '成果成熟度为 TRL 4，需求要求至少 TRL 7，相差 3 级；可通过中试验证平台补齐',
      en: 'The achievement is at TRL 4 and the need asks at least TRL 7: 3 levels short; a pilot platform can bridge it',
    });
    const [proposal] = item.maturityGap.proposals;
    expect(proposal.service).toMatchObject({ serviceId, platformId, platformName: '两江新区轻合金中试验证平台' });
    expect(proposal.score).toBe(1);
    expect(proposal.reasons).toEqual([
      expect.objectContaining({
        feature: 'maturity',
        value: 1,
        en: expect.stringContaining('from TRL 4 to the TRL 7'),
      }),
      expect.objectContaining({ feature: 'field', value: 1, zh: '服务领域覆盖成果所属领域（light-alloy）' }),
      expect.objectContaining({ feature: 'locality', value: 1, zh: '平台与需求企业在同一区县' }),
    ]);
  });

  it("shows the TTO the gap of a public need, but not of a summary_only need's private level", async () => {
    const { body } = await get(accounts.tto, `/achievements/${achievementId}/recommendations`).expect(200);
    const open = body.items.find((i: { id: string }) => i.id === publicRecommendation);
    const closed = body.items.find((i: { id: string }) => i.id === confidentialRecommendation);
    expect(open.maturityGap).toMatchObject({ levels: 3, proposals: [expect.objectContaining({ score: 1 })] });
    expect(closed.maturityGap).toBeNull();
    const forCompany = await get(accounts.enterprise, `/needs/${confidentialNeed}/recommendations`).expect(200);
    expect(forCompany.body.items[0].maturityGap).toMatchObject({ levels: 3 });
  });

  it('takes a quote request from the recommendation, and clears the gap once the raised maturity is confirmed', async () => {
    const quote = await post(accounts.tto, '/service-quotes', {
      serviceId,
      achievementId,
      recommendationId: publicRecommendation,
      targetTrl: 7,
      message: '推荐显示成熟度差 3 级，申请中试验证',
    }).expect(201);
    expect(quote.body.recommendationId).toBe(publicRecommendation);
    await post(accounts.enterprise, '/service-quotes', {
      serviceId,
      achievementId,
      recommendationId: confidentialRecommendation,
      targetTrl: 7,
      message: '另一家企业不能借用此推荐',
    }).expect(201);
    await post(accounts.otherEnterprise, '/service-quotes', {
      serviceId,
      achievementId,
      recommendationId: publicRecommendation,
      targetTrl: 7,
      message: '不是我的推荐',
    }).expect(404);

    const id = quote.body.id as string;
    await post(pilot, `/service-quotes/${id}/transitions`, {
      action: 'quote',
      price: '400000.00',
      leadTimeDays: 90,
    }).expect(200);
    await post(accounts.tto, `/service-quotes/${id}/transitions`, { action: 'accept' }).expect(200);
    await post(pilot, `/service-quotes/${id}/transitions`, {
      action: 'complete',
      trlReached: 7,
      note: '中试完成',
    }).expect(200);
    const before = await get(accounts.enterprise, `/needs/${publicNeed}/recommendations`).expect(200);
    expect(before.body.items.find((i: { id: string }) => i.id === publicRecommendation).maturityGap.levels).toBe(3);
    await post(accounts.tto, `/service-quotes/${id}/confirm-maturity`).expect(200);
    const { body } = await get(accounts.enterprise, `/needs/${publicNeed}/recommendations`).expect(200);
    expect(body.items.find((i: { id: string }) => i.id === publicRecommendation).maturityGap).toBeNull();
  });
});
