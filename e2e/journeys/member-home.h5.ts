// The member's side of the 职工之家 journey, on a phone (390×844, touch, a WeChat-like user agent): apply to join,
// follow the application, activate the account with the SMS code the development sender writes to the server log,
// show the e-card and check it like a merchant scanning its QR. Every H5 page is shot at 390×844.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckChar, maskName } from '@gonghui/common';
import { shot, type AppUnderTest } from '../harness.ts';
import { expect } from './expect.ts';

const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ' +
  'MicroMessenger/8.0.50(0x1800322f) NetType/WIFI Language/zh_CN';

export interface Applicant {
  name: string;
  idNumber: string;
  phone: string;
  employer: string;
}

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A fresh applicant: a valid ID number (GB 11643 check character) and a phone nobody in the demo has. */
export function newApplicant(): Applicant {
  const body = `320102199${Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${digits(3)}`;
  return { name: '周晓华', idNumber: `${body}${idCheckChar(body)}`, phone: `139${digits(8)}`, employer: '南京云帆物流有限公司' };
}

export async function phonePage(browser: Browser): Promise<Page> {
  const ctx: BrowserContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT_UA,
    locale: 'zh-CN',
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Shoots the page once it is ready and settled (antd-mobile toasts and popups animate). */
async function h5Shot(page: Page, name: string, ready: string): Promise<void> {
  await page.waitForSelector(ready);
  await page.waitForSelector('.adm-toast-mask', { state: 'detached' }).catch(() => undefined);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shot(page, `member-home-${name}-390`);
}

/** The input of the antd-mobile form item labelled `label`. */
const field = (page: Page, label: string) =>
  page
    .locator('.adm-form-item', { has: page.locator('.adm-form-item-label', { hasText: label }) })
    .locator('input')
    .first();

/** 申请入会 from the H5 home; returns the status page's URL (审核中) and the application number. */
export async function applyToJoin(page: Page, base: string, who: Applicant, unionName: string) {
  await page.goto(`${base}/h5/`);
  await h5Shot(page, '01-home', 'text=申请入会');
  await page.getByRole('button', { name: '申请入会' }).click();
  await page.waitForURL('**/h5/join');
  await field(page, '姓名').fill(who.name);
  await field(page, '身份证号').fill(who.idNumber);
  await field(page, '手机号').fill(who.phone);
  await field(page, '工作单位').fill(who.employer);
  await page.getByText('请选择', { exact: true }).click();
  await page.locator('.adm-popup .adm-search-bar input').fill(unionName);
  const hit = page.locator('.adm-popup .adm-list-item', { hasText: unionName }).first();
  await hit.waitFor();
  await h5Shot(page, '02-join-pick-union', '.adm-popup .adm-list-item');
  await hit.click();
  await page.locator('.adm-popup-body').first().waitFor({ state: 'hidden' });
  expect(await page.locator('.adm-form').textContent(), 'the picked union on the form').toContain(unionName);
  await h5Shot(page, '03-join-form', '.adm-form');
  await page.getByRole('button', { name: '提交' }).click();
  const number = ((await page.locator('[data-testid="join-number"]').textContent()) ?? '').trim();
  expect(number, 'the application number').toMatch(/^\S+-\S+/);
  expect(await page.textContent('.h5-link-box'), 'the status link to keep').toContain('/h5/join/');
  await h5Shot(page, '04-join-submitted', '[data-testid="join-number"]');
  await page.getByRole('button', { name: '查看进度' }).click();
  await page.waitForURL(`**/h5/join/${number}**`);
  await page.waitForFunction(() => document.querySelector('[data-testid="join-status"]')?.textContent === '审核中');
  await h5Shot(page, '05-join-status-pending', '[data-testid="join-status"]');
  return { number, statusUrl: page.url() };
}

export async function seeApproved(page: Page, statusUrl: string): Promise<void> {
  await page.goto(statusUrl);
  await page.waitForFunction(() => document.querySelector('[data-testid="join-status"]')?.textContent === '已通过');
  await h5Shot(page, '06-join-status-approved', '[data-testid="join-status"]');
}

/** The one-time code of the latest SMS to `phone` in the server's log (SMS_SENDER=log in development). */
function codeFromLog(app: AppUnderTest, phone: string): string | undefined {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const lines = app
    .output()
    .split('\n')
    .filter((l) => l.includes(`to ${masked}`) && l.includes('验证码'));
  return /验证码为(\d{6})/.exec(lines.at(-1) ?? '')?.[1];
}

/** 激活 / 登录 → 去激活: ID number + phone, the code from the log, the privacy consent; lands on 我的会员卡. */
export async function activate(page: Page, app: AppUnderTest, who: Applicant): Promise<void> {
  await page.goto(`${app.baseUrl}/h5/`);
  await page.getByRole('button', { name: '激活 / 登录' }).click();
  await page.waitForURL('**/h5/login');
  await h5Shot(page, '07-login', '.adm-form');
  await page.getByRole('button', { name: '还没有激活？去激活' }).click();
  await page.waitForURL('**/h5/activate');
  await field(page, '身份证号').fill(who.idNumber);
  await field(page, '手机号').fill(who.phone);
  await h5Shot(page, '08-activate-identity', '.adm-form');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await field(page, '验证码').waitFor();
  let code: string | undefined;
  for (let i = 0; i < 40 && !code; i++) {
    code = codeFromLog(app, who.phone);
    if (!code) await page.waitForTimeout(250);
  }
  expect(code, 'the one-time code in the server log').toMatch(/^\d{6}$/);
  await field(page, '验证码').fill(code ?? '');
  await page.locator('.adm-checkbox-icon').click();
  expect(await page.locator('.adm-checkbox').getAttribute('class'), 'the consent ticked').toContain('adm-checkbox-checked');
  await h5Shot(page, '09-activate-code', '.adm-checkbox-checked');
  await page.getByRole('button', { name: '激活', exact: true }).click();
  await page.waitForURL('**/h5/card');
}

/** 我的会员卡: the QR and the card number; then the home shows the member signed in. Returns the card number. */
export async function showCard(page: Page, base: string, who: Applicant): Promise<string> {
  await page.waitForSelector('[data-testid="card-qr"] svg');
  const cardNo = ((await page.textContent('[data-testid="card-no"]')) ?? '').trim();
  expect(cardNo, 'the card number on the card face').toMatch(/^\w[\w-]{5,}$/);
  const list = (await page.textContent('.h5-section')) ?? '';
  expect(list, 'the ID number masked').notToContain(who.idNumber);
  expect(list, 'the membership status in words').toContain('在籍');
  await h5Shot(page, '10-card', '[data-testid="card-qr"] svg');
  await page.goto(`${base}/h5/`);
  await page.getByText('我的会员卡', { exact: true }).waitFor();
  expect(await page.textContent('.h5-card-face'), 'the home greets the member').toContain(who.name);
  await h5Shot(page, '11-home-signed-in', '.h5-card-face');
  await page.getByText('我的会员卡', { exact: true }).click();
  await page.waitForURL('**/h5/card');
  await page.waitForSelector('[data-testid="card-qr"] svg');
  return cardNo;
}

/** Scans the QR: the verify URL (what the QR encodes) opened in a fresh phone page shows 有效 and the masked name. */
export async function verifyCard(page: Page, browser: Browser, base: string, who: Applicant): Promise<void> {
  const res = await page.request.get(`${base}/api/v1/h5/card`);
  expect(res.status(), 'GET /h5/card').toBe(200);
  const { verifyUrl } = (await res.json()) as { verifyUrl: string };
  const url = new URL(verifyUrl);
  expect(url.pathname, 'the verify URL').toMatch(/^\/v\/.+/);
  const scanner = await phonePage(browser);
  try {
    await scanner.goto(`${base}${url.pathname}${url.search}`);
    const text = (await scanner.textContent('body')) ?? '';
    expect(text, 'the verdict').toContain('有效');
    expect(text, 'not marked invalid').notToContain('无效');
    expect(text, 'the masked name').toContain(maskName(who.name));
    expect(text, 'never the full name').notToContain(who.name);
    await shot(scanner, 'member-home-12-verify-390');
  } finally {
    await scanner.context().close();
  }
}

/** 诉求 by the member on 我的申请 → 新建申请 → 诉求反映: category and content, 提交申请; returns its number from the detail
 *  page the form opens. */
export async function submitAppeal(page: Page, base: string, content: string): Promise<string> {
  await page.goto(`${base}/h5/cases`);
  await page.getByRole('button', { name: '新建申请' }).click();
  await page.locator('.adm-list-item', { hasText: '诉求反映' }).first().click();
  await page.waitForURL(/type=appeal/);
  await page.locator('.adm-selector-item', { hasText: '福利待遇' }).click();
  await page.locator('.adm-form textarea').first().fill(content);
  await shot(page, 'member-home-13a-appeal-form-390');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/h5\/cases\/\d+$/);
  await page
    .locator('.h5-section', { hasText: content.slice(0, 12) })
    .first()
    .waitFor();
  const number = (await page.locator('.adm-list-item', { hasText: '申请编号' }).first().textContent())?.match(/SQ-\d{4}-\d+/)?.[0];
  expect(number, 'the appeal number on its detail page').toMatch(/^SQ-/);
  return number as string;
}
