import { expect } from './expect.ts';
import type { Browser, Page } from 'playwright-core';

export async function newPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('[data-testid="login-submit"], #login-submit');
  await page.waitForSelector('[data-testid="current-user"]');
  expect(await page.textContent('[data-testid="current-user"]'), 'header shows the user').toBeTruthy();
}
