import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { producerConnection, QueueName } from '@kuaizhuan/platform';
import { RecommendationDelivery } from '../src/push/recommendation-delivery';
import { FieldTreeSource } from '../src/pipeline/field-tree';
import { AchievementProfiles } from '../src/pipeline/profiles';
import { as, createAccounts, NEED, type Accounts } from '../../catalog/test/fixtures';
import { completed, registerEndpoint, signatureIsValid } from '../../delivery/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import type { SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture } from '../../../test/support/smtp';
import { WebhookReceiver } from '../../../test/support/webhook-receiver';
import { needWithRecommendations, publishCatalogue, type Catalogue, type RecommendationRow } from './fixtures';

let smtp: SmtpCapture;
let receiver: WebhookReceiver;
let env: TestEnvironment;
let api: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let deliverQueue: Queue;
let accounts: Accounts;
let catalogue: Catalogue;
let companyHook: { id: string; secret: string };
let needId: string;
/** The recommendation of the TTO's magnesium achievement (approved, then connected) and of the other TTO's aluminium one. */
let magnesium: RecommendationRow;
let aluminium: RecommendationRow;
let connectionId: string;

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);

async function inboxOf(
  account: SignedIn,
  type: string,
): Promise<{ title: { zh: string }; link: string; body: { zh: string; en: string } }[]> {
  const { body } = await get(account, '/inbox?pageSize=100').expect(200);
  return body.items.filter((item: { type: string }) => item.type === type);
}

async function statusOf(id: string): Promise<string> {
  const [row]: { status: string }[] = await dataSource.query(`SELECT status FROM recommendation WHERE id = $1`, [id]);
  return row.status;
}

/** What has gone out for one recommendation, on every channel. */
async function pushed(): Promise<{ mails: number; calls: number; deliveries: number }> {
  const [{ count }]: { count: number }[] = await dataSource.query(
    `SELECT count(*)::int AS count FROM delivery d JOIN notification n ON n.id = d.notification_id
      WHERE n.subject_id = $1 AND n.type = 'recommendation.approved'`,
    [magnesium.id],
  );
  return { mails: smtp.messages.length, calls: receiver.calls.length, deliveries: count };
}

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  receiver = await WebhookReceiver.start();
  env = await setUpTestEnvironment({
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://kuaizhuan.example',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  api = await startApi();
  worker = await startWorker();
  http = api.getHttpServer();
  dataSource = api.get(DataSource);
  deliverQueue = new Queue(QueueName.Deliver, {
    connection: producerConnection(process.env.REDIS_URL!),
    prefix: env.queuePrefix,
  });
  accounts = await createAccounts(http, dataSource);
  companyHook = await registerEndpoint(http, accounts.enterprise, receiver.url('/company'), [
    'recommendation.approved',
    'connection.made',
  ]);
  catalogue = await publishCatalogue(http, dataSource, accounts);
}, 60_000);

afterAll(async () => {
  await deliverQueue?.close();
  await worker?.close();
  await api?.close();
  await receiver?.stop();
  await smtp?.stop();
  await env?.teardown();
});

