import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@kuaizhuan/identity';
import { registerAccount, signIn as apiSignIn, type SignedIn } from '../support/auth';
import { openSession, screenshot, signIn, startPlatform, waitFor, type Platform } from './platform';

/**
 * A maturity gap bridged by a pilot platform, in a real Chromium against the real api and worker on a
 * freshly seeded platform: a company runs a pilot platform, which the operator verifies and which lists
 * a service; a TTO's achievement at TRL 4 is recommended for a need that asks TRL 7; the TTO sees the gap
 * and the platform proposed for it, asks for a quote, the platform quotes, the TTO accepts, the platform
 * completes the step and the TTO confirms the maturity reached, which the achievement then records.
 */

const PILOT_COMPANY = '重庆两江中试科技有限公司';
const PLATFORM_NAME = '两江新区镁合金中试验证平台';
const SERVICE_TITLE = '镁合金半固态压铸中试验证';
const ACHIEVEMENT_TITLE = '镁合金半固态触变注射成形工艺';
const NEED_TITLE = '镁合金半固态触变注射成形工艺产业化需求';
const TEXT =
  '镁合金半固态触变注射成形工艺，用于新能源汽车镁合金仪表板骨架和座椅骨架，减重 30%，需要完成中试放大后量产。';

let platform: Platform;
const sessions: BrowserContext[] = [];
let pilot: SignedIn;
let achievementId: string;
let quoteId: string;
let tto: Page;
let pilotPage: Page;

async function session(email: string, password = DEMO_PASSWORD, width = 1366): Promise<Page> {
  const { context, page } = await openSession(platform);
  if (width !== 1366) await page.setViewportSize({ width, height: 844 });
  sessions.push(context);
  await signIn(page, email, password);
  return page;
}

