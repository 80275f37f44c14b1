// Issue 13 (console speed): prints what the login page downloads and how fast console pages show their data with a
// warm cache. Figures only, with generous ceilings (a shared 2-core machine is noisy); the build's bundle check
// (web/scripts/bundle-size.mjs) holds the tight 150 kB budget.
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

interface JsEntry {
  name: string;
  startTime: number;
  transferSize: number;
  decodedBodySize: number;
}

declare global {
  interface Window {
    /** The menu click's event time, set by menuNavigation in the page. */
    __clickAt?: number;
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** The JS files the page fetched (Resource Timing), and when its load event ended. */
async function jsEntries(page: Page): Promise<{ loadEnd: number; js: JsEntry[] }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({
        name: new URL(e.name).pathname,
        startTime: e.startTime,
        transferSize: e.transferSize,
        decodedBodySize: e.decodedBodySize,
      }));
    return { loadEnd: nav?.loadEventEnd ?? 0, js };
  });
}

/** The files' size gzipped like the build's bundle check (the server may send them uncompressed). */
async function gzipSize(baseUrl: string, files: JsEntry[]): Promise<number> {
  let total = 0;
  for (const f of files) total += zlib.gzipSync(Buffer.from(await (await fetch(baseUrl + f.name)).arrayBuffer()), { level: 6 }).length;
  return total;
}

const PAGES = [
  { name: '工作台', path: '/', ready: '[data-testid^="figure-"] .ant-statistic-content' },
  { name: '组织管理', path: '/orgs', ready: '[data-testid="org-detail-name"]' },
  { name: '会员管理', path: '/members', ready: '[data-testid="member-name"]' },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The first animation frame that shows `selector`, as the page's performance.now(). Polled in the page on every frame:
 * page.waitForSelector polls from the test at growing intervals (0, 20, 50, 100, 100, 500 ms…), which rounds a page
 * that is ready after 300 ms up to about 800.
 */
async function readyFrame(page: Page, selector: string, timeout = 15_000): Promise<number> {
  const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), selector, {
    polling: 'raf',
    timeout,
  });
  return await handle.jsonValue();
}

/** A menu click → the first frame showing the page's data, timed in the page from the click event. */
async function menuNavigation(page: Page, path: string, ready: string): Promise<number> {
  await page.evaluate(() => {
    window.__clickAt = undefined;
    document.addEventListener('click', (e) => (window.__clickAt = e.timeStamp), { capture: true, once: true });
  });
  await page.click(`.ant-layout-sider a[href="${path}"], .ant-pro-sider a[href="${path}"]`);
  const shown = await readyFrame(page, ready);
  const clickAt = await page.evaluate(() => window.__clickAt ?? 0);
  return Math.round(shown - clickAt);
}

/** A full load → the first frame showing the page's data, from the navigation's start (the page's time origin). */
async function fullLoad(page: Page, url: string, ready: string): Promise<{ ms: number; phases: string }> {
  await page.goto(url, { waitUntil: 'commit' });
  const ms = Math.round(await readyFrame(page, ready, 30_000));
  // Where the time went: the document, the scripts run (DOMContentLoaded follows the module scripts), the first and
  // last API request before the data showed, and the route's own chunk.
  // (No named functions inside evaluate: the test's compiler would wrap them in a helper the page lacks.)
  const t = await page.evaluate((shownAt) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.startTime <= shownAt && e.name.includes('/api/'),
    );
    return {
      html: nav?.responseEnd ?? 0,
      scripts: nav?.domContentLoadedEventEnd ?? 0,
      apiFrom: Math.min(...api.map((e) => e.startTime)),
      apiTo: Math.max(...api.map((e) => e.responseEnd)),
      apiCount: api.length,
    };
  }, ms);
  const r = Math.round;
  const phases = `html ${r(t.html)}, scripts run ${r(t.scripts)}, api ${r(t.apiFrom)}–${r(t.apiTo)} (${t.apiCount})`;
  return { ms, phases };
}