describe('matching end to end', () => {
  it("turns a need published through the api into reviews in the manager's queue", async () => {
    const published = await needWithRecommendations(http, dataSource, accounts, accounts.enterprise);
    needId = published.needId;
    magnesium = published.recommendations.find((r) => r.achievement_id === catalogue.magnesium)!;
    aluminium = published.recommendations.find((r) => r.achievement_id === catalogue.aluminium)!;
    expect(magnesium).toBeDefined();
    expect(aluminium).toBeDefined();
    const { body } = await get(accounts.manager, '/reviews').expect(200);
    const queued = body.items.filter((item: { need: { id: string } }) => item.need.id === needId);
    expect(queued.map((item: { id: string }) => item.id).sort()).toEqual([magnesium.id, aluminium.id].sort());
  }, 60_000);

  it('shows the two sides nothing before a manager approves', async () => {
    const forCompany = await get(accounts.enterprise, `/needs/${needId}/recommendations`).expect(200);
    expect(forCompany.body.items).toEqual([]);
    await post(accounts.enterprise, `/recommendations/${magnesium.id}/answer`, { answer: 'interested' }).expect(404);
  });

  it('pushes an approved recommendation to the company on every channel, exactly once, even when the job runs twice', async () => {
    await post(accounts.manager, `/reviews/${magnesium.id}/approve`, { note: '推荐' }).expect(200);
    await eventually(async () => (await statusOf(magnesium.id)) === 'delivered', 20_000, 'delivered');

    const [item] = await eventually(async () => {
      const items = await inboxOf(accounts.enterprise, 'recommendation.approved');
      return items.length > 0 && items;
    });
    expect(item.link).toBe(`/needs/${needId}/recommendations`);
    expect(item.title.zh).toBe(`推荐成果「高强韧镁合金板材连续轧制技术」匹配您的需求「${NEED.title}」`);
    expect(item.body.zh).toMatch(/匹配度：\d+%/);
    expect(item.body.zh).toContain('主要理由：');
    const mail = await eventually(async () => smtp.messagesTo(accounts.enterprise.email)[0], 15_000, 'e-mail');
    expect(mail.subject).toContain('推荐成果「高强韧镁合金板材连续轧制技术」');
    expect(mail.text).toContain(`https://kuaizhuan.example/needs/${needId}/recommendations`);
    const [call] = await eventually(
      async () => receiver.callsTo('/company').length > 0 && receiver.callsTo('/company'),
    );
    expect(signatureIsValid(call, companyHook.secret)).toBe(true);
    expect(JSON.parse(call.body)).toMatchObject({
      type: 'recommendation.approved',
      organisationId: accounts.enterprise.orgId,
      notification: {
        subject: { type: 'recommendation.company', id: magnesium.id },
        data: { recommendationId: magnesium.id },
      },
    });
    // The TTO hears of it too, in its own words, without the confidential company's name or budget.
    const [tto] = await eventually(async () => {
      const items = await inboxOf(accounts.tto, 'recommendation.approved');
      return items.length > 0 && items;
    });
    expect(tto.link).toBe(`/achievements/${catalogue.magnesium}/recommendations`);
    expect(tto.body.zh).toContain('需求方信息保密');
    expect(`${tto.body.zh}${tto.body.en}`).not.toMatch(/重庆长安|200 万元|2000000/);
    await eventually(async () => smtp.messagesTo(accounts.tto.email).length === 1, 15_000, 'TTO e-mail');

    const before = await pushed();
    expect(before).toEqual({ mails: 2, calls: 1, deliveries: 5 });

    // The same job handed over again (another jobId): it finds the recommendation delivered.
    const again = `again-${randomUUID()}`;
    await deliverQueue.add('recommendation.deliver', { recommendationId: magnesium.id }, { jobId: again, attempts: 1 });
    expect(await completed(deliverQueue, again)).toMatchObject({ outcome: 'skipped' });
    // Even a run that got past that check (the status put back to approved) pushes nothing new.
    await dataSource.query(`UPDATE recommendation SET status = 'approved' WHERE id = $1`, [magnesium.id]);
    const rerun = `rerun-${randomUUID()}`;
    await deliverQueue.add('recommendation.deliver', { recommendationId: magnesium.id }, { jobId: rerun, attempts: 1 });
    expect(await completed(deliverQueue, rerun)).toEqual({
      outcome: 'delivered',
      company: { inbox: 0, email: 0, webhook: 0 },
      institution: { inbox: 0, email: 0, webhook: 0 },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await pushed()).toEqual(before);
    expect(await inboxOf(accounts.enterprise, 'recommendation.approved')).toHaveLength(1);
    expect(await inboxOf(accounts.tto, 'recommendation.approved')).toHaveLength(1);
    expect(smtp.messagesTo(accounts.enterprise.email)).toHaveLength(1);
    expect(receiver.callsTo('/company')).toHaveLength(1);
    expect(await statusOf(magnesium.id)).toBe('delivered');
  }, 60_000);

  it('shows the company the achievement, the explained score and the researchers (no contacts), marking it viewed', async () => {
    const { body } = await get(accounts.enterprise, `/needs/${needId}/recommendations`).expect(200);
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item).toMatchObject({
      id: magnesium.id,
      status: 'viewed',
      companyAnswer: null,
      institutionAnswer: null,
      connectionId: null,
      achievement: {
        id: catalogue.magnesium,
        title: '高强韧镁合金板材连续轧制技术',
        organisation: { id: accounts.tto.orgId, name: '重庆大学' },
      },
    });
    expect(item.viewedAt).not.toBeNull();
    expect(item.features).toHaveLength(10);
    expect(item.researchers.map((r: { name: string; title: string }) => [r.name, r.title])).toEqual([
      ['张伟', '教授'],
      ['刘洋', '副教授'],
    ]);
    expect(item.researchers[0].researchAreas).toEqual(['镁合金', '轧制']);
    expect(JSON.stringify(body)).not.toMatch(/cqu\.example|1380000|内部：/);
    expect(await statusOf(magnesium.id)).toBe('viewed');

    const second = await get(accounts.enterprise, `/needs/${needId}/recommendations`).expect(200);
    expect(second.body.items[0].viewedAt).toBe(item.viewedAt);
  });

  it('shows the TTO the need it was recommended for, a summary_only need by its summary only', async () => {
    const { body } = await get(accounts.tto, `/achievements/${catalogue.magnesium}/recommendations`).expect(200);
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item.need).toEqual({
      id: needId,
      title: NEED.title,
      summary: NEED.summary,
      keywords: NEED.keywords,
      confidentiality: 'summary_only',
    });
    expect(item.features.find((f: { feature: string }) => f.feature === 'price')).toMatchObject({ value: null });
    expect(JSON.stringify(body)).not.toMatch(/重庆长安|2000000|200 万元|钢制电池包/);
    // The other TTO's achievement was not approved: nothing to show it.
    const other = await get(accounts.otherTto, `/achievements/${catalogue.aluminium}/recommendations`).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('answers 404 to another organisation and 403 to the wrong role', async () => {
    await get(accounts.otherEnterprise, `/needs/${needId}/recommendations`).expect(404);
    await get(accounts.otherTto, `/achievements/${catalogue.magnesium}/recommendations`).expect(404);
    await get(accounts.enterprise, `/needs/${randomUUID()}/recommendations`).expect(404);
    await get(accounts.tto, `/needs/${needId}/recommendations`).expect(403);
    await get(accounts.enterprise, `/achievements/${catalogue.magnesium}/recommendations`).expect(403);
    for (const other of [accounts.otherEnterprise, accounts.otherTto]) {
      await post(other, `/recommendations/${magnesium.id}/answer`, { answer: 'interested' }).expect(404);
    }
    await post(accounts.manager, `/recommendations/${magnesium.id}/answer`, { answer: 'interested' }).expect(403);
    // Not approved yet: the sides do not know it exists.
    await post(accounts.otherTto, `/recommendations/${aluminium.id}/answer`, { answer: 'interested' }).expect(404);
  });

  it('validates an answer, naming the field', async () => {
    const noReason = await post(accounts.enterprise, `/recommendations/${magnesium.id}/answer`, {
      answer: 'declined',
    }).expect(400);
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const badAnswer = await post(accounts.enterprise, `/recommendations/${magnesium.id}/answer`, {
      answer: 'maybe',
    }).expect(400);
    expect(badAnswer.body.fields.map((f: { field: string }) => f.field)).toEqual(['answer']);
    const extra = await post(accounts.enterprise, `/recommendations/${magnesium.id}/answer`, {
      answer: 'interested',
      phone: '1',
    }).expect(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toEqual(['phone']);
    expect(await statusOf(magnesium.id)).toBe('viewed');
  });

  it('connects the two sides when both are interested, and tells both once', async () => {
    const first = await post(accounts.enterprise, `/recommendations/${magnesium.id}/answer`, {
      answer: 'interested',
      note: '请尽快安排技术交流',
    }).expect(200);
    expect(first.body).toEqual({
      id: magnesium.id,
      side: 'company',
      status: 'interested',
      companyAnswer: 'interested',
      institutionAnswer: null,
      connectionId: null,
    });
    await post(accounts.enterprise, `/recommendations/${magnesium.id}/answer`, { answer: 'interested' }).expect(409);
    expect((await get(accounts.enterprise, '/connections').expect(200)).body.items).toEqual([]);

    const second = await post(accounts.tto, `/recommendations/${magnesium.id}/answer`, {
      answer: 'interested',
    }).expect(200);
    expect(second.body).toMatchObject({ side: 'institution', status: 'connected', institutionAnswer: 'interested' });
    connectionId = second.body.connectionId;
    expect(connectionId).toEqual(expect.any(String));
    await post(accounts.tto, `/recommendations/${magnesium.id}/answer`, { answer: 'declined', reason: 'other' }).expect(
      409,
    );

    const [row]: { status: string; connected_at: Date | null; company_answered_by: string }[] = await dataSource.query(
      `SELECT status, connected_at, company_answered_by FROM recommendation WHERE id = $1`,
      [magnesium.id],
    );
    expect(row).toMatchObject({ status: 'connected', company_answered_by: accounts.enterprise.userId });
    expect(row.connected_at).not.toBeNull();
    const audit: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_log WHERE subject_id IN ($1, $2) ORDER BY occurred_at, id`,
      [magnesium.id, connectionId],
    );
    // The second answer and the connection share a transaction, hence a timestamp: compared as a set.
    expect(audit.map((a) => a.action).sort()).toEqual([
      'connection.made',
      'recommendation.answered',
      'recommendation.answered',
      'recommendation.approved',
    ]);

    for (const account of [accounts.enterprise, accounts.tto]) {
      const [notice] = await eventually(async () => {
        const items = await inboxOf(account, 'connection.made');
        return items.length > 0 && items;
      });
      expect(notice.link).toBe(`/connections/${connectionId}`);
      await eventually(
        async () => smtp.messagesTo(account.email).filter((m) => m.subject.includes('已建立对接')).length === 1,
        15_000,
        'connection e-mail',
      );
    }
    const call = await eventually(async () =>
      receiver.callsTo('/company').find((c) => JSON.parse(c.body).type === 'connection.made'),
    );
    expect(signatureIsValid(call, companyHook.secret)).toBe(true);
    expect(call.body).not.toMatch(/@|1380000/);
  }, 60_000);

  it("shows each connected side the other's contacts, and nobody else", async () => {
    const company = await get(accounts.enterprise, `/connections/${connectionId}`).expect(200);
    expect(company.body).toMatchObject({
      id: connectionId,
      side: 'company',
      counterpart: {
        organisation: { id: accounts.tto.orgId, name: '重庆大学' },
        contactPerson: { name: '测试用户', email: accounts.tto.email },
      },
    });
    expect(
      company.body.counterpart.researchers.map((r: { name: string; email: string; phone: string }) => [
        r.name,
        r.email,
        r.phone,
      ]),
    ).toEqual([
      ['张伟', 'zhang.wei@cqu.example', '13800000001'],
      ['刘洋', 'liu.yang@cqu.example', '13800000002'],
    ]);

    const tto = await get(accounts.tto, `/connections/${connectionId}`).expect(200);
    expect(tto.body).toMatchObject({
      side: 'institution',
      counterpart: {
        organisation: { id: accounts.enterprise.orgId, name: '重庆长安轻量化科技有限公司' },
        contactPerson: { name: '测试用户', email: accounts.enterprise.email },
      },
      // Connected: the need is open to the TTO whole.
      need: { id: needId, details: { budgetMax: NEED.budgetMax, problem: NEED.problem } },
    });
    expect(tto.body.counterpart.researchers).toBeUndefined();

    for (const account of [accounts.enterprise, accounts.tto]) {
      const { body } = await get(account, '/connections').expect(200);
      expect(body.items.map((c: { id: string }) => c.id)).toEqual([connectionId]);
    }
    for (const stranger of [accounts.otherEnterprise, accounts.otherTto]) {
      await get(stranger, `/connections/${connectionId}`).expect(404);
      expect((await get(stranger, '/connections').expect(200)).body.items).toEqual([]);
    }
    await get(accounts.manager, `/connections/${connectionId}`).expect(403);
    await get(accounts.enterprise, `/connections/${randomUUID()}`).expect(404);

    // The lists show the connection; researchers' contacts stay on the connection page.
    const list = await get(accounts.enterprise, `/needs/${needId}/recommendations`).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'connected', connectionId });
    expect(JSON.stringify(list.body)).not.toContain('cqu.example');
    const forTto = await get(accounts.tto, `/achievements/${catalogue.magnesium}/recommendations`).expect(200);
    expect(forTto.body.items[0].need.details.budgetMax).toBe(NEED.budgetMax);
  });

  it('closes a recommendation when a side declines; the answers feed the matcher', async () => {
    await post(accounts.manager, `/reviews/${aluminium.id}/approve`).expect(200);
    await eventually(async () => (await statusOf(aluminium.id)) === 'delivered', 20_000, 'delivered');
    const { body } = await post(accounts.otherTto, `/recommendations/${aluminium.id}/answer`, {
      answer: 'declined',
      reason: 'too_early',
    }).expect(200);
    expect(body).toMatchObject({ status: 'declined', institutionAnswer: 'declined' });
    await post(accounts.enterprise, `/recommendations/${aluminium.id}/answer`, { answer: 'interested' }).expect(409);

    const tree = await worker.get(FieldTreeSource).get();
    const profiles = await worker.get(AchievementProfiles).load([catalogue.magnesium, catalogue.aluminium], tree);
    expect(profiles.get(catalogue.magnesium)?.feedback).toEqual({ interested: 1, declined: 0, rejected: 0 });
    expect(profiles.get(catalogue.aluminium)?.feedback).toEqual({ interested: 0, declined: 0, rejected: 0 });
  }, 60_000);

  it('skips a recommendation that is no longer approved', async () => {
    expect(await worker.get(RecommendationDelivery).deliver(aluminium.id)).toMatchObject({ outcome: 'skipped' });
    expect(await worker.get(RecommendationDelivery).deliver(randomUUID())).toEqual({
      outcome: 'skipped',
      reason: 'the recommendation no longer exists',
    });
  });
});
