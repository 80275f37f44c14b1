// 医疗互助 journey (issue 11): the district's cadre sets up this year's plan through the API, the grassroots union
// enrols by headcount and submits a member's claim (also through the API); in the console the grassroots cadre finds
// the claim — the diagnosis hidden — and verifies it (审核通过); the district's cadre opens it from 工作台, reviews it
// with a lower payout and a reason (复核), and pays it (赔付); the list shows it paid. Screenshots of the new pages at
// 1440×900 and at phone width 390×844.
//
// Accounts: the demo seed's district_admin and union_admin (a grassroots union inside the district's subtree).
import type { Page } from 'playwright-core';
import { idCheckChar } from '@gonghui/common';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

const YEAR = new Date().getFullYear();
const MEMBER = '周互助';
const ID_17 = `11010519790612${String((YEAR + 7) % 1000).padStart(3, '0')}`;
const ID_NUMBER = `${ID_17}${idCheckChar(ID_17)}`;
const DIAGNOSIS = '腰椎间盘突出症（住院手术）';

/** The 1440×900 screenshot, then the same page at phone width 390×844. */
async function shots(page: Page, name: string, ready: string): Promise<void> {
  await page.waitForSelector(ready);
  await page.mouse.move(0, 0);
  await shot(page, `mutual-aid-${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector(ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shot(page, `mutual-aid-${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** A JSON call as the page's logged-in cadre (session cookie and CSRF header). */
async function call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const csrf = /(?:^|; )csrf_token=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch(url, {
        method,
        headers:
          body === undefined
            ? { 'x-csrf-token': decodeURIComponent(csrf) }
            : { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { method, url, body },
  );
}

async function orgIdOf(page: Page): Promise<number> {
  const me = await call(page, 'GET', '/api/v1/me');
  return (me.body.user as { orgId: number }).orgId;
}

/** District: this year's plan; grassroots: its enrolment, the member and the claim. Returns the claim's id. */
async function setUp(district: Page, union: Page): Promise<number> {
  const classes = [{ code: 'active', premium: 12_000, perClaimCap: 300_000, yearlyCap: 500_000 }];
  const plan = await call(district, 'POST', '/api/v1/mutual-aid/plans', { orgId: await orgIdOf(district), year: YEAR, classes });
  expect(plan.status, `plan ${JSON.stringify(plan.body)}`).toBe(201);
  const planId = plan.body.id as number;
  const unitId = await orgIdOf(union);
  const enrolment = await call(union, 'POST', '/api/v1/mutual-aid/enrolments', {
    planId,
    orgId: unitId,
    classCode: 'active',
    headcount: 50,
    enrolledAt: `${YEAR}-01-10`,
  });
  expect(enrolment.status, `enrolment ${JSON.stringify(enrolment.body)}`).toBe(201);
  const member = await call(union, 'POST', '/api/v1/members', { orgId: unitId, name: MEMBER, idNumber: ID_NUMBER, joinedAt: '2018-05-01' });
  expect(member.status, `member ${JSON.stringify(member.body)}`).toBe(201);
  const claim = await call(union, 'POST', '/api/v1/mutual-aid/claims', {
    planId,
    memberId: member.body.id,
    classCode: 'active',
    kind: 'inpatient',
    invoiceTotal: 260_000,
    diagnosis: DIAGNOSIS,
  });
  expect(claim.status, `claim ${JSON.stringify(claim.body)}`).toBe(201);
  expect(JSON.stringify(claim.body), 'the claim answers without the diagnosis').notToContain('腰椎');
  return claim.body.id as number;
}

/** Grassroots: the list, the detail with the diagnosis hidden, 审核通过. */
async function verify(page: Page, base: string, id: number): Promise<void> {
  await page.goto(`${base}/mutual-aid/claims`);
  const row = page.locator('tr.ant-table-row', { hasText: MEMBER });
  await row.waitFor();
  expect(await row.textContent(), 'the list row').toContain('待审核');
  expect(await row.textContent(), 'the list masks the ID number').notToContain(ID_NUMBER);
  await shots(page, '01-claims-submitted', 'tr.ant-table-row');
  await row.locator('[data-testid="mutual-aid-claim-number"]').click();
  await page.waitForURL(`**/mutual-aid/claims/${id}`);
  await page.waitForSelector('[data-testid="mutual-aid-action-verify"]');
  const detail = (await page.textContent('[data-testid="mutual-aid-claim-detail"]')) ?? '';
  expect(detail, 'the diagnosis is hidden').notToContain('腰椎');
  expect(detail, 'the hidden diagnosis is said so').toContain('健康信息已隐藏');
  expect(detail, 'what the rules give').toContain('2,600.00');
  await shots(page, '02-claim-submitted', '[data-testid="mutual-aid-action-verify"]');
  await page.click('[data-testid="mutual-aid-action-verify"]');
  await page.waitForSelector('[data-testid="mutual-aid-status"][data-status="verified"]');
}

/** District: the to-do opens the claim; 复核 with a lower payout and a reason, then 赔付. */
async function reviewAndPay(page: Page, base: string, id: number): Promise<void> {
  await page.goto(`${base}/`);
  await page.waitForSelector('[data-testid="workbench"]');
  const item = `[data-testid="todo-item"][data-type="mutual_aid_claim"][data-case-id="${id}"]`;
  await page.waitForSelector(item);
  expect(await page.textContent(`${item} .ant-tag`), 'to-do type label').toContain('医疗互助');
  await page.click(`${item} a`);
  await page.waitForURL(`**/mutual-aid/claims/${id}`);
  await page.waitForSelector('[data-testid="mutual-aid-action-review"]');
  const payout = page.locator('[data-testid="mutual-aid-payout"] input, input[data-testid="mutual-aid-payout"]').first();
  await payout.fill('2000');
  await page.fill('[data-testid="mutual-aid-reason"]', '部分自费药品不在互助报销范围');
  await shots(page, '03-claim-review', '[data-testid="mutual-aid-reason"]');
  await page.click('[data-testid="mutual-aid-action-review"]');
  await page.waitForSelector('[data-testid="mutual-aid-status"][data-status="reviewed"]');
  expect(await page.textContent('[data-testid="mutual-aid-payout-text"]'), 'the payout fixed at review').toContain('2,000.00');
  await page.click('[data-testid="mutual-aid-action-pay"]');
  await page.waitForSelector('[data-testid="mutual-aid-status"][data-status="paid"]');
  const detail = (await page.textContent('[data-testid="mutual-aid-claim-detail"]')) ?? '';
  for (const step of ['提交申请', '基层审核', '复核', '赔付']) expect(detail, 'the timeline').toContain(step);
  expect(detail, 'the reason is recorded').toContain('部分自费药品不在互助报销范围');
  expect(detail, 'still no diagnosis').notToContain('腰椎');
  await shots(page, '04-claim-paid', '[data-testid="mutual-aid-status"][data-status="paid"]');

  await page.goto(`${base}/mutual-aid/claims?status=paid`);
  const row = page.locator('tr.ant-table-row', { hasText: MEMBER });
  await row.waitFor();
  expect(await row.textContent(), 'the paid claim in the list').toContain('已赔付');
  await shots(page, '05-claims-paid', 'tr.ant-table-row');
}

const claimToPayment: Journey = {
  name: '医疗互助：基层提交报销申请并审核，区总在工作台复核（调整赔付金额并说明理由）并赔付',
  async run({ app, browser }) {
    const union = await newPage(browser);
    const district = await newPage(browser);
    const pages = [union, district];
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
      await login(district, app.baseUrl, 'district_admin', DEMO_PASSWORD);
      await login(union, app.baseUrl, 'union_admin', DEMO_PASSWORD);
      const id = await setUp(district, union);
      await verify(union, app.baseUrl, id);
      await reviewAndPay(district, app.baseUrl, id);
      const plans = await call(district, 'GET', `/api/v1/mutual-aid/plans?year=${YEAR}`);
      const planId = (plans.body.items as { id: number }[])[0]?.id;
      await district.goto(`${app.baseUrl}/mutual-aid/plans/${planId}`);
      await shots(district, '06-plan', '[data-testid="mutual-aid-plan-detail"] .ant-table-row');
      expect(pageErrors.join('\n'), 'uncaught errors in the page').toBe('');
    } catch (err) {
      for (const [i, p] of pages.entries()) await shot(p, `mutual-aid-failed-${i}`).catch(() => undefined);
      throw err;
    } finally {
      for (const p of pages) await p.context().close();
    }
  },
};

export const mutualAidJourneys: Journey[] = [claimToPayment];