const consoleSpeed: Journey = {
  name: '控制台速度：登录页首屏 JS，工作台、组织管理、会员管理热缓存下的打开时间（打印数据）',
  async run({ app, browser }) {
    const page = await newPage(browser);
    // Login page, cold cache: what loads before the page's load event; the console comes after, once idle.
    await page.goto(`${app.baseUrl}/login`, { waitUntil: 'load' });
    await page.waitForSelector('#login-username');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/antd-[\w-]+\.js$/.test(e.name)), null, {
      timeout: 30_000,
    });
    await page.waitForLoadState('networkidle');
    const { loadEnd, js } = await jsEntries(page);
    const first = js.filter((e) => e.startTime <= loadEnd);
    const later = js.filter((e) => e.startTime > loadEnd);
    const firstGzip = await gzipSize(app.baseUrl, first);
    const sum = (xs: JsEntry[], k: 'transferSize' | 'decodedBodySize') => xs.reduce((s, e) => s + e[k], 0);
    console.log(
      `  login page first load: ${first.length} JS files, ${kB(sum(first, 'transferSize'))} transferred, ` +
        `${kB(sum(first, 'decodedBodySize'))} raw, ${kB(firstGzip)} gzip`,
    );
    console.log(`  preloaded once idle: ${later.length} JS files, ${kB(sum(later, 'decodedBodySize'))} raw (console + 工作台)`);
    expect(
      first
        .filter((e) => /\/(antd|pro)-[\w-]+\.js$/.test(e.name))
        .map((e) => e.name)
        .join(', '),
      'the login page loads no antd / ProComponents chunk',
    ).toBe('');
    expect(firstGzip < 200_000, `login page first-load JS ${kB(firstGzip)} gzip stays far below 200 kB`).toBe(true);

    await shot(page, 'speed-01-login');

    // On a phone: the same page, its checks before sending, the English switch; a console address without a session
    // opens the login page without loading the console.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await phone.goto(`${app.baseUrl}/members?status=all`);
    await phone.waitForSelector('#login-username');
    expect(new URL(phone.url()).pathname, 'no session: a console address opens the login page').toBe('/login');
    const phoneJs = await jsEntries(phone);
    expect(
      phoneJs.js.filter((e) => e.startTime <= phoneJs.loadEnd && /\/(antd|pro)-[\w-]+\.js$/.test(e.name)).length,
      'no antd before the login page shows',
    ).toBe(0);
    await phone.click('#login-submit');
    await phone.waitForSelector('#login-username-error:has-text("请输入用户名")');
    await phone.waitForSelector('#login-password-error:has-text("请输入密码")');
    await shot(phone, 'speed-02-login-phone-required');
    await phone.click('[data-testid="language-switch"] button:has-text("English")');
    await phone.waitForSelector('#login-submit:has-text("Log in")');
    await shot(phone, 'speed-03-login-phone-en');
    await phone.context().close();

    const loginStarted = performance.now();
    await login(page, app.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector(PAGES[0]?.ready ?? 'body');
    console.log(`  login (console preloaded) → 工作台 data: ${Math.round(performance.now() - loginStarted)} ms (includes typing)`);

    // Warm every page once (code and data), then measure in-app navigation through the menu, three rounds.
    for (const p of PAGES) {
      await page.click(`.ant-layout-sider a[href="${p.path}"], .ant-pro-sider a[href="${p.path}"]`);
      await page.waitForSelector(p.ready);
    }
    const inApp = new Map<string, number[]>();
    for (let round = 0; round < 3; round++) {
      for (const p of PAGES) {
        const ms = await menuNavigation(page, p.path, p.ready);
        inApp.set(p.name, [...(inApp.get(p.name) ?? []), ms]);
      }
    }
    // A full page load with the HTTP cache warm (reload, a bookmark, a new tab).
    const reload = new Map<string, number[]>();
    const phases = new Map<string, string[]>();
    for (let round = 0; round < 3; round++) {
      for (const p of PAGES) {
        const load = await fullLoad(page, `${app.baseUrl}${p.path}`, p.ready);
        reload.set(p.name, [...(reload.get(p.name) ?? []), load.ms]);
        phases.set(p.name, [...(phases.get(p.name) ?? []), `${load.ms} ms: ${load.phases}`]);
      }
    }
    for (const p of PAGES) {
      const nav = inApp.get(p.name) ?? [];
      const full = reload.get(p.name) ?? [];
      console.log(
        `  ${p.name}: menu navigation → data ${median(nav)} ms (${nav.join('/')}), full load (warm cache) → data ${median(full)} ms (${full.join('/')})`,
      );
      for (const line of phases.get(p.name) ?? []) console.log(`    full load ${line}`);
      // Generous: the goal is 500 ms, but CI runs this on a shared 2-core machine under other load.
      expect(median(nav) < 2_500, `${p.name}: in-app navigation shows data within 2.5 s`).toBe(true);
      expect(median(full) < 15_000, `${p.name}: a warm full load shows data within 15 s`).toBe(true);
    }
    await page.context().close();
  },
};

export const speedJourneys: Journey[] = [consoleSpeed];
