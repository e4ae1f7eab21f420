import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@kuaizhuan/identity';
import { openSession, screenshot, signIn, startPlatform, waitFor, type Platform } from './platform';
import { indexedCount } from '../support/search';

/**
 * The detail pages and the decisions around them, in a real Chromium against the real api and
 * worker on a freshly seeded platform: a TTO lists an achievement with its research team picked
 * by name; a manager publishes it from a moderation queue that shows who submitted it and the
 * price; a company finds it by search, opens its page and says it is interested for one of its
 * needs; the manager approves that introduction, and the review then says who decided; the
 * company's recommendation names the team. A need sent back is read with its reason by the
 * company that wrote it. Each new page is read in English (no raw codes) and on a phone.
 */

let platform: Platform;
const sessions: BrowserContext[] = [];
let company: Page;
let tto: Page;
let manager: Page;

const STAMP = Date.now().toString(36);
const ACHIEVEMENT_TITLE = `门户详情页成果：超薄均热板 ${STAMP}`;
const REJECTED_TITLE = `门户退回需求：车间节能 ${STAMP}`;
/** Two researchers of the demo TTO with names no one else there shares. */
let team: { id: string; name: string }[];
/** The demo company's published need the interest is for. */
let need: { id: string; title: string };
let achievementId: string;
let recommendationId: string;
let managerName: string;

/** Codes the API speaks that a reader must never see. */
const RAW_CODES = [
  'use_first_pay_later',
  'joint_development',
  'commissioned_rd',
  'not_applicable',
  'pending_review',
  'summary_only',
  'invention_patent',
  'undefined',
  'null',
];

