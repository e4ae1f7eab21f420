import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describeDealJourney } from './deal-journey';
import { describeEquityJourney } from './equity-journey';
import { openSession, screenshot, signIn, startPlatform, waitFor, type Platform } from './platform';

/**
 * Each role's main journey through the portal, in a real Chromium, against the real api and
 * worker on a freshly seeded platform: a company posts a need; a manager publishes it and
 * approves its recommendation; the company sees it explained and is interested; a TTO imports
 * a CSV with a bad row and reads the report, then answers the same recommendation, and both
 * sides see each other's contacts; the two then carry the connection to a use-first-pay-later
 * deal (deal-journey.ts); the TTO opens a rights-for-equity deal of its own with a company
 * (equity-journey.ts). Screenshots go to test/portal/screenshots.
 */

let platform: Platform;
const sessions: BrowserContext[] = [];

/** The demo TTO's published achievement the company's need is written to fit. */
let target: { id: string; title: string; keywords: string[]; field_codes: string[]; transfer_modes: string[] };
const NEED_TITLE = `寻求合作：${Date.now().toString(36)} 号产线技术升级`;
let needId: string;
let recommendationId: string;

/** Successful silent refreshes of the access token, per page. */
const refreshes = new Map<Page, number>();

async function session(email?: string): Promise<Page> {
  const { context, page } = await openSession(platform);
  sessions.push(context);
  refreshes.set(page, 0);
  page.on('response', (response) => {
    if (response.url().endsWith('/api/auth/refresh') && response.ok()) refreshes.set(page, refreshes.get(page)! + 1);
  });
  if (email) await signIn(page, email);
  return page;
}

let company: Page;
let manager: Page;
let tto: Page;

beforeAll(async () => {
  platform = await startPlatform({ JWT_ACCESS_TTL: '30' });
  // The seed's own indexing and matching run first, so the journey's jobs are not queued behind them.
  // Generous: on a loaded 2-core machine two seeded platforms may drain side by side.
  await platform.settled(480_000);
  [target] = await platform.dataSource.query(
    `SELECT id, title, keywords, field_codes, transfer_modes FROM achievement
      WHERE org_id = $1 AND status = 'published' AND cardinality(keywords) >= 2
      ORDER BY title LIMIT 1`,
    [platform.accounts.tto.organisationId],
  );
  expect(target).toBeDefined();
}, 600_000);

afterAll(async () => {
  for (const context of sessions) await context.close();
  await platform?.stop();
}, 120_000);

