// 职工诉求 journey (issue 11): the street's cadre receives a worker's appeal by hotline in the console, dated a month
// back so that its deadline (counted in working days from receipt) has already passed — the list, the detail and the
// 工作台 show it overdue with the SLA clock; the cadre escalates it to the district (上报上级工会), which becomes
// responsible with a new deadline; the district's cadre finds it in 工作台, replies (答复) and closes it with the
// worker's satisfaction (办结), and the timeline shows every step. The contact stays masked throughout. Screenshots of
// the new pages at 1440×900 and at phone width 390×844.
//
// The overdue sweep's automatic escalation runs every 10 minutes in the server; it is covered by the API tests
// (appeals.test.ts), so the journey escalates by hand once the appeal shows overdue.
//
// Accounts: the demo seed's street_admin and district_admin (the street's district).
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

const CONTENT = '我在本街道某物流公司工作，公司已连续两个月拖欠工资，多次找负责人未果，请求工会帮助协调解决。';
const PHONE = '13912348888';
const REPLY = '已约谈用人单位负责人，公司承诺本月底前结清拖欠工资，工会将跟踪落实。';
const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const visibleModal = '.ant-modal-wrap:not([style*="display: none"]) .ant-modal';

/** A day `days` calendar days before today, YYYY-MM-DD. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 10);
}

async function shots(page: Page, name: string, ready: string, focus?: string): Promise<void> {
  await page.waitForSelector(ready);
  await page.mouse.move(0, 0);
  if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
  await shot(page, `appeals-${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector(ready);
  if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shot(page, `appeals-${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function pick(page: Page, inputId: string, title: string): Promise<void> {
  await page.click(`#${inputId}`);
  const option = `${openDropdown} .ant-select-item-option[title="${title}"]`;
  await page.waitForSelector(option);
  await page.click(option);
}

async function okModal(page: Page): Promise<void> {
  await page.locator(`${visibleModal} .ant-modal-footer .ant-btn-primary`).click();
}

/** Street: 登记诉求 in the console, a month back; returns the appeal's id (the form opens its detail). */
async function receive(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/appeals`);
  await page.click('[data-testid="appeal-new"]');
  await page.waitForSelector(`${visibleModal} #content`);
  // 热线 is the form's default channel.
  expect(await page.textContent(`${visibleModal} .ant-select-selection-item`), 'the default channel').toBe('热线');
  await pick(page, 'category', '工资报酬');
  await page.click('#receivedAt');
  await page.fill('#receivedAt', daysAgo(30));
  await page.keyboard.press('Enter');
  await page.fill('#content', CONTENT);
  await page.fill('#contactName', '刘建军');
  await page.fill('#contactPhone', PHONE);
  await okModal(page);
  await page.waitForURL(/\/appeals\/\d+$/);
  await page.waitForSelector('[data-testid="appeal-detail"]');
  const id = /\/appeals\/(\d+)$/.exec(page.url())?.[1] ?? '';
  const facts = (await page.textContent('[data-testid="appeal-facts"]')) ?? '';
  expect(facts, 'the content in full on the detail').toContain(CONTENT);
  expect(facts, 'the contact masked').toContain('刘*军');
  expect(facts, 'the phone masked').toContain('139****8888');
  expect(facts, 'the phone masked').notToContain(PHONE);
  expect(await page.textContent('[data-testid="appeal-sla"]'), 'the SLA clock').toMatch(/逾期 \d+ 个工作日/);
  return id;
}