async function call<T>(method: string, path: string, token: string | null, body?: object): Promise<T> {
  const response = await fetch(`${platform.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function accessToken(email: string): Promise<string> {
  const signedIn = await call<{ tokens: { accessToken: string } }>('POST', '/api/auth/login', null, {
    email,
    password: DEMO_PASSWORD,
  });
  return signedIn.tokens.accessToken;
}

async function session(email: string): Promise<Page> {
  const { context, page } = await openSession(platform);
  sessions.push(context);
  await signIn(page, email);
  return page;
}

/** The page's visible text holds none of the raw codes (nor the listing's own taxonomy codes). */
async function expectNoRawCodes(page: Page, extra: string[] = []): Promise<void> {
  const text = await page.locator('main, .ant-layout-content').first().innerText();
  for (const code of [...RAW_CODES, ...extra])
    expect({ code, found: new RegExp(`\\b${code}\\b`).test(text) }).toEqual({ code, found: false });
}

/** Reads `path` in English, then at 390×844 in Chinese, checking codes and horizontal scroll. */
async function checkEnglishAndPhone(page: Page, path: string, ready: string, name: string, codes: string[]) {
  await page.evaluate("localStorage.setItem('kz.language', 'en')");
  await page.goto(path);
  await page.getByTestId(ready).waitFor();
  await page.waitForLoadState('networkidle');
  await expectNoRawCodes(page, codes);
  await screenshot(page, `${name}-en`);
  await page.evaluate("localStorage.setItem('kz.language', 'zh')");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  await page.getByTestId(ready).waitFor();
  // Evaluated in the page (the test's own types have no DOM).
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

beforeAll(async () => {
  // On Meilisearch, as a deployment runs: the company finds the new achievement by portal search.
  platform = await startPlatform();
  const { tto: ttoAccount, enterprise, manager: managerAccount } = platform.accounts;
  team = await platform.dataSource.query(
    `SELECT r.id, r.name FROM researcher r
      WHERE r.org_id = $1 AND r.active
        AND (SELECT count(*) FROM researcher s WHERE s.org_id = r.org_id AND s.name = r.name) = 1
      ORDER BY r.name LIMIT 2`,
    [ttoAccount.organisationId],
  );
  expect(team).toHaveLength(2);
  [need] = await platform.dataSource.query(
    `SELECT id, title FROM need WHERE org_id = $1 AND status = 'published' ORDER BY title LIMIT 1`,
    [enterprise.organisationId],
  );
  expect(need).toBeDefined();
  [{ display_name: managerName }] = await platform.dataSource.query(
    `SELECT display_name FROM user_account WHERE id = $1`,
    [managerAccount.userId],
  );
  tto = await session(ttoAccount.email);
  manager = await session(managerAccount.email);
  company = await session(enterprise.email);
}, 300_000);

afterAll(async () => {
  for (const context of sessions) await context.close();
  await platform?.stop();
}, 120_000);

describe('detail pages: a team, a search, an introduction', () => {
  it('the TTO lists an achievement with its research team picked by name', async () => {
    await tto.goto('/achievements/new');
    await tto.getByLabel('成果名称').fill(ACHIEVEMENT_TITLE);
    await tto.getByLabel('成果简介').fill('超薄均热板，厚度 0.3 毫米，用于手机与笔记本电脑散热。');
    await tto.getByLabel('应用场景').fill('智能手机、平板与轻薄笔记本的芯片散热');
    await tto.getByLabel('技术优势').fill('同等厚度下导热能力提高 40%，可卷对卷连续生产');
    await tto.getByLabel('最低价格').fill('500000');
    await tto.getByLabel('最高价格').fill('1200000');
    for (const person of team) {
      const picker = tto.getByLabel('研究团队');
      await picker.click();
      await picker.fill(person.name);
      await tto.locator('.ant-select-item-option').filter({ hasText: person.name }).first().click();
    }
    await screenshot(tto, 'tto-achievement-team');
    await tto.getByRole('button', { name: '提交审核' }).click();
    await tto.getByRole('row').filter({ hasText: ACHIEVEMENT_TITLE }).getByText('待审核').waitFor();
    [{ id: achievementId }] = await platform.dataSource.query(`SELECT id FROM achievement WHERE title = $1`, [
      ACHIEVEMENT_TITLE,
    ]);
    const linked: { researcher_id: string }[] = await platform.dataSource.query(
      `SELECT researcher_id FROM achievement_researcher WHERE achievement_id = $1 ORDER BY position`,
      [achievementId],
    );
    expect(linked.map((l) => l.researcher_id)).toEqual(team.map((p) => p.id));
  }, 90_000);

  it('the manager publishes it from a queue that shows the institution, the price and the details', async () => {
    await manager.goto('/moderation');
    await manager.getByRole('tab', { name: '待审核成果' }).click();
    const row = manager.getByRole('row').filter({ hasText: ACHIEVEMENT_TITLE });
    const [{ name: institution }] = await platform.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [
      platform.accounts.tto.organisationId,
    ]);
    await row.getByText(institution).waitFor();
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    const details = manager.getByTestId('moderation-details').filter({ hasText: team[0].name });
    await details.waitFor();
    await screenshot(manager, 'manager-moderation-details');
    await row.getByRole('button', { name: '通过发布' }).click();
    await manager.getByText('已发布', { exact: true }).first().waitFor();
  }, 60_000);

  it('the company finds it by search, opens its page with the team and says it is interested', async () => {
    await waitFor(
      'the achievement in the search index',
      async () => (await indexedCount(platform.dataSource, [achievementId])) === 1,
      90_000,
    );
    await company.goto(`/search?type=achievement&q=${encodeURIComponent(`超薄均热板 ${STAMP}`)}`);
    await company.getByTestId('search-hit-link').filter({ hasText: STAMP }).first().click();
    await company.waitForURL(`**/achievements/${achievementId}`);
    const teamCard = company.getByTestId('achievement-team');
    for (const person of team) await teamCard.getByRole('link', { name: person.name }).waitFor();
    await company.getByTestId('interest-button').click();
    await company.getByLabel('为哪项需求对接').click();
    await company.locator('.ant-select-item-option').filter({ hasText: need.title }).first().click();
    await company.locator('.ant-modal-footer .ant-btn-primary').click();
    await company.getByText('已表示感兴趣，等待技术经理人审核').waitFor();
    await company.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await company.getByTestId('interest-pair').filter({ hasText: need.title }).getByText('待审核').waitFor();
    await screenshot(company, 'company-achievement-detail');
    [{ id: recommendationId }] = await platform.dataSource.query(
      `SELECT id FROM recommendation WHERE need_id = $1 AND achievement_id = $2
          AND status = 'pending_review' AND company_answer = 'interested'`,
      [need.id, achievementId],
    );
    expect(recommendationId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);

  it('the manager approves the introduction, and the review then says who decided', async () => {
    await manager.goto(`/reviews/${recommendationId}`);
    await manager.getByText('企业已主动表示有意向').waitFor();
    await manager.getByPlaceholder('备注').fill('企业主动申请，技术方向一致。');
    await manager.getByRole('button', { name: '通过', exact: true }).click();
    await manager.getByText('已通过，平台将推送给双方').waitFor();
    await manager.goto(`/reviews/${recommendationId}`);
    const decision = manager.getByTestId('review-decision');
    await decision.getByText(`${managerName} 通过`, { exact: false }).waitFor();
    await decision.getByText('企业主动申请，技术方向一致。', { exact: false }).waitFor();
    expect(await manager.getByTestId('review-reviewer').innerText()).toContain(`决定人: ${managerName}`);
    expect(await manager.getByTestId('review-reviewer').innerText()).not.toContain('未分配');
    await screenshot(manager, 'manager-review-decided');
  }, 60_000);

  it("the company's recommendation names the team behind the achievement", async () => {
    await waitFor('the introduction pushed to both sides', async () => {
      const [row]: { status: string }[] = await platform.dataSource.query(
        `SELECT status FROM recommendation WHERE id = $1`,
        [recommendationId],
      );
      return row.status !== 'approved' && row.status !== 'pending_review';
    });
    await company.goto(`/needs/${need.id}/recommendations`);
    const card = company.getByTestId('recommendation').filter({ hasText: ACHIEVEMENT_TITLE });
    const shown = card.getByTestId('recommendation-team');
    for (const person of team) await shown.getByRole('link', { name: person.name }).waitFor();
    expect(await shown.innerText()).not.toBe('—');
    await card.scrollIntoViewIfNeeded();
    await screenshot(company, 'company-recommendation-team');
    await shown.getByRole('link', { name: team[0].name }).click();
    await company.waitForURL(`**/researchers/${team[0].id}`);
    await company.getByTestId('researcher-detail').getByRole('link', { name: ACHIEVEMENT_TITLE }).waitFor();
    expect(await company.getByTestId('researcher-detail').innerText()).not.toMatch(/@|电话/);
  }, 90_000);

  it('each new page reads in English without codes and fits a phone', async () => {
    const [{ field_codes: fields }] = await platform.dataSource.query(
      `SELECT field_codes FROM achievement WHERE id = $1`,
      [achievementId],
    );
    await checkEnglishAndPhone(
      company,
      `/achievements/${achievementId}`,
      'achievement-detail',
      'achievement-detail',
      fields,
    );
    await checkEnglishAndPhone(company, `/researchers/${team[0].id}`, 'researcher-detail', 'researcher-detail', []);
    const [published] = await platform.dataSource.query(
      `SELECT id, field_codes FROM need WHERE org_id <> $1 AND status = 'published' AND confidentiality = 'public' LIMIT 1`,
      [platform.accounts.tto.organisationId],
    );
    await checkEnglishAndPhone(tto, `/needs/${published.id}`, 'need-detail', 'need-detail', published.field_codes);
  }, 120_000);
});

describe('detail pages: a decision shown to the one it concerns', () => {
  it("the company reads a sent-back need's reason and who sent it back, then edits its published need", async () => {
    // The need is written through the api (the form has its own journey), then sent back in the portal.
    const token = await accessToken(platform.accounts.enterprise.email);
    const created = await call<{ id: string }>('POST', '/api/needs', token, {
      title: REJECTED_TITLE,
      summary: '车间空压机系统节能改造，希望降低能耗 20%。',
    });
    await call('POST', `/api/needs/${created.id}/submit`, token);

    await manager.goto('/moderation');
    const row = manager.getByRole('row').filter({ hasText: REJECTED_TITLE });
    await row.getByRole('button', { name: '退回' }).click();
    const dialog = manager.locator('.ant-modal');
    await dialog.getByText('信息不完整').click();
    await dialog.getByLabel('请写明退回原因').fill('请补充现有设备的型号与能耗数据');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await manager.getByText('已驳回').first().waitFor();

    await company.goto('/needs');
    const mine = company.getByRole('row').filter({ hasText: REJECTED_TITLE });
    await mine.getByTestId('moderation-note').getByText('请补充现有设备的型号与能耗数据', { exact: false }).waitFor();
    await mine.getByRole('link', { name: REJECTED_TITLE }).click();
    const decision = company.getByTestId('moderation-decision');
    await decision.getByText('信息不完整 — 请补充现有设备的型号与能耗数据', { exact: false }).waitFor();
    await decision.getByText(managerName, { exact: false }).waitFor();
    await screenshot(company, 'company-need-sent-back');

    await company.goto(`/needs/${need.id}`);
    await company.getByTestId('need-edit').click();
    await company.locator('.ant-modal-confirm .ant-btn-primary').click();
    await company.waitForURL(`**/needs/${need.id}/edit`);
    const [{ status }] = await platform.dataSource.query(`SELECT status FROM need WHERE id = $1`, [need.id]);
    expect(status).toBe('draft');
  }, 120_000);
});
