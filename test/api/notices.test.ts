import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, NEED, type Accounts } from '../../libs/catalog/test/fixtures';
import { achievement, api } from '../../libs/deals/test/fixtures';
import type { SignedIn } from '../support/auth';
import { startApi } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';

/**
 * Everything that waits on someone reaches their inbox: a listing published or sent back, a
 * deal opened, terms offered or accepted, a step taken by the other party; reading clears it.
 */

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;

interface Item {
  id: string;
  type: string;
  title: { zh: string; en: string };
  link: string;
  readAt: string | null;
}

async function inbox(account: SignedIn, type?: string): Promise<Item[]> {
  const { body } = await call.get(account, '/inbox?pageSize=100').expect(200);
  return (body.items as Item[]).filter((item) => !type || item.type === type);
}

async function unread(account: SignedIn): Promise<number> {
  return (await call.get(account, '/inbox/unread-count').expect(200)).body.unread;
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

describe('listing decisions', () => {
  it('tells the company its need was sent back, with the reason, and then published', async () => {
    const created = await call.post(accounts.enterprise, '/needs', { ...NEED, title: '退回再发布的需求' }).expect(201);
    const id: string = created.body.id;
    await call.post(accounts.enterprise, `/needs/${id}/submit`).expect(200);
    await call.post(accounts.manager, `/needs/${id}/reject`, { reason: '请补充技术指标' }).expect(200);

    const [returned] = await inbox(accounts.enterprise, 'listing.returned');
    expect(returned.title.zh).toBe('「退回再发布的需求」被退回修改');
    expect(returned.link).toBe(`/needs/${id}/edit`);
    const { body: item } = await call.get(accounts.enterprise, '/inbox?pageSize=1').expect(200);
    expect(item.items[0].body.zh).toContain('请补充技术指标');

    await call.post(accounts.enterprise, `/needs/${id}/submit`).expect(200);
    await call.post(accounts.manager, `/needs/${id}/approve`, {}).expect(200);
    const [published] = await inbox(accounts.enterprise, 'listing.published');
    expect(published).toMatchObject({
      title: { en: '"退回再发布的需求" is published' },
      link: `/needs/${id}/recommendations`,
    });
    // Only the owner hears of it; the e-mail of a publication waits for the daily digest.
    expect(await inbox(accounts.otherEnterprise, 'listing.published')).toEqual([]);
    const [mode]: { email_mode: string }[] = await dataSource.query(
      `SELECT d.email_mode FROM delivery d JOIN notification n ON n.id = d.notification_id
        WHERE n.type = 'listing.published' AND d.channel = 'email' AND d.user_id = $1`,
      [accounts.enterprise.userId],
    );
    expect(mode.email_mode).toBe('digest');
  });

  it('tells the TTO its achievement was published', async () => {
    const id = await achievement(app.getHttpServer(), accounts.tto);
    await call.post(accounts.tto, `/achievements/${id}/submit`).expect(200);
    await call.post(accounts.manager, `/achievements/${id}/approve`, {}).expect(200);
    const items = await inbox(accounts.tto, 'listing.published');
    expect(items.map((i) => i.link)).toEqual([`/achievements/${id}/recommendations`]);
  });
});

describe('deal steps', () => {
  it('asks the other side in at each step that waits on it, and reading an item clears the count', async () => {
    const achievementId = await achievement(app.getHttpServer(), accounts.tto);
    const opened = await call
      .post(accounts.tto, '/deals', {
        type: 'transfer',
        title: '镁合金轧制技术转让',
        achievementId,
        companyOrgId: accounts.enterprise.orgId,
      })
      .expect(201);
    const dealId: string = opened.body.id;
    const [invite] = await inbox(accounts.enterprise, 'deal.opened');
    expect(invite).toMatchObject({ title: { zh: '成果方开启了交易「镁合金轧制技术转让」' }, link: `/deals/${dealId}` });
    // The side that opened it is not told of its own act, nor is anyone else.
    expect(await inbox(accounts.tto, 'deal.opened')).toEqual([]);
    expect(await inbox(accounts.otherEnterprise, 'deal.opened')).toEqual([]);

    const sheet = await call
      .post(accounts.enterprise, `/deals/${dealId}/term-sheets`, { summary: '转让', price: '200000.00' })
      .expect(201);
    const [offer] = await inbox(accounts.tto, 'deal.terms');
    expect(offer.title.zh).toBe('「镁合金轧制技术转让」有新的条款（第 1 版）待您回应');
    expect(await inbox(accounts.enterprise, 'deal.terms')).toEqual([]);

    await call.post(accounts.tto, `/deals/${dealId}/term-sheets/${sheet.body.id}/accept`).expect(200);
    const accepted = await inbox(accounts.enterprise, 'deal.terms');
    expect(accepted.map((i) => i.title.zh)).toEqual(['「镁合金轧制技术转让」第 1 版条款已被对方接受']);
    await call.post(accounts.enterprise, `/deals/${dealId}/term-sheets/${sheet.body.id}/accept`).expect(200);
    await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'sign' }).expect(200);
    const progress = await inbox(accounts.enterprise, 'deal.progress');
    expect(progress.map((i) => i.title.zh).sort()).toEqual([
      '交易「镁合金轧制技术转让」双方已确认条款，等待签约',
      '交易「镁合金轧制技术转让」已签约',
    ]);

    const before = await unread(accounts.enterprise);
    expect(before).toBeGreaterThanOrEqual(4);
    await call.post(accounts.enterprise, `/inbox/${invite.id}/read`).expect(200);
    expect(await unread(accounts.enterprise)).toBe(before - 1);
    // Another user cannot mark it (nor learn it exists).
    await call.post(accounts.otherEnterprise, `/inbox/${offer.id}/read`).expect(404);
  });
});
