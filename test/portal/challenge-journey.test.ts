import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@kuaizhuan/identity';
import { openSession, screenshot, SCREENSHOTS, signIn, startPlatform, type Platform } from './platform';
import { pickDate } from './deal-journey';
import { registerAccount, TEST_PASSWORD, uniqueEmail } from '../support/auth';

/**
 * An open challenge (揭榜挂帅) from publication to a deal room, in a real Chromium against the real
 * api and worker on a freshly seeded platform: the demo company publishes one of its needs as a
 * challenge; the demo TTO and a second university propose; the demo TTO revises; the deadline
 * passes (the row is aged in the database, nobody waits); the company scores, declines the second
 * team with a reason and picks the demo TTO; the deal room opens with the proposal's terms.
 */

let platform: Platform;
const sessions: BrowserContext[] = [];
let company: Page;
let tto: Page;
let otherTto: Page;
let need: { id: string; title: string };
let challengeId: string;
const OTHER_UNIVERSITY = `重庆揭榜测试大学 ${Date.now().toString(36)}`;
const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots');

async function call<T>(method: string, path: string, token: string | null, body?: object): Promise<T> {
  const response = await fetch(`${platform.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function session(email: string, password?: string): Promise<Page> {
  const { context, page } = await openSession(platform);
  // Judging opens a deal room, which on a loaded machine can take longer than the usual 20 s a step.
  context.setDefaultTimeout(45_000);
  sessions.push(context);
  await signIn(page, email, password);
  return page;
}

/** A screenshot kept with the docs as well as with the test run. */
async function keep(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(join(SCREENSHOTS, `${name}.png`), join(DOCS, `${name}.png`));
}

/** Today + `days` in China, as YYYY-MM-DD. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A second university, registered and verified through the api, with an achievement and a researcher. */
async function secondUniversity(): Promise<{ email: string }> {
  const email = uniqueEmail('university');
  const registered = await registerAccount(platform.baseUrl, { kind: 'university', name: OTHER_UNIVERSITY, email });
  const operator = await call<{ tokens: { accessToken: string } }>('POST', '/api/auth/login', null, {
    email: platform.accounts.operator.email,
    password: DEMO_PASSWORD,
  });
  await call('POST', `/api/admin/organisations/${registered.orgId}/verify`, operator.tokens.accessToken);
  const token = registered.accessToken;
  await call('POST', '/api/researchers', token, {
    name: '赵敏',
    title: '教授',
    institutionName: OTHER_UNIVERSITY,
    researchAreas: ['复合材料'],
  });
  await call('POST', '/api/achievements', token, {
    externalRef: 'CHALLENGE-JOURNEY-1',
    title: '碳纤维复合材料电池箱体成型技术',
    summary: '碳纤维复合材料一体成型电池箱体，减重 40%。',
    keywords: ['碳纤维', '电池箱体'],
    fieldCodes: [],
    transferModes: ['licence'],
    institutionName: OTHER_UNIVERSITY,
  });
  return { email };
}

/** A TTO proposes through the challenge page's drawer: its first achievement and researcher, one milestone. */
async function propose(page: Page, price: string, approach: string): Promise<void> {
  await page.goto(`/challenges/${challengeId}`);
  await page.getByRole('button', { name: '提交揭榜方案' }).click();
  const drawer = page.getByRole('dialog');
  // Each select is opened and its first option taken from the keyboard (Enter picks the active,
  // first, option), so no option is looked for in another select's dropdown still closing.
  await drawer.getByLabel('依托成果').click();
  await drawer.getByLabel('依托成果').press('Enter');
  await drawer.getByLabel('科研团队').click();
  await drawer.getByLabel('科研团队').press('Enter');
  await drawer.getByLabel('科研团队').press('Escape');
  await drawer.getByLabel('技术路线').fill(approach);
  await drawer.getByLabel('里程碑').fill('中试样件与检测报告');
  await pickDate(page, '完成日期', chinaDay(120));
  await drawer.getByLabel('金额').fill(price);
  await drawer.getByLabel('报价').fill(price);
  await drawer.getByLabel('达到的成熟度').click();
  await drawer.getByLabel('达到的成熟度').press('Enter');
  await drawer.getByRole('button', { name: '提交揭榜方案' }).click();
  await page.getByText('方案已提交').waitFor();
}

beforeAll(async () => {
  // The worker takes the challenge jobs and pushes, not the matching of the whole seeded catalogue,
  // which on a busy machine outlasts the journey (the announcement is tested in libs/challenges).
  platform = await startPlatform({ WORKER_QUEUES: 'challenges,deliver' });
  [need] = await platform.dataSource.query(
    `SELECT id, title FROM need WHERE org_id = $1 AND status = 'published' ORDER BY title LIMIT 1`,
    [platform.accounts.enterprise.organisationId],
  );
  expect(need).toBeDefined();
  const other = await secondUniversity();
  company = await session(platform.accounts.enterprise.email);
  tto = await session(platform.accounts.tto.email);
  otherTto = await session(other.email, TEST_PASSWORD);
}, 300_000);

afterAll(async () => {
  for (const context of sessions) await context.close();
  await platform?.stop();
}, 120_000);

describe('an open challenge, from publication to a deal room', () => {
  it('the company publishes one of its needs as a challenge on the board', async () => {
    await company.goto('/needs');
    await company.getByRole('link', { name: '发布为揭榜挂帅' }).first().waitFor();
    await company.goto(`/needs/${need.id}/challenge`);
    await company.getByLabel('金额下限').fill('500000');
    await company.getByLabel('金额上限').fill('2000000');
    await pickDate(company, '揭榜截止', chinaDay(14));
    await company.getByRole('checkbox', { name: '许可' }).check();
    await company.getByLabel('标准名称').nth(0).fill('技术指标');
    await company.getByLabel('标准名称').nth(1).fill('报价');
    await company.getByLabel('里程碑').fill('中试验证');
    await company.getByLabel('交付物').fill('中试样件与检测报告');
    await company.getByRole('button', { name: '发布为揭榜挂帅' }).click();
    await company.getByText('榜单已发布').waitFor();
    await company.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
    challengeId = company.url().split('/').pop()!;
    await company.getByText('揭榜中').first().waitFor();
    await keep(company, 'company-challenge-detail');

    await tto.goto('/challenges');
    await tto.getByRole('link', { name: need.title }).waitFor();
    await keep(tto, 'tto-challenge-board');
  }, 180_000);

  it('two TTOs propose, and one revises before the deadline', async () => {
    await propose(tto, '1200000', '以高强韧镁合金板材替代钢制壳体，连续轧制后激光焊接成形。');
    await propose(otherTto, '900000', '碳纤维复合材料一体成型电池箱体，模压工艺，减重 40%。');
    await tto.getByRole('button', { name: '修改方案' }).click();
    const drawer = tto.getByRole('dialog');
    await drawer.getByLabel('金额').fill('1000000');
    await drawer.getByLabel('报价').fill('1000000');
    await drawer.getByRole('button', { name: '修改方案' }).click();
    await tto.getByText('已保存为新版本').waitFor();
    await tto.locator('.own-proposal').getByText('第 2 版').waitFor();
    await keep(tto, 'tto-challenge-proposal');
    // Neither team sees the other's proposal.
    await otherTto.reload();
    await otherTto.locator('.own-proposal').first().waitFor();
    expect(await otherTto.locator('.own-proposal').count()).toBe(1);
    expect(await otherTto.locator('.own-proposal').innerText()).not.toContain('镁合金');
  }, 180_000);

  it('after the deadline the company scores, declines one with a reason and picks the other', async () => {
    await platform.dataSource.query(`UPDATE challenge SET deadline = now() - interval '1 minute' WHERE id = $1`, [
      challengeId,
    ]);
    await company.goto(`/challenges/${challengeId}/judging`);
    const winner = company.locator('.judged-proposal').filter({ hasText: '镁合金' });
    const other = company.locator('.judged-proposal').filter({ hasText: OTHER_UNIVERSITY });
    await winner.getByLabel('技术指标 评分（0–10）').fill('9');
    await winner.getByLabel('报价 评分（0–10）').fill('8');
    await winner.getByRole('button', { name: '保存评分' }).click();
    await winner.getByText('加权得分 8.6').waitFor();
    await other.getByLabel('技术指标 评分（0–10）').fill('6');
    await other.getByRole('button', { name: '保存评分' }).click();
    await other.getByText('加权得分 6').waitFor();

    await other.getByRole('button', { name: '不予选择' }).click();
    const modal = company.getByRole('dialog');
    await modal.getByLabel('原因').click();
    await company
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '其他方案更合适' })
      .click();
    await modal.getByLabel('备注').fill('另一方案的中试条件更成熟，欢迎参与后续榜单。');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await other.getByText('未选中').waitFor();
    await keep(company, 'company-challenge-judging');

    await winner.getByRole('button', { name: '选定为揭榜方' }).click();
    await company
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await company.getByText('已选定揭榜方，交易室已开启').waitFor();
    await winner.getByRole('link', { name: '进入交易室' }).click();
    await company.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    await company.getByText('揭榜方案（第 2 版）', { exact: false }).first().waitFor();
    await keep(company, 'company-challenge-deal-room');

    const [sheet]: { price: string; proposal: string }[] = await platform.dataSource.query(
      `SELECT t.terms->>'price' AS price, t.terms->>'proposalId' AS proposal FROM term_sheet t
         JOIN challenge c ON c.deal_id = t.deal_id WHERE c.id = $1`,
      [challengeId],
    );
    expect(sheet.price).toBe('1000000.00');

    await otherTto.goto(`/challenges/${challengeId}`);
    await otherTto.getByText('其他方案更合适').waitFor();
  }, 180_000);

  it('the board fits a phone', async () => {
    await tto.setViewportSize({ width: 390, height: 844 });
    await tto.goto('/challenges');
    await tto.getByRole('link', { name: need.title }).waitFor();
    const overflow = await tto.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await keep(tto, 'tto-phone-challenge-board');
  }, 60_000);
});
