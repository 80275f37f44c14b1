// 职工之家 journey (issue 12): a worker applies online to join the demo seed's first grassroots union from a phone
// (the H5 portal, /h5/); the union's cadre (union_admin) finds the application in 工作台 and approves it on
// 入会申请, and the H5 status turns 已通过. The new member activates the portal account with ID number, phone and the
// SMS code (written to the server log by the development sender) and the privacy consent, lands signed in on
// 我的会员卡 (QR and card number), and the QR's verify page shows 有效 with the masked name. Then the member submits a
// 诉求 (appeal), sees it under 我的申请, and the cadre has it in 工作台. The cadre's 会员账号 page lists the account as
// 已激活, and its 重置激活 signs the member out. H5 screenshots at 390×844 (member-home-*-390.png); the console's at
// 1440×900.
import type { Page } from 'playwright-core';
import { maskName } from '@gonghui/common';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';
import { activate, applyToJoin, newApplicant, phonePage, seeApproved, showCard, submitAppeal, verifyCard } from './member-home.h5.ts';

const APPEAL = '单位今年未发放防暑降温费，也没有安排高温天气调休，希望工会帮助协调。';
const visibleModal = '.ant-modal-wrap:not([style*="display: none"]) .ant-modal';
const todo = (page: Page, number: string) => page.locator('[data-testid="todo-item"]', { hasText: number }).first();

/** The cadre opens the application from 工作台 (or 入会申请's list) and approves it with today's join date. */
async function approve(page: Page, base: string, number: string): Promise<void> {
  await page.goto(`${base}/`);
  const item = todo(page, number);
  await item.waitFor();
  await item.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await shot(page, 'member-home-console-01-workbench-join-1440');
  if ((await item.locator('a').count()) > 0) await item.locator('a').first().click();
  else {
    await page.goto(`${base}/join-applications`);
    await page.locator('[data-testid="join-number"]', { hasText: number }).click();
  }
  await page.waitForURL(/\/join-applications\/\d+$/);
  await page.waitForSelector('[data-testid="join-detail"]');
  expect(await page.textContent('[data-testid="join-detail-number"]'), 'the application opened').toBe(number);
  await page.click('[data-testid="join-action-approve"]');
  await page.waitForSelector(`${visibleModal} .ant-modal-footer .ant-btn-primary`);
  await page.locator(`${visibleModal} .ant-modal-footer .ant-btn-primary`).click();
  await page.waitForSelector('.ant-message-success');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="join-detail"] [data-testid="join-status"]')?.textContent === '已通过',
  );
  expect(await page.textContent('[data-testid="join-card-no"]'), 'the card number issued').toBeTruthy();
  await page.mouse.move(0, 0);
  await shot(page, 'member-home-console-02-join-approved-1440');
}

/** 会员账号: the new member's account is listed 已激活; 重置激活 (confirmed) turns it 待激活. */
async function accountListed(page: Page, base: string, maskedName: string): Promise<void> {
  await page.goto(`${base}/member-accounts`);
  const row = page.locator('[data-testid="member-account-table"] tr.ant-table-row', { hasText: maskedName }).first();
  await row.waitFor();
  expect(await row.locator('[data-testid="member-account-status"]').textContent(), 'the account status').toBe('已激活');
  expect(await row.locator('[data-testid="member-account-reset"]').count(), 'the reset action for org_admin').toBe(1);
  await row.locator('[data-testid="member-account-reset"]').click();
  await page.waitForSelector('.ant-popconfirm');
  expect(await page.textContent('.ant-popconfirm'), 'the confirm explains re-activation').toContain('重新激活');
  await page.mouse.move(0, 0);
  await shot(page, 'member-home-console-04-member-accounts-1440');
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await page.waitForSelector('.ant-message-success');
  await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll('[data-testid="member-account-table"] tr.ant-table-row')].some(
        (tr) => tr.textContent?.includes(name) && tr.querySelector('[data-testid="member-account-status"]')?.textContent === '待激活',
      ),
    maskedName,
  );
}

const memberHomeJourney: Journey = {
  name: '职工之家：网上申请入会，工会审批后激活账号、出示电子会员卡并扫码核验',
  async run({ app, browser }) {
    const base = app.baseUrl;
    const cadre = await newPage(browser);
    const phone = await phonePage(browser);
    const pages = [phone, cadre];
    const pageErrors: string[] = [];
    for (const p of pages) {
      p.on('pageerror', (e) => pageErrors.push(e.message));
      p.on('response', (res) => {
        // 401 on /h5/me is how the H5 learns nobody is signed in.
        if (res.url().includes('/api/') && res.status() >= 400 && !(res.status() === 401 && res.url().includes('/h5/me')))
          void res.text().then(
            (body) => console.log(`  ${res.request().method()} ${res.url()} → ${res.status()} ${body.slice(0, 300)}`),
            () => undefined,
          );
      });
    }
    try {
      await login(cadre, base, 'union_admin', DEMO_PASSWORD);
      const unionName = ((await cadre.textContent('[data-testid="current-org"]')) ?? '').trim();
      expect(unionName, 'the cadre’s union').toBeTruthy();
      const who = newApplicant();

      const { number, statusUrl } = await applyToJoin(phone, base, who, unionName);
      await approve(cadre, base, number);
      await seeApproved(phone, statusUrl);

      await activate(phone, app, who);
      await showCard(phone, base, who);
      await verifyCard(phone, browser, base, who);

      const appeal = await submitAppeal(phone, base, APPEAL);
      await phone.goto(`${base}/h5/cases`);
      await phone.locator('.h5-section', { hasText: appeal }).waitFor();
      await shot(phone, 'member-home-13-cases-390');
      await cadre.goto(`${base}/`);
      const item = todo(cadre, appeal);
      await item.waitFor();
      await item.scrollIntoViewIfNeeded();
      await cadre.mouse.move(0, 0);
      await shot(cadre, 'member-home-console-03-workbench-appeal-1440');

      await accountListed(cadre, base, maskName(who.name));
      expect((await phone.request.get(`${base}/api/v1/h5/me`)).status(), 'the member signed out by the reset').toBe(401);
      expect(pageErrors.join('\n'), 'uncaught errors in the page').toBe('');
    } catch (err) {
      for (const [i, p] of pages.entries()) await shot(p, `member-home-failed-${i}`).catch(() => undefined);
      throw err;
    } finally {
      for (const p of pages) await p.context().close();
    }
  },
};

export const memberHomeJourneys: Journey[] = [memberHomeJourney];