describe('portal journeys', () => {
  it('a company signs in to its home page and posts a need with the guided form, keeping what it typed when the server refuses', async () => {
    company = await session(platform.accounts.enterprise.email);
    await company.getByText('我的需求').first().waitFor();
    await screenshot(company, 'company-home');

    await company.getByRole('link', { name: '发布需求' }).first().click();
    await company.getByLabel('需求名称').fill(NEED_TITLE);
    await company.getByLabel('需求摘要（公开）').fill(`${target.title}：希望引进相关技术，用于现有产线升级。`);
    await company.getByLabel('需求详细描述').fill(`我们需要${target.title}，关键词：${target.keywords.join('、')}。`);
    const keywords = company.getByLabel('关键词');
    // A keyword longer than the API allows (50 characters): the server refuses it.
    for (const keyword of [...target.keywords, '超'.repeat(60)]) {
      await keywords.fill(keyword);
      await keywords.press('Enter');
    }
    await company.getByRole('button', { name: '下一步' }).click();
    await company.getByLabel('待解决的技术难题').fill(`如何在现有条件下应用${target.title}`);
    await company.getByRole('button', { name: '下一步' }).click();

    // Inline validation: the lowest budget above the highest is refused before anything is sent.
    await company.getByPlaceholder('最低预算').fill('500000');
    await company.getByPlaceholder('最高预算').fill('100000');
    await company.getByRole('button', { name: '提交审核' }).click();
    await company.getByText('最低预算不能高于最高预算').waitFor();
    await company.getByPlaceholder('最高预算').fill('2000000');
    await company.getByRole('button', { name: '提交审核' }).click();

    // The server refuses the long keyword: the form shows why and keeps every value.
    const refusal = company.getByRole('alert').filter({ hasText: '服务器未接受' });
    await refusal.waitFor();
    // The banner points to the field, which says in Chinese what rule its value broke.
    expect(await refusal.textContent()).toContain('请按标出的字段修改');
    const keywordsItem = company.locator('.ant-form-item').filter({ has: company.getByLabel('关键词') });
    await keywordsItem.locator('.ant-form-item-explain-error').getByText('长度不在允许范围内').waitFor();
    await screenshot(company, 'company-need-form-refused');
    expect(await company.getByLabel('需求名称').inputValue()).toBe(NEED_TITLE);
    await company
      .locator('.ant-select-selection-item', { hasText: '超超超' })
      .locator('.ant-select-selection-item-remove')
      .click();

    await company.getByRole('button', { name: '下一步' }).click();
    await company.getByRole('button', { name: '下一步' }).click();
    expect(await company.getByPlaceholder('最低预算').inputValue()).toBe('500,000');
    await company.getByRole('button', { name: '提交审核' }).click();
    await company.getByText('需求已提交，等待平台审核发布').waitFor();
    const row = company.getByRole('row').filter({ hasText: NEED_TITLE });
    await row.getByText('待审核').waitFor();
    await screenshot(company, 'company-my-needs');
    [{ id: needId }] = await platform.dataSource.query(`SELECT id FROM need WHERE title = $1`, [NEED_TITLE]);
    expect(needId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);
});

describe('portal journeys (continued)', () => {
  it('a manager publishes the need, finds its recommendation in the review queue and approves it side by side', async () => {
    manager = await session(platform.accounts.manager.email);
    await screenshot(manager, 'manager-home');
    await manager.getByRole('link', { name: '发布审核' }).first().click();
    const submitted = manager.getByRole('row').filter({ hasText: NEED_TITLE });
    await submitted.getByRole('button', { name: '通过发布' }).click();
    await manager.getByText('已发布', { exact: true }).first().waitFor();

    // The worker matches the published need; the recommendation waits for review.
    recommendationId = await waitFor('the recommendation of the need', async () => {
      const rows: { id: string }[] = await platform.dataSource.query(
        `SELECT id FROM recommendation WHERE need_id = $1 AND achievement_id = $2 AND status = 'pending_review'`,
        [needId, target.id],
      );
      return rows[0]?.id;
    });

    await manager.getByRole('link', { name: '审核队列' }).first().click();
    await manager.getByText('全部', { exact: true }).click();
    await manager.getByLabel('按需求或成果名称查找').fill(NEED_TITLE);
    await manager.getByLabel('按需求或成果名称查找').press('Enter');
    const row = manager.getByRole('row').filter({ hasText: target.title });
    await row.waitFor();
    await screenshot(manager, 'manager-review-queue');
    await row.getByRole('link', { name: '审核' }).click();
    await manager.waitForURL(`**/reviews/${recommendationId}`);
    await manager.getByText(`企业需求 · ${NEED_TITLE}`).waitFor();
    await manager.getByText(`科技成果 · ${target.title}`).waitFor();
    expect(await manager.locator('.feature-row').count()).toBe(10);
    // A note for the other managers, kept with the review.
    await manager.getByPlaceholder('备注').fill('企业产线条件与成果中试要求一致，建议优先对接。');
    await manager.getByRole('button', { name: '将备注添加为批注' }).click();
    await manager.getByText('批注已添加').waitFor();
    await manager.locator('.ant-list-item').filter({ hasText: '建议优先对接' }).waitFor();
    expect(await manager.getByPlaceholder('备注').inputValue()).toBe('');
    await screenshot(manager, 'manager-review-detail');
    await manager.getByRole('button', { name: '通过', exact: true }).click();
    await manager.getByText('已通过，平台将推送给双方').waitFor();
    await manager.waitForURL('**/reviews');
  }, 120_000);

  it('the company sees the approved recommendation with its score explained and says it is interested', async () => {
    await waitFor('the push to both sides', async () => {
      const [row]: { status: string }[] = await platform.dataSource.query(
        `SELECT status FROM recommendation WHERE id = $1`,
        [recommendationId],
      );
      return row.status === 'delivered' || row.status === 'viewed';
    });
    await company.goto(`/needs/${needId}/recommendations`);
    const card = company.locator('.ant-card').filter({ hasText: target.title }).first();
    await card.waitFor();
    expect(await card.locator('.feature-row').count()).toBe(10);
    expect(await card.locator('.feature-name', { hasText: '文本相关度' }).count()).toBe(1);
    await screenshot(company, 'company-recommendations');
    await card.getByRole('button', { name: '有意向' }).click();
    await card.getByText('已回复: 有意向').waitFor();
    await card.getByText('等待对方回复').waitFor();
  }, 60_000);

  it('a TTO downloads the template and imports a CSV with a bad row: the report names the row and the column', async () => {
    tto = await session(platform.accounts.tto.email);
    await screenshot(tto, 'tto-home');
    await tto.getByRole('link', { name: '批量导入' }).first().click();
    const [download] = await Promise.all([
      tto.waitForEvent('download'),
      tto.getByRole('button', { name: 'CSV 模板' }).click(),
    ]);
    const header = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',');
    // Each header names the column in Chinese with its key: 技术成熟度(TRL) (trl).
    const keys = header.map((cell) => /\(([a-z_]+)\)$/.exec(cell)?.[1] ?? cell);
    expect(header).toContain('技术成熟度(TRL) (trl)');
    const row = (values: Record<string, string>) => keys.map((key) => values[key] ?? '').join(',');
    const good = {
      reference: 'PORTAL-IMPORT-1',
      title: '门户导入测试成果：轻量化结构件',
      summary: '用于门户导入测试的成果简介',
      fields: target.field_codes[0],
      transfer_modes: '转让',
      trl: '6',
    };
    const csv = [header.join(','), row(good), row({ ...good, reference: 'PORTAL-IMPORT-2', trl: '12' })].join('\r\n');
    await tto.locator('input[type=file]').setInputFiles({
      name: 'achievements.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv}\r\n`, 'utf8'),
    });
    await tto.getByRole('button', { name: '开始导入' }).click();
    const report = tto.getByTestId('import-report');
    await report.getByText('已完成').or(report.getByText('失败')).waitFor();
    // The row as in the spreadsheet, the column as the template's header names it, the problem in Chinese.
    const problem = report.getByRole('row').filter({ hasText: '应为 1 到 9 的整数' });
    await problem.waitFor();
    expect(await problem.locator('td').allTextContents()).toEqual(['3', '技术成熟度(TRL)', '应为 1 到 9 的整数']);
    expect(await report.getByTestId('import-failure').textContent()).toBe(
      '1 行有错误，本次未导入任何成果，请修改后重新上传。',
    );
    await screenshot(tto, 'tto-import-report');
  }, 60_000);

  it('the TTO answers interested too, and both sides then see each other’s contacts', async () => {
    await tto.goto(`/achievements/${target.id}/recommendations`);
    const card = tto.locator('.ant-card').filter({ hasText: NEED_TITLE }).first();
    await card.waitFor();
    await screenshot(tto, 'tto-matching-needs');
    await card.getByRole('button', { name: '有意向' }).click();
    await card.getByRole('link', { name: '查看联系方式' }).click();
    const contacts = tto.getByTestId('contacts');
    await contacts.getByText(platform.accounts.enterprise.email).first().waitFor();
    await screenshot(tto, 'tto-connection-contacts');

    await company.getByRole('link', { name: '对接' }).first().click();
    await company.getByRole('row').filter({ hasText: NEED_TITLE }).getByRole('link', { name: '查看联系方式' }).click();
    await company.getByTestId('contacts').getByText(platform.accounts.tto.email).first().waitFor();
    await screenshot(company, 'company-connection-contacts');
  }, 60_000);
});

const dealContext = () => ({
  platform,
  company,
  tto,
  manager,
  session: (email: string) => session(email),
  needTitle: NEED_TITLE,
});
describeDealJourney(dealContext);
describeEquityJourney(dealContext);

describe('portal journeys: listing by hand and bulk review', () => {
  const achievementTitle = `门户登记成果：高导热镁合金壳体${Date.now().toString(36)}`;

  it('the TTO adds a researcher and lists an achievement with the form, submitting it for moderation', async () => {
    await tto.getByRole('link', { name: '科技人员' }).first().click();
    await tto.getByRole('button', { name: '新增科技人员' }).click();
    const drawer = tto.locator('.ant-drawer');
    await drawer.getByLabel('姓名').fill('门户测试研究员');
    await drawer.getByLabel('职称').fill('教授');
    await drawer.getByLabel('邮箱').fill('researcher@example.test');
    await drawer.getByRole('button', { name: '保存' }).click();
    await tto.getByText('已保存').first().waitFor();
    const [researcher] = await platform.dataSource.query(`SELECT title, email FROM researcher WHERE name = $1`, [
      '门户测试研究员',
    ]);
    expect(researcher).toEqual({ title: '教授', email: 'researcher@example.test' });

    await tto.goto('/achievements/new');
    await tto.getByLabel('成果名称').fill(achievementTitle);
    await tto.getByLabel('成果简介').fill('压铸镁合金壳体，导热系数提高 30%，用于电子设备散热。');
    await tto.getByLabel('最低价格').fill('300000');
    await tto.getByLabel('最高价格').fill('800000');
    await tto.getByRole('button', { name: '提交审核' }).click();
    const row = tto.getByRole('row').filter({ hasText: achievementTitle });
    await row.getByText('待审核').waitFor();
    expect(await row.textContent()).toContain('30 万元 – 80 万元');
    await screenshot(tto, 'tto-achievements');

    // Among hundreds of listings, the TTO finds it by part of its title: the list holds it alone.
    const search = tto.getByLabel('按名称查找');
    await search.fill(achievementTitle.slice(-12));
    await search.press('Enter');
    await waitFor(
      'the list to narrow to the new achievement',
      async () => (await tto.locator('.ant-table-tbody tr.ant-table-row').count()) === 1,
      20_000,
    );
    await row.waitFor();
  }, 60_000);

  it('the manager bulk-approves the need’s other recommendations and sees the workload', async () => {
    await manager.goto('/reviews');
    await manager.getByText('全部', { exact: true }).click();
    await manager.getByLabel('按需求或成果名称查找').fill(NEED_TITLE);
    await manager.getByLabel('按需求或成果名称查找').press('Enter');
    const rows = manager.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: NEED_TITLE });
    await rows.first().waitFor();
    const open = await rows.count();
    expect(open).toBeGreaterThanOrEqual(2);
    await rows.nth(0).locator('input[type=checkbox]').check();
    await rows.nth(1).locator('input[type=checkbox]').check();
    await manager.getByRole('button', { name: '批量通过（2）' }).click();
    await manager.getByText('已通过 2 条').waitFor();
    await waitFor('the queue to shrink by two', async () => (await rows.count()) === open - 2, 20_000);
    const [{ approved }] = await platform.dataSource.query(
      `SELECT count(*)::int AS approved FROM recommendation WHERE need_id = $1 AND reviewed_at IS NOT NULL AND status <> 'rejected'`,
      [needId],
    );
    expect(approved).toBe(3);

    await manager.getByRole('link', { name: '工作量' }).first().click();
    // The manager's own row is tagged 我 (it read "me" in Chinese mode before).
    const mine = manager.getByRole('row').filter({ hasText: '陈静' }).filter({ hasText: '我' });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('重庆两江技术经理人服务有限公司');
    await screenshot(manager, 'manager-workload');
  }, 60_000);
});

