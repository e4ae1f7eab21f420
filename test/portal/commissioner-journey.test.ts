import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@kuaizhuan/identity';
import { chinaDay, pickDate } from './deal-journey';
import { openSession, signIn, startPlatform, waitFor, type Platform } from './platform';

/**
 * The demand side's two new roads, in a real Chromium against the real api and worker on a freshly
 * seeded platform. The operator appoints the demo university's researcher as technology
 * commissioner (科技特派员) to the demo company; the commissioner records a visit and drafts a need
 * from it; the company reads the draft with what the visit found, rewrites its summary and confirms
 * it, and the need goes to review marked as mined. The company saves a search from the search page;
 * an achievement the TTO publishes afterwards arrives in the company's inbox.
 */

let platform: Platform;
const sessions: BrowserContext[] = [];
let companyName: string;

const STAMP = Date.now().toString(36);
const RESEARCHER = `陈特派${STAMP}`;
const NEED_TITLE = `压铸件气孔在线检测 ${STAMP}`;
const PHRASE = `量子点背光 ${STAMP}`;
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

async function accessToken(email: string): Promise<string> {
  const signedIn = await call<{ tokens: { accessToken: string } }>('POST', '/api/auth/login', null, {
    email,
    password: DEMO_PASSWORD,
  });
  return signedIn.tokens.accessToken;
}

async function session(email: string, phone = false): Promise<Page> {
  const { context, page } = await openSession(platform);
  // The machine these journeys run on is shared: give each step room beyond the usual 20 s.
  context.setDefaultTimeout(45_000);
  sessions.push(context);
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, email);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage: true });
}

/** Picks an option of an antd select found by its label, typing `text` to find it. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** No sideways scrolling on the phone: the page fits 390 px. */
async function fitsPhone(page: Page): Promise<void> {
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(390);
}

beforeAll(async () => {
  platform = await startPlatform();
  const [company] = await platform.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [
    platform.accounts.enterprise.organisationId,
  ]);
  companyName = company.name;
  // The demo university's office account is also the researcher's own account here.
  const tto = await accessToken(platform.accounts.tto.email);
  await call('POST', '/api/researchers', tto, {
    name: RESEARCHER,
    title: '研究员',
    email: platform.accounts.tto.email,
    researchAreas: ['压铸', '机器视觉'],
    commissionerAvailable: true,
  });
  // No waiting for the seeded catalogue's matching: the saved search below looks for a phrase only
  // the achievement published in the journey holds, so the seed's publications cannot reach it.
}, 300_000);

afterAll(async () => {
  for (const context of sessions) await context.close();
  await platform?.stop();
}, 120_000);

