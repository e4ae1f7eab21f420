import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { DEMO_PASSWORD } from '@kuaizhuan/identity';
import { seedDeals } from '../../seeds/deals/seed-deals';
import { seedRecords } from '../../seeds/records/seed-records';
import { openSession, screenshot, SCREENSHOTS, signIn, startPlatform, type Platform } from './platform';

/**
 * How far the page overflows the window sideways, once the layout has followed a new viewport
 * size (a table measures its columns a frame or two after the resize): 0 or less is none.
 */
async function overflowAfterLayout(page: Page): Promise<number> {
  let overflow = 0;
  for (let waited = 0; waited <= 3_000; waited += 100) {
    overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    if (overflow <= 0) break;
    await page.waitForTimeout(100);
  }
  return overflow;
}

/**
 * The records around the deals, in a real Chromium against the real api on the seeded demo
 * (catalogue, deals, register approvals): the technology manager opens their record and prints
 * the evidence sheet (a PDF, and the print view without the portal's frame); the operator ranks
 * the managers and opens one's sheet; the TTO reads its register of service inventions, enters
 * the approval still missing, and exports the workbook, which opens with the register's rows.
 */

let platform: Platform;
const sessions: BrowserContext[] = [];

async function call<T>(path: string, email: string): Promise<T> {
  const login = await fetch(`${platform.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { tokens } = (await login.json()) as { tokens: { accessToken: string } };
  const response = await fetch(`${platform.baseUrl}/api${path}`, {
    headers: { authorization: `Bearer ${tokens.accessToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

async function session(email: string): Promise<Page> {
  const { context, page } = await openSession(platform);
  sessions.push(context);
  await signIn(page, email);
  return page;
}

beforeAll(async () => {
  platform = await startPlatform();
  await seedDeals(platform.dataSource, platform.accounts);
  await seedRecords(platform.dataSource, platform.accounts);
}, 300_000);

afterAll(async () => {
  for (const context of sessions) await context.close();
  await platform?.stop();
}, 120_000);

describe("records: the manager's evidence sheet and the institution's register", () => {
  it('the manager opens their record and prints the evidence sheet', async () => {
    const { manager: account } = platform.accounts;
    const record = await call<{ years: { year: number; deals: number }[] }>(
      `/insights/managers/${account.userId}/record`,
      account.email,
    );
    const page = await session(account.email);
    await page.getByRole('link', { name: '业绩档案' }).click();
    const sheet = page.getByTestId('evidence-sheet');
    await sheet.waitFor();
    await expect(sheet.getByText('技术经理人成果转化业绩证明').isVisible()).resolves.toBe(true);
    const rows = page.getByTestId('record-years').locator('tbody tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(record.years.length);
    // The first row is the latest year, its brokered deals as the api counts them.
    const first = await rows.first().innerText();
    expect(first).toContain(String(record.years[0].year));
    expect(record.years.reduce((n, y) => n + y.deals, 0)).toBeGreaterThan(0);
    await screenshot(page, 'manager-record');

    // On paper: the sheet alone, without the menu, the header or the print button.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print').isVisible()).resolves.toBe(false);
    await expect(sheet.isVisible()).resolves.toBe(true);
    await screenshot(page, 'manager-evidence-print');
    const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOTS, 'manager-evidence.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    // In English, and on a phone without sideways scrolling.
    await page.evaluate("localStorage.setItem('kz.language', 'en')");
    await page.reload();
    await page.getByText('Technology manager’s record of conversion results').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await overflowAfterLayout(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'manager-record-phone-en');
  }, 120_000);

  it('the operator ranks the managers and opens a sheet', async () => {
    const page = await session(platform.accounts.operator.email);
    await page.goto('/admin/managers');
    const table = page.getByTestId('manager-ranking');
    await table.waitFor();
    await expect(table.locator('tbody tr.ant-table-row').count()).resolves.toBeGreaterThanOrEqual(1);
    await screenshot(page, 'operator-manager-ranking');
    await table.locator('tbody tr.ant-table-row').first().getByRole('link').click();
    await page.getByTestId('evidence-sheet').waitFor();
    await expect(page.getByRole('link', { name: '返回排名' }).isVisible()).resolves.toBe(true);
  }, 120_000);

  it('the TTO enters the missing approval and exports its register, which opens with the rows', async () => {
    const { tto: account } = platform.accounts;
    const page = await session(account.email);
    await page.getByRole('link', { name: '单列管理台账' }).click();
    const disposals = page.getByTestId('register-disposal');
    await disposals.first().waitFor();
    const count = await disposals.count();
    expect(count).toBeGreaterThanOrEqual(3);
    // The seed approved all but the latest disposal.
    await expect(page.getByTestId('approval').count()).resolves.toBe(count - 1);
    // Only the inventions disposed of: every disposal still there.
    const inventions = await page.getByTestId('register-invention').count();
    await page.getByTestId('register-filter').getByText('已处置的成果').click();
    await expect(page.getByTestId('register-invention').count()).resolves.toBeLessThan(inventions);
    await expect(disposals.count()).resolves.toBe(count);
    await screenshot(page, 'tto-register');

    const waiting = disposals.filter({ hasText: '未登记审批' });
    await expect(waiting.count()).resolves.toBe(1);
    await waiting.getByTestId('record-approval').click();
    await page.getByTestId('approved-by').fill('科技成果转化领导小组');
    await page.getByTestId('document-ref').fill('=渝大科〔2026〕99号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('审批已登记').waitFor();
    // The register is read again after the save: the new approval appears once it has been.
    await page
      .getByTestId('approval')
      .nth(count - 1)
      .waitFor();
    await expect(page.getByTestId('approval').count()).resolves.toBe(count);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()]);
    const file = await download.path();
    const rows = (await readSheet(readFileSync(file), { parseNumber: (text: string) => text })) as (string | null)[][];
    const register = await call<{ totals: { disposals: number; approved: number } }>(
      `/records/institutions/${account.organisationId}/register`,
      account.email,
    );
    const disposalRows = rows.slice(1).filter((r) => r[7] !== null);
    expect(disposalRows).toHaveLength(register.totals.disposals);
    expect(disposalRows.filter((r) => r[19] !== null)).toHaveLength(register.totals.approved);
    // The document reference typed with a leading "=" opens as text, not as a formula.
    expect(disposalRows.map((r) => r[19])).toContain("'=渝大科〔2026〕99号");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await disposals.first().waitFor();
    await page.getByTestId('register-filter').getByText('已处置的成果').click();
    const overflow = await overflowAfterLayout(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'tto-register-phone');
  }, 120_000);
});
