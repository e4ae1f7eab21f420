import Decimal from 'decimal.js';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@kuaizhuan/identity';
import { NEED } from '../../libs/catalog/test/fixtures';
import { seedDeals } from '../../seeds/deals/seed-deals';
import { openSession, screenshot, signIn, startPlatform, UI_TIMEOUT_MS, waitFor, type Platform } from './platform';

/**
 * What a user notices once the core loop works, in a real Chromium against the real api and
 * worker on a seeded platform (catalogue and the demo deals): a publication and a deal offer
 * reach the other side's inbox and the badge clears when read; the dashboard's figures match
 * the database; English mode shows no code and no Chinese-only field name on any page; my needs
 * and search fit a phone. Screenshots go to test/portal/screenshots (care-*.png).
 */

let platform: Platform;
const contexts: BrowserContext[] = [];
const NEED_TITLE = `门户关怀测试需求 ${Date.now().toString(36)}`;
let needId: string;

async function session(email: string): Promise<Page> {
  const { context, page } = await openSession(platform);
  contexts.push(context);
  await signIn(page, email);
  return page;
}

/** The api as a signed-in user, outside the browser (to set up what another party did). */
async function apiAs(email: string): Promise<(path: string, body?: object) => Promise<{ id: string }>> {
  const login = await fetch(`${platform.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { tokens } = (await login.json()) as { tokens: { accessToken: string } };
  return async (path, body) => {
    const response = await fetch(`${platform.baseUrl}/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.accessToken}` },
      body: JSON.stringify(body ?? {}),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
}

/** The number on the inbox bell (0 when it shows none). */
async function badge(page: Page): Promise<number> {
  const title = await page.evaluate<string>(
    `document.querySelector('[data-testid="unread-badge"] .ant-badge-count')?.getAttribute('title') ?? '0'`,
  );
  return Number(title);
}

async function unreadInDatabase(email: string): Promise<number> {
  const [{ n }]: { n: number }[] = await platform.dataSource.query(
    `SELECT count(*)::int AS n FROM delivery d JOIN user_account u ON u.id = d.user_id
      WHERE u.email = $1 AND d.channel = 'inbox' AND d.read_at IS NULL`,
    [email],
  );
  return n;
}

/** Waits until the bell shows what the database holds (it refreshes every 30 s, and at once after a read). */
async function badgeMatchesDatabase(page: Page, email: string): Promise<number> {
  return waitFor(
    'the badge to show the unread count',
    async () => {
      const expected = await unreadInDatabase(email);
      return (await badge(page)) === expected ? expected : undefined;
    },
    45_000,
    500,
  );
}

beforeAll(async () => {
  platform = await startPlatform();
  await seedDeals(platform.dataSource, platform.accounts);
  // The seed's indexing and matching run first, so the figures below are settled.
  // Generous: on a loaded 2-core machine two seeded platforms may drain side by side.
  await platform.settled(480_000);
}, 660_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await platform?.stop();
}, 120_000);

describe('notifications', () => {
  it('a publication reaches the company: its list updates without a reload, the inbox item opens the need and the badge clears', async () => {
    const { enterprise, manager: managerAccount } = platform.accounts;
    const company = await session(enterprise.email);
    const post = await apiAs(enterprise.email);
    ({ id: needId } = await post('/needs', { ...NEED, title: NEED_TITLE }));
    await post(`/needs/${needId}/submit`);

    await company.getByRole('link', { name: '我的需求' }).first().click();
    const row = company.getByRole('row').filter({ hasText: NEED_TITLE });
    await row.getByText('待审核').waitFor();
    const before = await badgeMatchesDatabase(company, enterprise.email);

    const manager = await session(managerAccount.email);
    await manager.getByRole('link', { name: '发布审核' }).first().click();
    await manager.getByRole('row').filter({ hasText: NEED_TITLE }).getByRole('button', { name: '通过发布' }).click();
    await manager.getByText('已发布', { exact: true }).first().waitFor();

    // The company's open list turns to 已发布 by itself, and the bell counts the notice.
    await row.getByText('已发布').waitFor({ timeout: 40_000 });
    await waitFor('the bell to count the notice', async () => (await badge(company)) === before + 1, 45_000, 500);
    await screenshot(company, 'care-company-published-badge');

    await company.getByLabel('消息').click();
    const item = company.getByTestId('inbox-item').filter({ hasText: `「${NEED_TITLE}」已发布` });
    expect(await item.getAttribute('data-unread')).toBe('true');
    await screenshot(company, 'care-company-inbox');
    await item.getByRole('link').click();
    await company.waitForURL(`**/needs/${needId}/recommendations`);
    expect(await badgeMatchesDatabase(company, enterprise.email)).toBe(before);
    const [{ read_at }]: { read_at: Date | null }[] = await platform.dataSource.query(
      `SELECT d.read_at FROM delivery d JOIN notification n ON n.id = d.notification_id
        WHERE n.type = 'listing.published' AND n.subject_id LIKE $1 AND d.channel = 'inbox'`,
      [`${needId}:%`],
    );
    expect(read_at).not.toBeNull();
  }, 180_000);

  it('a deal offer reaches the TTO: the company is asked in, offers terms, the TTO opens the notice and accepts', async () => {
    const { enterprise, tto: ttoAccount } = platform.accounts;
    const [achievement]: { id: string; title: string }[] = await platform.dataSource.query(
      `SELECT id, title FROM achievement WHERE org_id = $1 AND status = 'published' ORDER BY title LIMIT 1`,
      [ttoAccount.organisationId],
    );
    const tto = await session(ttoAccount.email);
    const ttoBefore = await badgeMatchesDatabase(tto, ttoAccount.email);
    const post = await apiAs(ttoAccount.email);
    const title = `${achievement.title.slice(0, 40)} 转让（通知测试）`;
    const { id: dealId } = await post('/deals', {
      type: 'transfer',
      title,
      achievementId: achievement.id,
      companyOrgId: enterprise.organisationId,
    });

    const company = await session(enterprise.email);
    await company.getByLabel('消息').click();
    await company
      .getByTestId('inbox-item')
      .filter({ hasText: `成果方开启了交易「${title}」` })
      .getByRole('link')
      .click();
    await company.waitForURL(`**/deals/${dealId}`);
    const offer = company.getByTestId('offer-form');
    await offer.getByLabel('条款摘要').fill('专利权转让，含技术资料与三个月技术指导。');
    await offer.getByLabel('价格').fill('450000');
    await offer.getByRole('button', { name: '提出条款' }).click();
    const version = company.getByTestId('term-sheet-1');
    // The offer carries the company's acceptance: no 接受此版本 on its own offer.
    await version.getByText('已接受', { exact: true }).waitFor();
    expect(await version.getByRole('button', { name: '接受此版本' }).count()).toBe(0);

    await waitFor('the TTO bell to count the offer', async () => (await badge(tto)) === ttoBefore + 1, 45_000, 500);
    await screenshot(tto, 'care-tto-offer-badge');
    await tto.getByLabel('消息').click();
    const notice = tto.getByTestId('inbox-item').filter({ hasText: `「${title}」有新的条款（第 1 版）待您回应` });
    expect(await notice.getAttribute('data-unread')).toBe('true');
    await notice.getByRole('link').click();
    await tto.waitForURL(`**/deals/${dealId}`);
    expect(await badgeMatchesDatabase(tto, ttoAccount.email)).toBe(ttoBefore);
    await tto.getByTestId('term-sheet-1').getByRole('button', { name: '接受此版本' }).click();
    await tto.getByTestId('deal-status').getByText('条款已确认').waitFor();
    await screenshot(tto, 'care-tto-deal-agreed');

    // The agreement waits on the company's signature steps: it hears of it.
    const [{ n }]: { n: number }[] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE type = 'deal.progress' AND subject_id = $1`,
      [`${dealId}:agree`],
    );
    expect(n).toBe(1);
  }, 120_000);
});