/** Street: the list shows the overdue tag and the SLA column; 工作台 shows the clock too. */
async function overdueEverywhere(page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}/appeals`);
  const row = page.locator('[data-testid="appeal-table"] tr.ant-table-row', { hasText: '工资报酬' }).first();
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  expect(text, 'the overdue tag').toContain('逾期');
  expect(text, 'the excerpt, not the whole content').notToContain(CONTENT);
  await shots(page, '01-list', '[data-testid="appeal-overdue"]');
  await page.goto(`${base}/`);
  const item = `[data-testid="todo-item"][data-type="appeal"][data-case-id="${id}"]`;
  await page.waitForSelector(item);
  expect(await page.textContent(`${item} [data-testid="todo-sla"]`), 'the to-do’s SLA clock').toMatch(/已逾期 \d+ 个工作日/);
  await shots(page, '02-workbench', item, item);
}

/** Street: 上报上级工会 (confirmed); the district becomes responsible and the street's buttons go. */
async function escalate(page: Page, base: string, id: string, districtName: string): Promise<void> {
  await page.goto(`${base}/appeals/${id}`);
  await shots(page, '03-detail-overdue', '[data-testid="appeal-action-escalate"]');
  await page.click('[data-testid="appeal-action-escalate"]');
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await page.waitForSelector('.ant-message-success');
  await page.waitForFunction((name) => document.querySelector('[data-testid="appeal-responsible"]')?.textContent === name, districtName);
  expect(await page.locator('[data-testid^="appeal-action-"]').count(), 'no actions left for the street').toBe(0);
  expect(await page.textContent('[data-testid="appeal-sla"]'), 'a new deadline').toMatch(/剩余 \d+ 个工作日|今日到期/);
}

/** District: the to-do opens the appeal; 答复 then 办结 with the worker's satisfaction. */
async function replyAndClose(page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}/`);
  const item = `[data-testid="todo-item"][data-type="appeal"][data-case-id="${id}"]`;
  await page.waitForSelector(item);
  await page.click(`${item} a`);
  await page.waitForURL(`**/appeals/${id}`);
  await page.click('[data-testid="appeal-action-reply"]');
  await page.waitForSelector(`${visibleModal} #opinion`);
  await page.fill('#opinion', REPLY);
  await okModal(page);
  await page.waitForSelector('[data-testid="appeal-reply"]');
  expect(await page.textContent('[data-testid="appeal-reply"]'), 'the reply kept for the worker').toContain(REPLY);
  await page.click('[data-testid="appeal-action-close"]');
  await page.waitForSelector(`${visibleModal} #closedAt`);
  await page.locator(`${visibleModal} label`, { hasText: '基本满意' }).click();
  await okModal(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="appeal-status"]')?.textContent === '已办结');
  const facts = (await page.textContent('[data-testid="appeal-facts"]')) ?? '';
  expect(facts, 'the satisfaction').toContain('基本满意');
  expect(facts, 'escalated after its due day: not on time').toMatch(/按时办结[:：]?\s*否/);
  const timeline = (await page.textContent('[data-testid="appeal-detail"]')) ?? '';
  for (const step of ['登记受理', '上报上级工会', '答复', '办结']) expect(timeline, `the timeline step ${step}`).toContain(step);
  await shots(page, '04-detail-closed', '[data-testid="appeal-detail"]', '.ant-timeline');
}

const appealJourney: Journey = {
  name: '职工诉求：街道登记热线诉求、逾期后上报区总工会，区总在工作台答复并办结',
  async run({ app, browser }) {
    const street = await newPage(browser);
    const district = await newPage(browser);
    const pages = [street, district];
    const pageErrors: string[] = [];
    for (const p of pages) {
      p.on('pageerror', (e) => pageErrors.push(e.message));
      p.on('response', (res) => {
        if (res.url().includes('/api/') && res.status() >= 400)
          void res.text().then(
            (body) => console.log(`  ${res.request().method()} ${res.url()} → ${res.status()} ${body.slice(0, 300)}`),
            () => undefined,
          );
      });
    }
    try {
      await login(street, app.baseUrl, 'street_admin', DEMO_PASSWORD);
      await login(district, app.baseUrl, 'district_admin', DEMO_PASSWORD);
      const districtName = ((await district.textContent('[data-testid="current-org"]')) ?? '').trim();
      const id = await receive(street, app.baseUrl);
      await overdueEverywhere(street, app.baseUrl, id);
      await escalate(street, app.baseUrl, id, districtName);
      await replyAndClose(district, app.baseUrl, id);
      expect(pageErrors.join('\n'), 'uncaught errors in the page').toBe('');
    } catch (err) {
      for (const [i, p] of pages.entries()) await shot(p, `appeals-failed-${i}`).catch(() => undefined);
      throw err;
    } finally {
      for (const p of pages) await p.context().close();
    }
  },
};

export const appealJourneys: Journey[] = [appealJourney];
