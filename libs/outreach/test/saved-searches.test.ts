import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { QueueName } from '@kuaizhuan/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, createAccounts, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { completed, openQueues } from '../../delivery/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { registerAccount, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture } from '../../../test/support/smtp';

let smtp: SmtpCapture;
let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let queues: ReturnType<typeof openQueues>;
let accounts: Accounts;
let magnesiumSearch: string;
let achievementId: string;

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);
const fieldsOf = (body: { fields?: { field: string }[]; field?: string }): string[] =>
  body.fields ? [...new Set(body.fields.map((f) => f.field))] : [body.field ?? ''];

interface InboxItem {
  type: string;
  title: { zh: string; en: string };
  link: string;
  subject: { type: string; id: string };
}

async function alertsOf(account: SignedIn): Promise<InboxItem[]> {
  const { body } = await get(account, '/inbox?pageSize=50').expect(200);
  return (body.items as InboxItem[]).filter((item) => item.type === 'saved_search.match');
}

async function hitsOf(savedSearchId: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM saved_search_hit WHERE saved_search_id = $1`, [
    savedSearchId,
  ]);
  return row.n;
}

beforeAll(async () => {
  smtp = await SmtpCapture.start();
  env = await setUpTestEnvironment({
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://kuaizhuan.example',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  app = await startApi();
  worker = await startWorker();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  queues = openQueues(env.queuePrefix);
  accounts = await createAccounts(http, dataSource);
}, 120_000);

afterAll(async () => {
  for (const queue of Object.values(queues ?? {})) await queue.close();
  await worker?.close();
  await app?.close();
  await smtp?.stop();
  await env?.teardown();
});

describe('SavedSearchesService', () => {
  describe('save', () => {
    it('saves the search page’s text and filters for anyone signed in', async () => {
      const { body } = await post(accounts.enterprise, '/saved-searches', {
        type: 'achievement',
        q: ' 镁合金 ',
        field: ['light-alloy', 'light-alloy'],
        mode: ['licence'],
      }).expect(201);
      magnesiumSearch = body.id;
      expect(body).toMatchObject({
        name: '镁合金',
        type: 'achievement',
        query: { q: '镁合金', field: ['light-alloy'], mode: ['licence'] },
        sent: 0,
      });
      await post(accounts.manager, '/saved-searches', { type: 'need', q: '电池包', name: '电池包需求' }).expect(201);
      await post(accounts.otherEnterprise, '/saved-searches', { type: 'achievement', q: '区块链' }).expect(201);
      // The TTO's own listings never come back to it.
      await post(accounts.tto, '/saved-searches', { type: 'achievement' }).expect(201);
      // A company still waiting for verification may save a search (it may search too).
      await post(await registerAccount(http), '/saved-searches', { type: 'need' }).expect(201);
    });

    it('refuses bad input naming the field', async () => {
      const missing = await post(accounts.enterprise, '/saved-searches', { q: 'x', extra: true }).expect(400);
      expect(fieldsOf(missing.body).sort()).toEqual(['extra', 'type']);
      const badMode = await post(accounts.enterprise, '/saved-searches', { type: 'need', mode: ['barter'] }).expect(
        400,
      );
      expect(fieldsOf(badMode.body)).toEqual(['mode']);
      const badAmount = await post(accounts.enterprise, '/saved-searches', { type: 'need', amountMin: '1e9' }).expect(
        400,
      );
      expect(fieldsOf(badAmount.body)).toEqual(['amountMin']);
      const reversed = await post(accounts.enterprise, '/saved-searches', {
        type: 'need',
        amountMin: '200',
        amountMax: '100',
      }).expect(422);
      expect(reversed.body.field).toBe('amountMin');
      await request(http).post('/api/saved-searches').send({ type: 'need' }).expect(401);
    });

    it('keeps at most twenty per person', async () => {
      const person = await registerAccount(http, { verifiedBy: accounts.admin });
      for (let i = 0; i < 20; i += 1) await post(person, '/saved-searches', { type: 'need', q: `词${i}` }).expect(201);
      const refused = await post(person, '/saved-searches', { type: 'need' }).expect(409);
      expect(refused.body.message).toMatch(/20/);
    });
  });

  describe('remove', () => {
    it('deletes the caller’s own saved search, and answers 404 for anyone else’s', async () => {
      const { body } = await post(accounts.enterprise, '/saved-searches', { type: 'need', q: '临时' }).expect(201);
      await request(http).delete(`/api/saved-searches/${body.id}`).set(as(accounts.otherEnterprise)).expect(404);
      await request(http).delete(`/api/saved-searches/${body.id}`).set(as(accounts.admin)).expect(404);
      await request(http).delete(`/api/saved-searches/${body.id}`).set(as(accounts.enterprise)).expect(204);
      const left = await get(accounts.enterprise, '/saved-searches').expect(200);
      expect(left.body.map((s: { id: string }) => s.id)).toEqual([magnesiumSearch]);
      const malformed = await request(http).delete('/api/saved-searches/nope').set(as(accounts.enterprise)).expect(400);
      expect(fieldsOf(malformed.body)).toEqual(['id']);
    });
  });
});

describe('SavedSearchAlerts', () => {
  it('sends a newly published achievement to the saved searches that find it, in the inbox and by e-mail', async () => {
    await request(http)
      .put('/api/notification-preferences/saved_search.match')
      .set(as(accounts.enterprise))
      .send({ emailMode: 'immediate' })
      .expect(200);
    achievementId = await publishedAchievement(http, accounts.tto, accounts.admin);
    const [item] = await eventually(
      async () => {
        const items = await alertsOf(accounts.enterprise);
        return items.length > 0 ? items : undefined;
      },
      20_000,
      'the saved search alert',
    );
    expect(item).toMatchObject({
      link: `/achievements/${achievementId}`,
      subject: { type: 'saved_search_hit' },
    });
    expect(item.title.zh).toContain('镁合金');
    const mail = await eventually(async () => smtp.messagesTo(accounts.enterprise.email)[0], 15_000, 'the e-mail');
    expect(mail.text).toContain(`https://kuaizhuan.example/achievements/${achievementId}`);
    expect(mail.text).toContain(
      `Unsubscribe (one click): https://kuaizhuan.example/saved-searches/unsubscribe?id=${magnesiumSearch}&token=`,
    );
    // Nobody else's search finds it: another text, and the TTO's own listing.
    expect(await alertsOf(accounts.otherEnterprise)).toEqual([]);
    expect(await alertsOf(accounts.tto)).toEqual([]);
    const list = await get(accounts.enterprise, '/saved-searches').expect(200);
    expect(list.body[0]).toMatchObject({ id: magnesiumSearch, sent: 1 });
  }, 60_000);

  it('sends a listing at most once per saved search, however often it is published or the job runs', async () => {
    await post(accounts.tto, `/achievements/${achievementId}/withdraw`).expect(200);
    await post(accounts.tto, `/achievements/${achievementId}/submit`).expect(200);
    await post(accounts.admin, `/achievements/${achievementId}/approve`, {}).expect(200);
    const job = await queues[QueueName.Deliver].add(
      'saved_search.match',
      { kind: 'achievement', ids: [achievementId] },
      { jobId: `again-${achievementId}` },
    );
    expect(await completed(queues[QueueName.Deliver], job.id!)).toEqual({ sent: 0 });
    // Each publication's own job (its id is the outbox row's), handed over by the relay, sent it once in all.
    const handed: { id: string }[] = await eventually(
      async () => {
        const rows: { id: string }[] = await dataSource.query(
          `SELECT id FROM outbox WHERE job_name = 'saved_search.match' AND payload->'ids' ? $1`,
          [achievementId],
        );
        return rows.length >= 2 ? rows : undefined;
      },
      15_000,
      'both publications in the outbox',
    );
    for (const row of handed) await completed(queues[QueueName.Deliver], row.id, 20_000);
    expect(await hitsOf(magnesiumSearch)).toBe(1);
    expect(await alertsOf(accounts.enterprise)).toHaveLength(1);
    expect(smtp.messagesTo(accounts.enterprise.email)).toHaveLength(1);
  }, 60_000);

  it('sends newly published needs to the needs searches', async () => {
    const needId = await publishedNeed(http, accounts.otherEnterprise, accounts.admin);
    const [item] = await eventually(
      async () => {
        const items = await alertsOf(accounts.manager);
        return items.length > 0 ? items : undefined;
      },
      20_000,
      'the manager’s alert',
    );
    expect(item.link).toBe(`/needs/${needId}`);
  }, 60_000);
});