/** The figures the dashboard shows, counted straight from the tables for the current year. */
async function countsOfThisYear(year: number): Promise<{
  needs: number;
  recommendations: number;
  connected: number;
  signedFromConnections: number;
  direct: number;
  chongqing: number;
  local: number;
}> {
  const inYear = (column: string) =>
    `${column} >= make_date(${year}, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
     AND ${column} < make_date(${year + 1}, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const [row] = await platform.dataSource.query(
    `WITH cohort AS (SELECT id FROM need WHERE ${inYear('published_at')}),
          signed AS (SELECT d.* FROM deal d
                      WHERE d.signed_on BETWEEN make_date(${year}, 1, 1) AND make_date(${year}, 12, 31))
     SELECT (SELECT count(*) FROM cohort)::int AS needs,
            (SELECT count(*) FROM recommendation WHERE need_id IN (SELECT id FROM cohort))::int AS recommendations,
            (SELECT count(*) FROM connection WHERE need_id IN (SELECT id FROM cohort))::int AS connected,
            (SELECT count(*) FROM deal d JOIN connection c ON c.id = d.connection_id
              WHERE c.need_id IN (SELECT id FROM cohort) AND d.signed_on IS NOT NULL)::int AS "signedFromConnections",
            (SELECT count(*) FROM signed WHERE connection_id IS NULL)::int AS direct,
            (SELECT count(*) FROM signed s JOIN organisation i ON i.id = s.institution_org_id
              WHERE i.region LIKE '50%')::int AS chongqing,
            (SELECT count(*) FROM signed s JOIN organisation i ON i.id = s.institution_org_id
               JOIN organisation c ON c.id = s.company_org_id
              WHERE i.region LIKE '50%' AND c.region LIKE '50%')::int AS local`,
  );
  return row;
}

describe('dashboard', () => {
  it('shows the year’s figures as the database counts them, in proper units, and opens 季度 on the current quarter', async () => {
    const operator = await session(platform.accounts.operator.email);
    const now = new Date(Date.now() + 8 * 3_600_000);
    const year = now.getUTCFullYear();
    await operator.getByRole('link', { name: '数据看板' }).first().click();
    await operator.waitForURL('**/admin/kpis');
    const count = (stage: string) => operator.getByTestId(`funnel-${stage}`).getByTestId('funnel-count');
    await count('needs').waitFor();
    const db = await countsOfThisYear(year);
    const zh = (n: number) => n.toLocaleString('zh-CN');
    expect(await count('needs').textContent()).toBe(zh(db.needs));
    expect(await count('recommendations').textContent()).toBe(zh(db.recommendations));
    expect(await count('connected').textContent()).toBe(zh(db.connected));
    expect(await count('signed').textContent()).toBe(zh(db.signedFromConnections));
    // Each stage is part of the one before: no more signed deals than connections.
    expect(db.signedFromConnections).toBeLessThanOrEqual(db.connected);
    expect(await operator.getByTestId('funnel-direct').textContent()).toContain(`另有 ${db.direct} 项交易`);

    await operator.getByTestId('kpi-turnover').getByText('2027 年目标：1,300 亿元').waitFor();
    const local = operator.getByTestId('kpi-local');
    expect(await local.textContent()).toContain(
      `重庆高校院所签约 ${db.chongqing} 项，其中受让企业在重庆 ${db.local} 项`,
    );
    if (db.chongqing > 0) {
      const rate = new Decimal(db.local).div(db.chongqing).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      expect(await local.locator('.ant-statistic-content-value').textContent()).toBe(`${rate.toNumber()}%`);
    }
    // A met target reads 已达标, never a share of the target above 100%.
    const shares = [...((await local.textContent()) ?? '').matchAll(/([\d.,]+)%/g)].map((m) =>
      Number(m[1].replace(/,/g, '')),
    );
    expect(shares.every((share) => share <= 100)).toBe(true);
    await screenshot(operator, 'care-operator-dashboard');

    await operator.getByText('季度', { exact: true }).click();
    const quarter = Math.ceil((now.getUTCMonth() + 1) / 3);
    await operator.waitForURL(`**/admin/kpis?period=${year}-Q${quarter}`);
    await operator.getByTestId('kpi-period').waitFor();
  }, 90_000);
});

/** Codes the api speaks that a reader must never see. */
const RAW_CODES =
  /\b(use_first_pay_later|joint_development|commissioned_rd|rights_for_equity|rights_grant|invention_patent|utility_model|pending_review|summary_only|non_exclusive|first_revenue|entry_fee_royalty|not_applicable|research_institute|service_agency)\b|\d\s?yuan\b/;
const CJK = /[\u3400-\u9fff]/;

async function englishSession(email: string): Promise<Page> {
  const { context, page } = await openSession(platform);
  contexts.push(context);
  await signIn(page, email);
  await page.evaluate(`localStorage.setItem('kz.language', 'en')`);
  return page;
}

/** Visits a page in English and checks what it shows; returns what was wrong on it. */
let organisationNames: string[] = [];

async function englishProblems(page: Page, path: string, fieldNamesZh: readonly string[]): Promise<string[]> {
  await page.goto(path);
  await page.waitForLoadState('networkidle', { timeout: UI_TIMEOUT_MS }).catch(() => undefined);
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  const problems: string[] = [];
  const text = await page.locator('body').innerText();
  const code = RAW_CODES.exec(text);
  if (code) problems.push(`${path}: raw code "${code[0]}"`);
  // Labels of the interface (menu, column heads, form labels, field names) are English.
  const chrome = await page
    .locator('.ant-menu-title-content, th, .ant-form-item-label label, .ant-descriptions-item-label, .feature-name')
    .allInnerTexts();
  for (const label of chrome) if (CJK.test(label)) problems.push(`${path}: Chinese label "${label}"`);
  // Taxonomy names (fields in pickers, facets, tags and match reasons) come in English.
  // (The institution facet lists schools and labs by their own names: content, not taxonomy.)
  const named = await page
    .locator(
      '.feature-reason, [data-facet]:not([data-facet="institution"]) .ant-checkbox-label, .ant-select-selection-item',
    )
    .allInnerTexts();
  for (const value of named) {
    // Organisation names are proper names, Chinese in either language.
    if (organisationNames.some((name) => value.includes(name))) continue;
    const zhName = fieldNamesZh.find((name) => value.includes(name));
    if (zhName) problems.push(`${path}: Chinese field name "${zhName}" in "${value}"`);
  }
  return problems;
}

describe('English mode', () => {
  it('shows no code and no Chinese-only label or field name on any page of any role', async () => {
    const fieldNamesZh: string[] = (
      await platform.dataSource.query(
        `SELECT name_zh FROM taxonomy_term WHERE kind = 'field' AND name_en <> '' AND char_length(name_zh) >= 3`,
      )
    ).map((r: { name_zh: string }) => r.name_zh);
    organisationNames = (await platform.dataSource.query(`SELECT name FROM organisation`)).map(
      (r: { name: string }) => r.name,
    );
    const { enterprise, tto, manager, operator } = platform.accounts;
    const [recommendedNeed]: { id: string }[] = await platform.dataSource.query(
      `SELECT need_id AS id FROM recommendation WHERE need_org_id = $1
        AND status IN ('delivered', 'viewed', 'interested', 'connected') LIMIT 1`,
      [enterprise.organisationId],
    );
    const [matched]: { id: string }[] = await platform.dataSource.query(
      `SELECT achievement_id AS id FROM recommendation WHERE achievement_org_id = $1
        AND status IN ('delivered', 'viewed', 'interested', 'connected') LIMIT 1`,
      [tto.organisationId],
    );
    const [review]: { id: string }[] = await platform.dataSource.query(
      `SELECT id FROM recommendation WHERE status = 'pending_review' LIMIT 1`,
    );
    const [deal]: { id: string }[] = await platform.dataSource.query(
      `SELECT id FROM deal WHERE type = 'use_first_pay_later' AND company_org_id = $1 LIMIT 1`,
      [enterprise.organisationId],
    );
    const pages: [string, string[]][] = [
      [
        enterprise.email,
        [
          '/',
          '/needs/new',
          '/needs',
          ...(recommendedNeed ? [`/needs/${recommendedNeed.id}/recommendations`] : []),
          '/connections',
          '/deals',
          ...(deal ? [`/deals/${deal.id}`] : []),
          '/search',
          '/search?type=need',
          '/inbox',
          '/team',
        ],
      ],
      [
        tto.email,
        [
          '/',
          '/achievements',
          '/achievements/new',
          '/imports',
          '/researchers',
          '/matches',
          ...(matched ? [`/achievements/${matched.id}/recommendations`] : []),
          '/connections',
          '/deals',
          '/income',
          '/search?type=researcher',
        ],
      ],
      [
        manager.email,
        ['/', '/reviews', ...(review ? [`/reviews/${review.id}`] : []), '/moderation', '/workload', '/deals'],
      ],
      [operator.email, ['/', '/admin/kpis', '/admin/organisations', '/admin/taxonomies', '/admin/queues']],
    ];
    const problems: string[] = [];
    for (const [email, paths] of pages) {
      const page = await englishSession(email);
      for (const path of paths) problems.push(...(await englishProblems(page, path, fieldNamesZh)));
      await screenshot(page, `care-english-${email.split('@')[0]}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('phone screens (390 × 844)', () => {
  let phone: Page;

  beforeAll(async () => {
    const context = await platform.browser.newContext({
      baseURL: platform.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    contexts.push(context);
    phone = await context.newPage();
    await signIn(phone, platform.accounts.enterprise.email);
  });

  const overflow = (page: Page) =>
    page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      `({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })`,
    );

  it('my needs fits the width, titles read and 撤回 is in reach', async () => {
    await phone.goto('/needs');
    const row = phone.getByRole('row').filter({ hasText: NEED_TITLE });
    await row.waitFor();
    const { scrollWidth, innerWidth } = await overflow(phone);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const titleBox = await row.locator('td').first().boundingBox();
    expect(titleBox!.width).toBeGreaterThanOrEqual(150);
    const withdraw = await row.getByRole('button', { name: '撤回' }).boundingBox();
    expect(withdraw!.x + withdraw!.width).toBeLessThanOrEqual(innerWidth);
    await screenshot(phone, 'care-phone-my-needs');
  }, 60_000);

  it('search fits the width and shows the first result near the top, the facets folded', async () => {
    await phone.goto('/search?q=%E8%BD%BB%E9%87%8F%E5%8C%96');
    const first = phone.getByTestId('search-hit').first();
    await first.waitFor();
    const { scrollWidth, innerWidth } = await overflow(phone);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const box = await first.boundingBox();
    expect(box!.y).toBeLessThan(500);
    await phone.getByText('筛选', { exact: true }).waitFor();
    await screenshot(phone, 'care-phone-search');
  }, 60_000);
});