describe('commissioner journey', () => {
  it('the operator appoints a commissioner to the company', async () => {
    const admin = await session(platform.accounts.operator.email);
    await admin.goto('/admin/commissioners');
    await choose(admin, '科研人员', RESEARCHER);
    await choose(admin, '派驻企业', companyName);
    await pickDate(admin, '委派结束', chinaDay(90));
    await admin.getByRole('button', { name: '委派', exact: true }).click();
    await admin.locator('.ant-table-row').filter({ hasText: RESEARCHER }).filter({ hasText: '委派中' }).waitFor();
    await shot(admin, 'operator-commissioners');
  }, 120_000);

  it('the commissioner records a visit and drafts a need from it', async () => {
    const tto = await session(platform.accounts.tto.email);
    await tto.goto('/commissioner');
    await tto.getByTestId('commissioner-appointment').filter({ hasText: companyName }).waitFor();
    await tto.getByLabel('发现的问题与需求').fill('压铸车间气孔缺陷依靠人工抽检，漏检率高，企业希望引入在线检测。');
    await tto.getByRole('button', { name: '记录走访' }).click();
    await tto.getByTestId('commissioner-visit').filter({ hasText: '漏检率高' }).waitFor();
    await tto.getByLabel('来自走访').click();
    await tto.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await tto.getByLabel('需求名称').fill(NEED_TITLE);
    await tto.getByLabel('需求摘要（公开）').fill('寻求压铸件气孔缺陷在线检测方案');
    await tto
      .getByLabel('需求详细描述')
      .fill('压铸件内部气孔目前靠人工抽检，希望以 X 射线或机器视觉在线全检并自动分选。');
    await tto.getByRole('button', { name: '为企业代拟需求' }).click();
    await tto
      .getByTestId('commissioner-draft')
      .filter({ hasText: NEED_TITLE })
      .filter({ hasText: '待企业确认' })
      .waitFor();
    await shot(tto, 'commissioner-work');
    await tto.setViewportSize({ width: 390, height: 844 });
    await tto.reload();
    await tto.getByTestId('commissioner-draft').filter({ hasText: NEED_TITLE }).waitFor();
    await fitsPhone(tto);
  }, 120_000);

  it('the company rewrites the draft and confirms it: the need goes to review, marked as mined', async () => {
    const company = await session(platform.accounts.enterprise.email);
    await company.goto('/mined-needs');
    await company.getByRole('link', { name: NEED_TITLE }).click();
    await company.getByText('漏检率高').waitFor();
    await company.getByLabel('需求摘要（公开）').fill('企业改写：压铸件气孔在线检测与自动分选');
    await company.getByTestId('mined-confirm').click();
    await company.locator('.ant-popconfirm .ant-btn-primary').click();
    await company.getByText('企业已确认').waitFor();
    await shot(company, 'company-mined-need-confirmed');
    const [need] = await platform.dataSource.query(
      `SELECT status, summary, mined_by_appointment_id IS NOT NULL AS mined FROM need WHERE title = $1`,
      [NEED_TITLE],
    );
    expect(need).toEqual({ status: 'submitted', summary: '企业改写：压铸件气孔在线检测与自动分选', mined: true });
    await company.goto('/needs');
    await company.locator('tr').filter({ hasText: NEED_TITLE }).getByTestId('mined-tag').waitFor();
    await company.setViewportSize({ width: 390, height: 844 });
    await company.goto('/mined-needs');
    await company.getByTestId('mined-need').filter({ hasText: NEED_TITLE }).filter({ hasText: '企业已确认' }).waitFor();
    await fitsPhone(company);
    await shot(company, 'company-phone-mined-needs');
  }, 120_000);

  it('a saved search brings a newly published achievement to the company’s inbox', async () => {
    const company = await session(platform.accounts.enterprise.email, true);
    await company.goto(`/search?type=achievement&q=${encodeURIComponent(PHRASE)}`);
    await company.getByTestId('save-search').click();
    await company.getByTestId('save-search-name').fill('量子点背光新成果');
    await company.locator('.ant-modal .ant-btn-primary').click();
    await company.getByText('已保存：有新的符合条件的发布时会通知您').waitFor();
    await company.goto('/saved-searches');
    await company.getByTestId('saved-search').filter({ hasText: '量子点背光新成果' }).waitFor();
    await fitsPhone(company);
    await shot(company, 'company-phone-saved-searches');

    const tto = await accessToken(platform.accounts.tto.email);
    const admin = await accessToken(platform.accounts.operator.email);
    const title = `${PHRASE}膜卷对卷制备技术`;
    const created = await call<{ id: string }>('POST', '/api/achievements', tto, {
      title,
      summary: `${PHRASE}膜采用卷对卷涂布，色域覆盖提升 30%。`,
      keywords: ['量子点', '背光'],
      transferModes: ['licence'],
    });
    await call('POST', `/api/achievements/${created.id}/submit`, tto);
    await call('POST', `/api/achievements/${created.id}/approve`, admin, {});

    await company.goto('/inbox');
    const item = company.getByTestId('inbox-item').filter({ hasText: title }).first();
    await waitFor(
      'the saved-search alert in the inbox',
      async () => {
        if (await item.isVisible()) return true;
        await company.reload();
        await company.waitForLoadState('networkidle');
        return false;
      },
      150_000,
      2_000,
    );
    await fitsPhone(company);
    await shot(company, 'company-phone-saved-search-inbox');
    await item.getByRole('link').click();
    await company.waitForURL(`**/achievements/${created.id}`);
  }, 240_000);
});
