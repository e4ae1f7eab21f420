import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import type { SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import {
  api,
  auditActions,
  deadlinePassed,
  proposalBody,
  publishedChallenge,
  revisionBody,
  team,
  type Team,
} from './fixtures';

/** After the deadline: nothing more is accepted; the company scores, declines with a reason and picks. */

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
let cqu: Team;
let swu: Team;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  cqu = await team(app.getHttpServer(), accounts.tto);
  swu = await team(app.getHttpServer(), accounts.otherTto);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

async function decisions(account: SignedIn): Promise<{ title: { zh: string }; body: { zh: string; en: string } }[]> {
  const { body } = await call.get(account, '/inbox?pageSize=100').expect(200);
  return body.items.filter((item: { type: string }) => item.type === 'challenge.decision');
}

async function propose(challengeId: string, t: Team, price?: string): Promise<string> {
  return (await call.post(t.account, `/challenges/${challengeId}/proposals`, proposalBody(t, price)).expect(201)).body
    .id;
}

describe('the deadline', () => {
  it('closes the challenge to new proposals, revisions and withdrawals (409)', async () => {
    const challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    const mine = await propose(challengeId, cqu);
    await call.post(accounts.enterprise, `/proposals/${mine}/shortlist`).expect(409);
    await deadlinePassed(dataSource, challengeId);
    await call.post(swu.account, `/challenges/${challengeId}/proposals`, proposalBody(swu)).expect(409);
    await call.put(cqu.account, `/proposals/${mine}`, revisionBody(cqu, '1000000.00')).expect(409);
    await call.post(cqu.account, `/proposals/${mine}/withdraw`).expect(409);
    const { body } = await call.get(cqu.account, `/proposals/${mine}`).expect(200);
    expect(body).toMatchObject({ status: 'submitted', currentVersion: 1 });
  });

  it('takes a withdrawal before it, after which the company no longer sees the proposal', async () => {
    const challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    const mine = await propose(challengeId, cqu);
    await call.post(cqu.account, `/proposals/${mine}/withdraw`).expect(200);
    await call.get(accounts.enterprise, `/proposals/${mine}`).expect(404);
    const { body } = await call.get(accounts.enterprise, `/challenges/${challengeId}/proposals`).expect(200);
    expect(body.items).toEqual([]);
    expect(await auditActions(dataSource, mine)).toEqual(
      expect.arrayContaining(['proposal.submitted', 'proposal.withdrawn']),
    );
  });

  it('may be extended once, after it passed with no proposal', async () => {
    const challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    const later = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    await call.post(accounts.enterprise, `/challenges/${challengeId}/extend`, { deadline: later }).expect(409);
    await deadlinePassed(dataSource, challengeId);
    await call.post(accounts.otherEnterprise, `/challenges/${challengeId}/extend`, { deadline: later }).expect(403);
    await call.post(accounts.tto, `/challenges/${challengeId}/extend`, { deadline: later }).expect(403);
    const bad = await call
      .post(accounts.enterprise, `/challenges/${challengeId}/extend`, { deadline: 'soon' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('deadline');
    const { body } = await call
      .post(accounts.enterprise, `/challenges/${challengeId}/extend`, { deadline: later })
      .expect(200);
    expect(body).toMatchObject({ extended: true, phase: 'accepting', deadline: later });
    await deadlinePassed(dataSource, challengeId);
    await call.post(accounts.enterprise, `/challenges/${challengeId}/extend`, { deadline: later }).expect(409);
    expect(await auditActions(dataSource, challengeId)).toEqual(['challenge.published', 'challenge.extended']);
  });

  it('is not extended when proposals came in', async () => {
    const challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    await propose(challengeId, cqu);
    await deadlinePassed(dataSource, challengeId);
    const later = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    await call.post(accounts.enterprise, `/challenges/${challengeId}/extend`, { deadline: later }).expect(409);
  });
});

describe('judging', () => {
  it('scores, declines one team with a reason and opens a deal room with the winner’s terms', async () => {
    const challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    const winner = await propose(challengeId, cqu);
    await call.put(cqu.account, `/proposals/${winner}`, revisionBody(cqu, '1000000.00')).expect(200);
    const loser = await propose(challengeId, swu, '900000.00');
    await call
      .post(accounts.enterprise, `/challenges/${challengeId}/managers`, { userId: accounts.manager.userId })
      .expect(200);
    await deadlinePassed(dataSource, challengeId);

    const scored = await call
      .put(accounts.enterprise, `/proposals/${winner}/scores`, {
        scores: [
          { criterion: '技术指标', score: 9 },
          { criterion: '报价', score: 7 },
        ],
      })
      .expect(200);
    expect(scored.body.weightedScore).toBe(8.2);
    const helped = await call
      .put(accounts.manager, `/proposals/${winner}/scores`, { scores: [{ criterion: '技术指标', score: 7 }] })
      .expect(200);
    expect(helped.body.weightedScore).toBe(7.6);
    const unknown = await call
      .put(accounts.enterprise, `/proposals/${loser}/scores`, { scores: [{ criterion: '颜值', score: 5 }] })
      .expect(400);
    expect(JSON.stringify(unknown.body)).toContain('scores[0].criterion');
    await call
      .put(accounts.enterprise, `/proposals/${loser}/scores`, { scores: [{ criterion: '报价', score: 11 }] })
      .expect(400);
    await call
      .put(cqu.account, `/proposals/${winner}/scores`, { scores: [{ criterion: '报价', score: 10 }] })
      .expect(403);
    await call
      .put(accounts.otherEnterprise, `/proposals/${winner}/scores`, { scores: [{ criterion: '报价', score: 1 }] })
      .expect(404);
    expect((await call.get(cqu.account, `/proposals/${winner}`).expect(200)).body).toMatchObject({
      scores: [],
      weightedScore: null,
    });

    await call.post(accounts.manager, `/proposals/${winner}/shortlist`).expect(200);
    await call.post(accounts.enterprise, `/challenges/${challengeId}/award`, { proposalId: winner }).expect(409);
    await call
      .post(accounts.manager, `/proposals/${loser}/decline`, { reason: 'price_too_high', note: '超出预算' })
      .expect(403);
    const noReason = await call
      .post(accounts.enterprise, `/proposals/${loser}/decline`, { note: '超出预算' })
      .expect(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    await call
      .post(accounts.enterprise, `/proposals/${loser}/decline`, {
        reason: 'other_proposal_better',
        note: '另一方案的中试条件更成熟。',
      })
      .expect(200);
    const told = await decisions(swu.account);
    expect(told).toHaveLength(1);
    expect(told[0].body.zh).toContain('其他方案更合适');
    expect(told[0].body.zh).toContain('另一方案的中试条件更成熟。');

    await call.post(accounts.manager, `/challenges/${challengeId}/award`, { proposalId: winner }).expect(403);
    const awarded = await call
      .post(accounts.enterprise, `/challenges/${challengeId}/award`, { proposalId: winner })
      .expect(200);
    expect(awarded.body).toMatchObject({ status: 'awarded', phase: 'decided' });
    const won = await call.get(cqu.account, `/proposals/${winner}`).expect(200);
    expect(won.body.status).toBe('won');
    const dealId: string = won.body.dealId;
    const deal = await call.get(cqu.account, `/deals/${dealId}`).expect(200);
    expect(deal.body).toMatchObject({
      type: 'licence',
      status: 'negotiating',
    });
    await call.get(accounts.enterprise, `/deals/${dealId}`).expect(200);
    await call.get(swu.account, `/deals/${dealId}`).expect(404);
    const sheets = await call.get(accounts.enterprise, `/deals/${dealId}/term-sheets`).expect(200);
    expect(sheets.body).toHaveLength(1);
    expect(sheets.body[0]).toMatchObject({ version: 1, proposedBy: 'institution', status: 'open' });
    expect(sheets.body[0].terms).toMatchObject({ price: '1000000.00', proposalId: winner, maturity: 'pilot' });
    expect(sheets.body[0].terms.milestones).toHaveLength(2);
    expect((await decisions(cqu.account)).map((n) => n.title.zh)).toEqual([expect.stringContaining('揭榜成功')]);

    await call.post(accounts.enterprise, `/proposals/${loser}/decline`, { reason: 'other', note: '再次' }).expect(409);
    expect(await auditActions(dataSource, challengeId)).toEqual(
      expect.arrayContaining(['challenge.published', 'challenge.manager_assigned', 'challenge.awarded']),
    );
    expect(await auditActions(dataSource, winner)).toEqual(
      expect.arrayContaining([
        'proposal.submitted',
        'proposal.revised',
        'proposal.scored',
        'proposal.shortlisted',
        'proposal.won',
      ]),
    );
    expect(await auditActions(dataSource, loser)).toEqual(expect.arrayContaining(['proposal.declined']));
    expect(await auditActions(dataSource, dealId)).toEqual(
      expect.arrayContaining(['deal.opened', 'deal.terms_offered']),
    );
  });

  it('closes with no winner, telling every team in the running', async () => {
    const challengeId = await publishedChallenge(app.getHttpServer(), accounts);
    const a = await propose(challengeId, cqu);
    const b = await propose(challengeId, swu);
    await call.post(accounts.enterprise, `/challenges/${challengeId}/no-award`, { note: '均未达到指标' }).expect(409);
    await deadlinePassed(dataSource, challengeId);
    await call
      .post(accounts.otherEnterprise, `/challenges/${challengeId}/no-award`, { note: '均未达到指标' })
      .expect(403);
    const { body } = await call
      .post(accounts.enterprise, `/challenges/${challengeId}/no-award`, { note: '均未达到指标' })
      .expect(200);
    expect(body.status).toBe('unawarded');
    for (const [account, id] of [
      [cqu.account, a],
      [swu.account, b],
    ] as const) {
      const seen = await call.get(account, `/proposals/${id}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'declined', declineReason: 'no_award', declineNote: '均未达到指标' });
    }
    await call.post(accounts.enterprise, `/challenges/${challengeId}/award`, { proposalId: a }).expect(409);
  });
});
