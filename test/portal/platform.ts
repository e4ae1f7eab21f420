import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { QueueDashboard } from '@kuaizhuan/platform';
import { PORTAL_DIST } from '../../apps/api/src/portal/portal.module';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import { startApi, startWorker } from '../support/apps';
import { setUpTestEnvironment, type TestEnvironment, type TestSearchEngine } from '../support/environment';
import { SmtpCapture } from '../support/smtp';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, 'screenshots');
/** Longest wait for anything on a page (auto-waiting locators use it too). */
export const UI_TIMEOUT_MS = 20_000;

export interface Platform {
  baseUrl: string;
  dataSource: DataSource;
  accounts: DemoAccounts;
  browser: Browser;
  /** Every e-mail the platform sent (invitations, pushes). */
  mail: SmtpCapture;
  /** Waits until the outbox is empty and no queue has a job waiting or running. */
  settled(timeoutMs: number): Promise<void>;
  /**
   * Stops everything; the worker first finishes the jobs it holds (on a busy Meilisearch an index
   * task may take a minute), so give the hook that calls it two minutes.
   */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /**
   * The search engine: `meilisearch` (the default: an index of this platform's own on the run's
   * server), as every deployment runs it, or the embedded PostgreSQL engine (for journeys about
   * something other than search, such as the session's reloads).
   */
  search?: TestSearchEngine;
}

/**
 * A freshly seeded platform: its own database, queues and search index, the real api (serving
 * the built portal) listening on a free port, the real worker, the demo accounts and
 * catalogue, and a headless Chromium.
 */
export async function startPlatform(
  extraEnv: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<Platform> {
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) {
    throw new Error(`No built portal in ${PORTAL_DIST}: run npm run build:portal first`);
  }
  const mail = await SmtpCapture.start();
  const env: TestEnvironment = await setUpTestEnvironment(
    {
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      SMTP_URL: mail.url,
      ...extraEnv,
    },
    undefined,
    { search: options.search ?? 'meilisearch' },
  );
  let api: NestExpressApplication | undefined;
  let worker: INestApplicationContext | undefined;
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await env.teardown();
    await mail.stop();
  };
  try {
    api = await startApi();
    await api.listen(0, '127.0.0.1');
    const { port } = api.getHttpServer().address() as AddressInfo;
    worker = await startWorker();
    const dataSource = api.get(DataSource);
    const accounts = await seedIdentity(dataSource);
    await seedCatalog(dataSource, accounts);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // The test machines run as root, where Chromium's sandbox cannot start.
      args: ['--no-sandbox'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dashboard = api.get(QueueDashboard);
    const settled = async (timeoutMs: number): Promise<void> => {
      let unanswered: Error | undefined;
      await waitFor(
        'the queues to drain',
        async () => {
          try {
            const [queues, outbox] = await Promise.all([dashboard.summaries(), dashboard.outbox()]);
            unanswered = undefined;
            // Delayed jobs are left out: the schedulers' repeatable jobs are always there.
            return outbox.pending === 0 && queues.every((q) => q.waiting + q.active === 0);
          } catch (error) {
            // The dashboard gives Redis a few seconds per count; on a busy machine ask again.
            unanswered = error instanceof Error ? error : new Error(String(error));
            return false;
          }
        },
        timeoutMs,
        1_000,
      ).catch((error: unknown) => {
        throw unanswered ? new Error(`${String(error)} (the last count failed: ${unanswered.message})`) : error;
      });
    };
    return { baseUrl: `http://127.0.0.1:${port}`, dataSource, accounts, browser, mail, settled, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A new browser session (own storage) in Chinese, the portal's default. */
export async function openSession(platform: Platform): Promise<{ context: BrowserContext; page: Page }> {
  const context = await platform.browser.newContext({
    baseURL: platform.baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  return { context, page: await context.newPage() };
}

/** Signs in through the portal's sign-in page and waits for the role's home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('home-title').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Polls `check` until it returns something (not undefined/false), within `timeoutMs`. */
export async function waitFor<T>(
  label: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