/** Calls the api as a signed-in account: the listings and the manager's decisions are not what this journey shows. */
async function call<T>(account: SignedIn, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${platform.baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${account.accessToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Opens a select and takes an option from its own dropdown — the one holding the listbox the
 * select names (`aria-controls`) — so no option is looked for in another select's dropdown still
 * closing.
 */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label);
  await select.click();
  const listbox = await select.getAttribute('aria-controls');
  if (!listbox) throw new Error(`The select "${label}" names no listbox`);
  await page
    .locator('.ant-select-dropdown')
    .filter({ has: page.locator(`[id="${listbox}"]`) })
    .locator('.ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

beforeAll(async () => {
  // The journey's need is matched after the demo catalogue's own jobs: its wait below is long for that.
  platform = await startPlatform();
}, 300_000);

afterAll(async () => {
  for (const context of sessions) await context.close();
  await platform?.stop();
}, 120_000);

describe('pilot journey', () => {
  it('a company applies as a pilot platform, the operator verifies it, and it lists a service', async () => {
    const admin = await apiSignIn(platform.baseUrl, platform.accounts.operator.email, DEMO_PASSWORD);
    pilot = await registerAccount(platform.baseUrl, { kind: 'enterprise', name: PILOT_COMPANY, verifiedBy: admin });
    pilotPage = await session(pilot.email, pilot.password);
    await pilotPage.goto('/service-platforms/mine');
    await pilotPage.getByLabel('平台名称').fill(PLATFORM_NAME);
    await pick(pilotPage, '平台类型', '中试验证平台');
    await pilotPage.getByLabel('所在地区（行政区划代码）').fill('500112');
    await pilotPage.getByRole('button', { name: '申请成为服务平台' }).click();
    await pilotPage.getByTestId('platform-status').filter({ hasText: '待认定' }).waitFor();

    const operator = await session(platform.accounts.operator.email);
    await operator.getByRole('link', { name: '服务平台' }).first().click();
    const row = operator.getByTestId('platform-applications').getByRole('row').filter({ hasText: PLATFORM_NAME });
    await row.getByRole('button', { name: /^认\s?定$/ }).click();
    await row.waitFor({ state: 'detached' });

    await pilotPage.reload();
    await pilotPage.getByTestId('platform-status').filter({ hasText: '已认定' }).waitFor();
    await pilotPage.getByLabel('服务名称').fill(SERVICE_TITLE);
    await pick(pilotPage, '承接起点 TRL', 'TRL 4');
    await pick(pilotPage, '可提升至 TRL', 'TRL 7');
    await pilotPage.getByLabel('周期（天）').fill('90');
    await pilotPage.getByLabel('设施条件').fill('800 吨半固态触变注射成形机、X 射线探伤');
    await pilotPage.getByRole('button', { name: '发布服务' }).click();
    await pilotPage.getByText('服务已发布').waitFor();
    await pilotPage.getByTestId('platform-service').filter({ hasText: SERVICE_TITLE }).waitFor();
    await screenshot(pilotPage, 'pilot-platform-services');
  }, 120_000);

  it('a TTO sees a recommendation with a maturity gap and the pilot platform proposed to bridge it', async () => {
    const ttoAccount = await apiSignIn(platform.baseUrl, platform.accounts.tto.email, DEMO_PASSWORD);
    const company = await apiSignIn(platform.baseUrl, platform.accounts.enterprise.email, DEMO_PASSWORD);
    const manager = await apiSignIn(platform.baseUrl, platform.accounts.manager.email, DEMO_PASSWORD);
    const listing = await call<{ id: string }>(ttoAccount, 'POST', '/achievements', {
      title: ACHIEVEMENT_TITLE,
      summary: TEXT,
      keywords: ['镁合金', '半固态', '触变注射成形'],
      fieldCodes: ['light-alloy'],
      trl: 4,
    });
    achievementId = listing.id;
    await call(ttoAccount, 'POST', `/achievements/${achievementId}/submit`);
    await call(manager, 'POST', `/achievements/${achievementId}/approve`, {});
    const need = await call<{ id: string }>(company, 'POST', '/needs', {
      title: NEED_TITLE,
      summary: TEXT,
      description: TEXT,
      keywords: ['镁合金', '半固态', '触变注射成形'],
      fieldCodes: ['light-alloy'],
      minTrl: 7,
      regionCode: '500112',
      confidentiality: 'public',
    });
    await call(company, 'POST', `/needs/${need.id}/submit`);
    await call(manager, 'POST', `/needs/${need.id}/approve`, {});
    const recommendationId = await waitFor(
      'the recommendation of the achievement for the need',
      async () => {
        const rows: { id: string }[] = await platform.dataSource.query(
          `SELECT id FROM recommendation WHERE need_id = $1 AND achievement_id = $2 AND status <> 'superseded'`,
          [need.id, achievementId],
        );
        return rows[0]?.id;
      },
      1_200_000,
      2_000,
    );
    await call(manager, 'POST', `/reviews/${recommendationId}/approve`, { note: '成熟度需中试补齐' });
    await waitFor(
      'the recommendation to be delivered',
      async () => {
        const [row]: { status: string }[] = await platform.dataSource.query(
          `SELECT status FROM recommendation WHERE id = $1`,
          [recommendationId],
        );
        return row.status === 'delivered';
      },
      120_000,
    );

    tto = await session(platform.accounts.tto.email);
    await tto.goto(`/achievements/${achievementId}/recommendations`);
    const gap = tto.getByTestId('maturity-gap');
    await gap.getByText('成果成熟度为 TRL 4，需求要求至少 TRL 7，相差 3 级；可通过中试验证平台补齐').waitFor();
    const proposal = gap.getByTestId('gap-proposal').filter({ hasText: PLATFORM_NAME });
    await proposal.getByText('承接成熟度 TRL 4–7，可将成果从 TRL 4 提升到需求要求的 TRL 7').waitFor();
    await proposal.getByText('平台与需求企业在同一区县').waitFor();
    await screenshot(tto, 'pilot-gap-tto');

    const phone = await session(platform.accounts.tto.email, DEMO_PASSWORD, 390);
    await phone.goto(`/achievements/${achievementId}/recommendations`);
    await phone.getByTestId('maturity-gap').waitFor();
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth');
    expect(overflow).toBeLessThanOrEqual(390);
    await screenshot(phone, 'pilot-gap-phone');
  }, 1_380_000);

  it('the TTO asks for a quote from the proposal, and the platform answers it', async () => {
    await tto
      .getByTestId('gap-proposal')
      .filter({ hasText: PLATFORM_NAME })
      .getByRole('button', { name: '申请报价' })
      .click();
    await tto.getByLabel('需求说明').fill('推荐显示成熟度差 3 级，希望在中试线上完成工艺放大与批次验证。');
    await tto.getByRole('button', { name: '提交申请' }).click();
    await tto.getByTestId('quote-status').filter({ hasText: '待报价' }).waitFor();
    quoteId = tto.url().split('/').pop()!;
    await screenshot(tto, 'pilot-quote-requested');

    await pilotPage.goto('/service-quotes');
    await pilotPage.getByRole('link', { name: SERVICE_TITLE }).click();
    await pilotPage.getByRole('button', { name: /^报\s?价$/ }).click();
    const form = pilotPage.getByTestId('step-quote');
    await form.getByLabel('报价（元）').fill('420000');
    await form.getByLabel('周期（天）').fill('90');
    await form.getByRole('button', { name: /^报\s?价$/ }).click();
    await pilotPage.getByTestId('quote-status').filter({ hasText: '已报价' }).waitFor();
    await screenshot(pilotPage, 'pilot-quote-answered');
    const [row]: { status: string; price: string }[] = await platform.dataSource.query(
      `SELECT status, price::text FROM service_quote WHERE id = $1`,
      [quoteId],
    );
    expect(row).toEqual({ status: 'quoted', price: '420000.00' });
  }, 120_000);

  it('accepted → completed → the TTO confirms, and the achievement records the maturity reached', async () => {
    await tto.reload();
    await tto.getByRole('button', { name: '接受报价' }).click();
    await tto.getByTestId('quote-status').filter({ hasText: '已接受' }).waitFor();

    await pilotPage.reload();
    await pilotPage.getByRole('button', { name: '完成服务' }).click();
    const form = pilotPage.getByTestId('step-complete');
    await form.getByLabel('达到的成熟度 TRL').fill('7');
    await form.getByLabel('完成报告').fill('完成 3 批次中试，力学性能与小试一致。');
    await form.getByRole('button', { name: '完成服务' }).click();
    await pilotPage.getByTestId('quote-status').filter({ hasText: '已完成' }).waitFor();

    await tto.reload();
    await tto.getByRole('button', { name: '确认成熟度提升' }).click();
    await tto
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^确\s?定$/ })
      .click();
    await tto.getByText('成熟度已确认，成果已更新为 TRL 7').waitFor();
    await tto.getByTestId('quote-trl').filter({ hasText: 'TRL 7' }).waitFor();
    await screenshot(tto, 'pilot-maturity-confirmed');
    const [achievement]: { trl: number }[] = await platform.dataSource.query(
      `SELECT trl FROM achievement WHERE id = $1`,
      [achievementId],
    );
    expect(achievement.trl).toBe(7);
  }, 120_000);
});
