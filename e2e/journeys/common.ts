import { expect } from './expect.ts';
import type { Browser, Page } from 'playwright-core';
import { nextCode, rememberTotp, timeStep, totpAt } from '../totp.ts';

export async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** On the 账号安全 page: start enrolment, read the key shown for manual entry, confirm with a computed code. */
export async function enrolTotpOnPage(page: Page, username: string): Promise<string[]> {
  await page.click('[data-testid="mfa-start"]');
  const secret = (await page.textContent('[data-testid="totp-secret"]'))?.replace(/\s/g, '') ?? '';
  expect(secret, 'the TOTP key is shown for manual entry').toMatch(/^[A-Z2-7]{32}$/);
  const step = timeStep();
  await page.fill('#totp-code', totpAt(secret, step));
  await page.click('[data-testid="totp-confirm"]');
  await page.waitForSelector('[data-testid="recovery-codes"]');
  rememberTotp(username, secret, step);
  return (await page.locator('[data-testid="recovery-codes"] code').allTextContents()).map((c) => c.trim());
}

/**
 * Logs in through the UI like a cadre: password, then the code step when the account has a second factor; an
 * account the policy obliges to enrol is enrolled on the spot from the 账号安全 page.
 */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('[data-testid="login-submit"], #login-submit');
  const next = page.locator('[data-testid="current-user"], #login-code, [data-testid="mfa-start"]').first();
  await next.waitFor();
  if (await page.locator('#login-code').isVisible()) {
    await page.fill('#login-code', await nextCode(username));
    await page.click('[data-testid="login-mfa-submit"]');
  } else if (await page.locator('[data-testid="mfa-start"]').isVisible()) {
    await enrolTotpOnPage(page, username);
    await page.click('[data-testid="mfa-done"]');
  }
  await page.waitForSelector('[data-testid="current-user"]');
  expect(await page.textContent('[data-testid="current-user"]'), 'header shows the user').toBeTruthy();
}
