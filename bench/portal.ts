/**
 * The portal's weight and speed: builds it (vite build), measures the main bundle (the entry
 * script index.html loads, and everything it preloads), then opens the company home page in
 * headless Chromium against the real api on a seeded database, cold cache each time, and
 * times it. Args: [runs = 7].
 *
 * timeToInteractiveMs: navigation start → the home page showing its figures loaded from the
 * api (the page is rendered, its data fetched, its handlers attached), read from the page's
 * own performance clock. First contentful paint is reported beside it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { dataSourceOptions } from '@kuaizhuan/platform';
import { PORTAL_DIST } from '../apps/api/src/portal/portal.module';
import { seedCatalog } from '../seeds/catalog/seed-catalog';
import { prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';
import { runApp } from '../test/support/processes';
import { freePort } from '../test/support/redis-server';
import { percentile } from './corpus';

const BENCH_TEMPLATE = 'kz_bench_template';
const GOAL_MS = 2_000;
/** The little of the DOM the page-side checks use (this file is compiled without the DOM types). */
interface PageGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
  performance: { now(): number; getEntriesByName(name: string): { startTime: number }[] };
}

/** In the page: the time (ms since navigation start) once the home page shows its first figure, else false. */
function homeReady(): number | false {
  const page = globalThis as unknown as PageGlobals;
  const figure = page.document.querySelector('[data-testid="figure-needs"] .ant-statistic-content-value');
  return figure && /\d/.test(figure.textContent ?? '') ? page.performance.now() : false;
}

function firstPaint(): number | null {
  const page = globalThis as unknown as PageGlobals;
  return page.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
}

function buildPortal(): number {
  const started = performance.now();
  const vite = join(__dirname, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'apps/portal', '--logLevel', 'error'], {
    cwd: join(__dirname, '..'),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
  return Math.round((performance.now() - started) / 100) / 10;
}

interface BundleFigures {
  mainBundle: string;
  mainBundleBytes: number;
  mainBundleGzipBytes: number;
  /** The entry and the chunks index.html preloads: all the JavaScript of a first load. */
  initialJsBytes: number;
  initialJsGzipBytes: number;
  cssBytes: number;
  /** Every built asset, including the pages loaded on demand. */
  allAssetsBytes: number;
}

function bundleFigures(): BundleFigures {
  const html = readFileSync(join(PORTAL_DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in the built index.html');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
  const read = (file: string) => readFileSync(join(PORTAL_DIST, file));
  const size = (files: string[]) => files.reduce((sum, f) => sum + read(f).length, 0);
  const gzipped = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(read(f)).length, 0);
  const assets = readdirSync(join(PORTAL_DIST, 'assets'));
  return {
    mainBundle: entry,
    mainBundleBytes: size([entry]),
    mainBundleGzipBytes: gzipped([entry]),
    initialJsBytes: size([entry, ...preloads]),
    initialJsGzipBytes: gzipped([entry, ...preloads]),
    cssBytes: size(css),
    allAssetsBytes: assets.reduce((sum, f) => sum + statSync(join(PORTAL_DIST, 'assets', f)).size, 0),
  };
}

async function refreshToken(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { tokens: { refreshToken: string } }).tokens.refreshToken;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const runs = Number(args[0] ?? 7);
  const buildSeconds = buildPortal();
  const bundle = bundleFigures();

  await prepareTemplate(BENCH_TEMPLATE);
  const env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' }, BENCH_TEMPLATE);
  const dataSource = new DataSource(dataSourceOptions({ url: env.database.url, applicationName: 'kz-bench' }));
  await dataSource.initialize();
  let api: ReturnType<typeof runApp> | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const accounts = await seedIdentity(dataSource);
    await seedCatalog(dataSource, accounts);
    const port = await freePort();
    api = runApp('apps/api/src/main.ts', { PORT: String(port), LOG_LEVEL: 'error' });
    await api.waitForOutput(/api listening/, 60_000);
    const baseUrl = `http://127.0.0.1:${port}`;

    const tti: number[] = [];
    const fcp: number[] = [];
    for (let i = 0; i <= runs; i += 1) {
      // A fresh context each time: empty cache, a signed-in session restored from its refresh token.
      const token = await refreshToken(baseUrl, accounts.enterprise.email);
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
      await context.addInitScript({ content: `localStorage.setItem('kz.refreshToken', ${JSON.stringify(token)});` });
      const page = await context.newPage();
      await page.goto('/', { waitUntil: 'commit' });
      const ready = await page.waitForFunction(homeReady, undefined, { timeout: 30_000, polling: 'raf' });
      const readyMs = (await ready.jsonValue()) as number;
      const paint = await page.evaluate(firstPaint);
      await context.close();
      if (i === 0) continue; // the first run warms the api, not the browser cache
      tti.push(readyMs);
      if (paint !== null) fcp.push(paint);
    }
    tti.sort((a, b) => a - b);
    fcp.sort((a, b) => a - b);
    const median = Math.round(percentile(tti, 0.5));
    return {
      ...bundle,
      buildSeconds,
      page: 'company home (/)',
      runs,
      timeToInteractiveMs: median,
      timeToInteractiveP95Ms: Math.round(percentile(tti, 0.95)),
      firstContentfulPaintMs: Math.round(percentile(fcp, 0.5)),
      goalMs: GOAL_MS,
      meetsGoal: median < GOAL_MS,
    };
  } finally {
    await browser.close();
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await dataSource.destroy();
    await env.teardown();
  }
}
