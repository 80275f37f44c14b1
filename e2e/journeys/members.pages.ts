// Issue 13 part 6: the 会员管理 roster pages with next / previous over the API's keyset cursor (the count comes from
// page 1 and stays shown), and sorts by 入会日期 / 姓名 / 默认 through the API, kept in the URL.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';
import { tableRows } from './members.roster.ts';

const names = (page: Page) => page.locator('[data-testid="member-name"]').allTextContents();
const pageNo = (page: Page, n: number) => page.waitForSelector(`[data-testid="member-page"]:text-is("第 ${n} 页")`);

async function pickSort(page: Page, label: string): Promise<void> {
  await page.click('[data-testid="member-sort"]');
  await page.click(`.ant-select-item-option:has-text("${label}")`);
}

/** The next page's first rows replace the current ones (the table keeps the old rows while it loads). */
async function rowsChangeFrom(page: Page, before: string[]): Promise<string[]> {
  await page.waitForFunction((prev) => {
    const now = [...document.querySelectorAll('[data-testid="member-name"]')].map((e) => e.textContent ?? '');
    return now.length > 0 && now.join('|') !== prev;
  }, before.join('|'));
  return names(page);
}

const keysetPages: Journey = {
  name: '会员管理：上一页/下一页按游标翻页、首页总数保留，按入会日期/姓名排序并记在网址中',
  async run({ app, browser }) {
    const page = await newPage(browser);
    await login(page, app.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/members`);
    await page.waitForSelector('[data-testid="member-name"]');
    await pageNo(page, 1);
    const total = (await page.textContent('[data-testid="member-total"]')) ?? '';
    expect(total, 'page 1 shows the count').toMatch(/^共 \d+\+? 条$/);
    const page1 = await names(page);
    expect(String(page1.length), 'twenty rows a page').toBe('20');

    await page.click('[data-testid="member-next"]');
    await pageNo(page, 2);
    const page2 = await rowsChangeFrom(page, page1);
    expect(String(page2.filter((n) => page1.includes(n)).length < page2.length), 'page 2 shows other rows').toBe('true');
    expect(await page.textContent('[data-testid="member-total"]'), 'the count from page 1 stays').toBe(total);
    await page.click('[data-testid="member-next"]');
    await pageNo(page, 3);
    await page.click('[data-testid="member-prev"]');
    await pageNo(page, 2);
    await page.click('[data-testid="member-prev"]');
    await pageNo(page, 1);
    expect((await names(page)).join(), 'Previous returns to page 1').toBe(page1.join());
    expect(await page.isDisabled('[data-testid="member-prev"]'), 'no page before the first').toBe(true);

    // 入会日期: latest first, through the API, named in the URL.
    await pickSort(page, '入会日期');
    await page.waitForURL(/[?&]sort=joinedAt/);
    await pageNo(page, 1);
    await rowsChangeFrom(page, page1);
    const dates = (await tableRows(page, '.ant-pro-table')).map((cells) => cells[1] ?? '');
    expect(
      dates.every((d, i) => i === 0 || d <= (dates[i - 1] ?? '')),
      `join dates latest first: ${dates.join(', ')}`,
    ).toBe(true);
    await page.click('[data-testid="member-next"]');
    await pageNo(page, 2);
    const dates2 = (await tableRows(page, '.ant-pro-table')).map((cells) => cells[1] ?? '');
    expect((dates2[0] ?? '') <= (dates[dates.length - 1] ?? ''), 'page 2 continues after page 1 in date order').toBe(true);
    await shot(page, 'members-pages-01-joined-page2');

    // 姓名: by pinyin; a reload keeps the order, Back returns to the previous one.
    await pickSort(page, '姓名');
    await page.waitForURL(/[?&]sort=name/);
    await pageNo(page, 1);
    await page.waitForSelector('[data-testid="member-name"]');
    await page.reload();
    await page.waitForSelector('[data-testid="member-sort"] .ant-select-selection-item:has-text("姓名")');
    await page.waitForSelector('[data-testid="member-name"]');
    await page.goBack();
    await page.waitForURL(/[?&]sort=joinedAt/);
    await page.waitForSelector('[data-testid="member-sort"] .ant-select-selection-item:has-text("入会日期")');
    await pickSort(page, '默认');
    await page.waitForURL((url) => !url.searchParams.has('sort'));
    await page.context().close();
  },
};

export const memberPageJourneys: Journey[] = [keysetPages];