describe('unsubscribe', () => {
  it('stops a saved search from its message’s link without signing in, and refuses a forged link', async () => {
    const mail = smtp.messagesTo(accounts.enterprise.email)[0];
    const link = new URL(/https:\/\/kuaizhuan\.example\/saved-searches\/unsubscribe\?\S+/.exec(mail.text)![0]);
    const id = link.searchParams.get('id')!;
    const token = link.searchParams.get('token')!;
    const forged = await request(http)
      .post('/api/saved-searches/unsubscribe')
      .send({ id, token: `${token.slice(0, -2)}xx` })
      .expect(403);
    expect(forged.body.field).toBe('token');
    const otherSearch = (await get(accounts.otherEnterprise, '/saved-searches').expect(200)).body[0].id;
    await request(http).post('/api/saved-searches/unsubscribe').send({ id: otherSearch, token }).expect(403);
    const malformed = await request(http).post('/api/saved-searches/unsubscribe').send({ id: 'x' }).expect(400);
    expect(fieldsOf(malformed.body).sort()).toEqual(['id', 'token']);

    const { body } = await request(http).post('/api/saved-searches/unsubscribe').send({ id, token }).expect(200);
    expect(body).toEqual({ stopped: true, name: '镁合金' });
    expect((await get(accounts.enterprise, '/saved-searches').expect(200)).body).toEqual([]);
    // A second click is not an error.
    const again = await request(http).post('/api/saved-searches/unsubscribe').send({ id, token }).expect(200);
    expect(again.body).toEqual({ stopped: true, name: null });
    expect((await get(accounts.otherEnterprise, '/saved-searches').expect(200)).body).toHaveLength(1);
  });
});
