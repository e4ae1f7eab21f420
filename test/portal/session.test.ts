import type { BrowserContext, Page } from 'playwright-core';
import { openSession, screenshot, signIn, startPlatform, type Platform } from './platform';

/**
 * Sessions survive reloads: three roles (company, TTO, manager) signed in from one address, as
 * behind a campus or office NAT, with the company in two tabs of one browser, reload their pages
 * thirty times and more within a minute, at the production limits (10 sign-in attempts a minute
 * per address). Nobody is signed out: a reload spends one refresh token, tabs of one browser take
 * turns (Web Locks), and refresh is not counted as a sign-in attempt.
 */

let platform: Platform;
const contexts: BrowserContext[] = [];
const refreshStatuses: number[] = [];

async function signedInTab(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openSession(platform);
  contexts.push(context);
  watch(page);
  await signIn(page, email);
  return { context, page };
}

function watch(page: Page): void {
  page.on('response', (response) => {
    if (response.url().endsWith('/api/auth/refresh')) refreshStatuses.push(response.status());
  });
}

/** Reloads the page and waits for its home page to show its figures again (not the sign-in page). */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('home-title').waitFor();
  expect(new URL(page.url()).pathname).not.toBe('/login');
}

beforeAll(async () => {
  // The session's reloads are what is measured, not search: the embedded engine keeps the seed's
  // indexing off the minute of reloads.
  platform = await startPlatform({ AUTH_RATE_LIMIT_PER_MINUTE: '10', RATE_LIMIT_FACTOR: '1' }, { search: 'postgres' });
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await platform?.stop();
}, 120_000);

describe('a session across reloads and tabs', () => {
  it('keeps three roles in three browsers, the company in two tabs, signed in through 30 reloads in a minute', async () => {
    const { accounts } = platform;
    const company = await signedInTab(accounts.enterprise.email);
    const tto = await signedInTab(accounts.tto.email);
    const manager = await signedInTab(accounts.manager.email);
    // A second tab of the company's browser: same localStorage, so the same refresh token.
    const companyTab = await company.context.newPage();
    watch(companyTab);
    await companyTab.goto('/');
    await companyTab.getByTestId('home-title').waitFor();

    const started = Date.now();
    let reloads = 0;
    for (let round = 0; round < 10; round += 1) {
      const pages = [company.page, tto.page, manager.page, ...(round % 2 === 0 ? [companyTab] : [])];
      await Promise.all(pages.map((page) => reload(page)));
      reloads += pages.length;
    }
    const elapsed = Date.now() - started;
    expect(reloads).toBeGreaterThanOrEqual(30);
    expect(elapsed).toBeLessThan(60_000);

    await screenshot(company.page, 'session-after-reloads');
    expect(refreshStatuses.length).toBeGreaterThanOrEqual(reloads);
    expect(refreshStatuses.filter((status) => status !== 200)).toEqual([]);
    const reuse = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.refresh_reuse_detected'`,
    );
    expect(reuse).toEqual([{ n: 0 }]);
    // Every page is still on its home page, signed in.
    for (const page of [company.page, companyTab, tto.page, manager.page]) {
      await expect(page.getByTestId('home-title').isVisible()).resolves.toBe(true);
      expect(new URL(page.url()).pathname).not.toBe('/login');
    }
  }, 180_000);
});