describe('portal journeys: onboarding, operator, search, session', () => {
  const orgName = `重庆门户测试科技有限公司${Date.now().toString(36)}`;
  const founder = `founder-${Date.now().toString(36)}@example.test`;
  const colleague = `colleague-${Date.now().toString(36)}@example.test`;
  let newcomer: Page;

  it('a new company registers, is asked to confirm its e-mail, and lands on its home page from the link, waiting for verification', async () => {
    newcomer = await session();
    await newcomer.goto('/register');
    await newcomer.getByLabel('机构名称').fill(orgName);
    await newcomer.getByLabel('您的姓名').fill('赵新');
    await newcomer.getByLabel('电子邮箱').fill(founder);
    await newcomer.getByLabel('密码').fill('a long portal password');
    // Consent to the user agreement and the privacy notice is asked for (个人信息保护法).
    await newcomer.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await screenshot(newcomer, 'register');
    await newcomer.getByRole('button', { name: '注册机构' }).click();
    // The page ends on "check your e-mail": registering answers the same for any address and signs nobody in.
    await newcomer.getByText('请查收邮件').waitFor();
    await newcomer.getByText(founder, { exact: false }).first().waitFor();
    await newcomer.setViewportSize({ width: 390, height: 844 });
    expect(
      await newcomer.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await screenshot(newcomer, 'register-check-email');
    await newcomer.setViewportSize({ width: 1366, height: 900 });

    // Signing in before confirming is explained, with a way to get a new link.
    await newcomer.goto('/login');
    await newcomer.getByLabel('电子邮箱').fill(founder);
    await newcomer.getByLabel('密码').fill('a long portal password');
    await newcomer.getByRole('button', { name: '登录' }).click();
    await newcomer.getByText('该账号的邮箱尚未确认').waitFor();
    await newcomer.getByRole('button', { name: '重新发送链接' }).click();
    await newcomer.getByText(`如果 ${founder} 正在等待确认，新的链接已经发出`).waitFor();

    // The newest link in the mailbox confirms the address and signs in.
    const links = await waitFor('both confirmation e-mails', async () => {
      const found = platform.mail
        .messagesTo(founder)
        .map((mail) => /\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1])
        .filter((token): token is string => token !== undefined);
      return found.length === 2 ? found : undefined;
    });
    await newcomer.goto(`/confirm?token=${links[1]}`);
    await newcomer.getByText('您的机构正在等待平台审核').waitFor();
    expect(await newcomer.getByTestId('home-title').textContent()).toBe('赵新，您好');
  }, 60_000);

  it('the operator verifies the organisation and watches the queues', async () => {
    const operator = await session(platform.accounts.operator.email);
    await screenshot(operator, 'operator-home');
    await operator.getByRole('link', { name: '机构审核' }).first().click();
    const row = operator.getByRole('row').filter({ hasText: orgName });
    await row.waitFor();
    // The registrant's contact and the consents are there to check before verifying.
    await row.locator('.ant-table-row-expand-icon').click();
    const details = operator.getByTestId('verification-details');
    // Registrant and contact: the same person, as registration names the registrant the contact.
    await details.getByText(`赵新, ${founder}`).first().waitFor();
    expect(await details.getByText(`赵新, ${founder}`).count()).toBe(2);
    await details.getByText(/赵新 于 .* 同意《个人信息保护告知书》/).waitFor();
    await screenshot(operator, 'operator-organisations');
    await row.getByRole('button', { name: '通过' }).click();
    // Verifying asks for confirmation first.
    await operator.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await row.waitFor({ state: 'detached' });
    const [{ verification_status }] = await platform.dataSource.query(
      `SELECT verification_status FROM organisation WHERE name = $1`,
      [orgName],
    );
    expect(verification_status).toBe('verified');

    await operator.getByRole('link', { name: '任务队列' }).first().click();
    // Queues are named in words (the raw names deliver, index, match showed before).
    await operator.getByRole('row').filter({ hasText: '智能匹配' }).waitFor();
    await operator.getByText('事件发件箱').waitFor();
    await screenshot(operator, 'operator-queues');
  }, 60_000);

  it('the operator opens the KPI dashboard: the funnel counts the needs published this year, and the period picker drives the URL', async () => {
    const operator = await session(platform.accounts.operator.email);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const [{ needs }]: { needs: number }[] = await platform.dataSource.query(
      `SELECT count(*)::int AS needs FROM need
        WHERE published_at >= make_date($1, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND published_at < make_date($1 + 1, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [year],
    );
    // The seed's needs and the one this journey published.
    expect(needs).toBeGreaterThan(0);

    await operator.getByRole('link', { name: '数据看板' }).first().click();
    await operator.waitForURL('**/admin/kpis');
    const count = operator.getByTestId('funnel-needs').getByTestId('funnel-count');
    await count.waitFor();
    expect(await count.textContent()).toBe(needs.toLocaleString('zh-CN'));
    // The target in 亿元 (it read 13,000,000 万元 before units above a hundred million).
    await operator.getByTestId('kpi-turnover').getByText('2027 年目标：1,300 亿元').waitFor();
    await operator.getByRole('row').filter({ hasText: '作价入股' }).waitFor();
    await screenshot(operator, 'operator-dashboard');

    // 月度 opens on the current month (it opened on January before).
    const month = new Date(Date.now() + 8 * 3_600_000).getUTCMonth() + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    await operator.getByText('月度', { exact: true }).click();
    await operator.waitForURL(`**/admin/kpis?period=${year}-${String(month).padStart(2, '0')}`);
    await operator
      .getByTestId('kpi-period')
      .getByText(`${year}年${month}月1日 至 ${year}年${month}月${lastDay}日`)
      .waitFor();
  }, 60_000);

  it('the verified company invites a colleague, who accepts from the e-mail link and is signed in', async () => {
    await newcomer.goto('/team');
    await newcomer.getByLabel('邮箱').fill(colleague);
    await newcomer.getByRole('button', { name: '邀请同事' }).click();
    await newcomer.getByRole('row').filter({ hasText: colleague }).waitFor();
    const mail = await waitFor('the invitation e-mail', async () => platform.mail.messagesTo(colleague)[0]);
    const token = /[?&]token=([^\s&]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    const invited = await session();
    await invited.goto(`/invitations/accept?token=${token}`);
    await invited.getByLabel('您的姓名').fill('钱同事');
    await invited.getByLabel('密码').fill('another long password');
    await invited.getByRole('button', { name: '加入机构' }).click();
    expect(await invited.getByTestId('home-title').textContent()).toBe('钱同事，您好');
  }, 60_000);

  it('search finds published listings with highlights, narrows by a facet and pages', async () => {
    const word = target.keywords[0];
    await company.goto(`/search?q=${encodeURIComponent(word)}`);
    const mark = company.locator('.ant-list-item mark').first();
    await mark.waitFor();
    expect(await mark.textContent()).toBe(word);
    const before = await company.getByTestId('search-total').textContent();
    // The router applies the new filter in a transition: the box shows checked once the URL has it.
    const facet = company.locator('.ant-card').filter({ hasText: '技术领域' });
    await facet.locator('label.ant-checkbox-wrapper').first().click();
    await company.waitForURL(/field=/);
    await facet.locator('.ant-checkbox-wrapper-checked').first().waitFor();
    await company
      .getByTestId('search-total')
      .filter({ hasNotText: before ?? '' })
      .or(mark)
      .first()
      .waitFor();
    await screenshot(company, 'search');
  }, 60_000);

  it('switches to English and back', async () => {
    await company.getByRole('button', { name: 'English' }).click();
    await company.getByRole('link', { name: 'Home' }).waitFor();
    await company.getByRole('button', { name: '中文' }).click();
    await company.getByRole('link', { name: '首页' }).waitFor();
  }, 30_000);

  it('refreshes the access token silently, keeps the session over a reload, and signs out', async () => {
    // Access tokens live 30 s here: moving around the portal (no page load) renews them on the way.
    const before = refreshes.get(company)!;
    await waitFor(
      'a silent refresh',
      async () => {
        await company.getByRole('link', { name: '我的需求' }).first().click();
        await company.getByRole('row').filter({ hasText: NEED_TITLE }).waitFor();
        await company.getByRole('link', { name: '首页' }).first().click();
        await company.getByTestId('home-title').waitFor();
        return refreshes.get(company)! > before;
      },
      45_000,
      1_000,
    );
    await company.getByRole('link', { name: '我的需求' }).first().click();
    await company.getByRole('row').filter({ hasText: NEED_TITLE }).waitFor();
    await company.reload();
    await company.getByRole('row').filter({ hasText: NEED_TITLE }).waitFor();
    await company.getByTestId('user-menu').hover();
    await company.getByText('退出登录').click();
    await company.getByRole('button', { name: '登录' }).waitFor();
    await company.goto('/needs');
    await company.waitForURL('**/login');
  }, 60_000);
});
