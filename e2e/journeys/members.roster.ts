// Roster checks of the member journey: which columns each screen shows, and the opened member kept in the URL.
import type { Page } from 'playwright-core';
import { maskIdNumber, maskPhone } from '@gonghui/common';
import { expect } from './expect.ts';
import type { Row } from './members.ts';

/** The text of each cell of the table rows under `scope`. */
export async function tableRows(page: Page, scope: string): Promise<string[][]> {
  return page.$$eval(`${scope} tr.ant-table-row`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
}

/** At 1440 px the key columns are in view; at 1680 px every column shows, in order. Returns the wide rows. */
export async function checkRosterColumns(page: Page, valid: Row[], orgName: string): Promise<string[][]> {
  // At 1440 px 入会日期 and 会籍状态 sit beside the name, in view without scrolling.
  for (const title of ['入会日期', '会籍状态']) {
    const th = await page.$eval(
      `.ant-pro-table th.ant-table-cell:text-is("${title}")`,
      (el) => el.getBoundingClientRect().right <= (el.closest('.ant-table-container')?.getBoundingClientRect().right ?? 0),
    );
    expect(th, `${title} in view at 1440 px`).toBe(true);
  }
  // A wide screen shows every column: name, join date, status, ID, union, gender, birth year, phone, category.
  await page.setViewportSize({ width: 1680, height: 900 });
  await page.waitForSelector('.ant-pro-table th.ant-table-cell:text-is("出生年份")');
  const roster = await tableRows(page, '.ant-pro-table');
  for (const m of valid) {
    const cells = roster.find((c) => c[0] === m.name);
    expect(cells, `${m.name} in the roster`).toBeTruthy();
    expect(cells?.[1], `${m.name}'s join date (a date cell in Excel)`).toBe(m.joinedAt.toISOString().slice(0, 10));
    expect(cells?.[2], `${m.name}'s status`).toBe('在籍');
    expect(cells?.[3], `${m.name}'s ID number in the roster`).toBe(maskIdNumber(m.idNumber));
    expect(cells?.[4], `${m.name}'s union`).toBe(orgName);
    // Only the birth year: the full date beside the masked ID number would let it be rebuilt.
    expect(cells?.[6], `${m.name}'s birth year from the ID number`).toBe(m.idNumber.slice(6, 10));
    expect(cells?.[7], `${m.name}'s phone in the roster`).toBe(m.phone ? maskPhone(m.phone) : '—');
    const category = m.rosterCategory ?? m.category;
    if (category) expect(cells?.[8], `${m.name}'s category`).toContain(category);
  }
  return roster;
}

export async function checkMemberInUrl(page: Page, name: string): Promise<void> {
  // The opened member is named in the URL: a reload reopens the drawer, Back closes it.
  await page.click(`[data-testid="member-name"]:text-is("${name}")`);
  await page.waitForURL(/[?&]member=\d+/);
  await page.reload();
  await page.waitForSelector(`[data-testid="member-drawer"] [data-testid="member-detail-name"]:has-text("${name}")`);
  await page.goBack();
  await page.waitForSelector('[data-testid="member-drawer"] [data-testid="member-detail-name"]', { state: 'hidden' });
  expect(new URL(page.url()).searchParams.has('member'), 'Back leaves the member').toBe(false);
}
