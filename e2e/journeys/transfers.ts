// 会员接转 journey on the casework kernel: a cadre starts a transfer of a member into another union (picked from the
// federation-wide directory, with a reason); the receiving union's cadre finds it in 工作台 (待办), returns it with an
// opinion; the sender sees the opinion and sends the member again; the receiver accepts. Each case's timeline shows
// every step with who acted for which union. A stale page that still offers 撤回 is refused (409) and reloads.
//
// Accounts: the demo seed (server/src/bootstrap/demo.ts) has a single grassroots cadre, union_admin, at the first
// grassroots union; its street's cadre, street_admin, manages the sibling unions of the same street. So the member
// moves from a sibling union (sender: street_admin) into union_admin's union (receiver: union_admin). If the seed
// gains a second grassroots account, SENDER can become that account unchanged otherwise.
import type { Page } from 'playwright-core';
import { maskName } from '@gonghui/common';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

const SENDER = 'street_admin';
const RECEIVER = 'union_admin';
const REASON = '工作调动，调入该单位';
const OPINION = '经核实该同志尚未与本单位签订劳动合同，请核实后再办理';

interface Step {
  action: string;
  text: string;
}

async function steps(page: Page): Promise<Step[]> {
  await page.waitForSelector('[data-testid="transfer-timeline"]');
  return page.$$eval('[data-testid="transfer-step"]', (els) =>
    els.map((el) => ({ action: el.getAttribute('data-action') ?? '', text: (el.textContent ?? '').trim() })),
  );
}

async function waitForStatus(page: Page, label: string): Promise<void> {
  await page.waitForSelector(`[data-testid="transfer-detail"] [data-testid="transfer-status"]:text-is("${label}")`);
}

/** A current member of the roster who is not in the receiving union: id and name. */
async function pickMember(page: Page, receiverOrg: string): Promise<{ id: string; name: string }> {
  await page.waitForSelector('[data-testid="member-name"]');
  const rows = await page.$$eval('.ant-pro-table tr.ant-table-row', (trs) =>
    trs.map((tr) => {
      const link = tr.querySelector('[data-testid="member-name"]');
      const cells = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
      return {
        id: link?.getAttribute('data-member-id') ?? '',
        name: (link?.textContent ?? '').trim(),
        org: cells[4] ?? '',
        status: cells[2] ?? '',
      };
    }),
  );
  const row = rows.find((r) => r.id && r.org !== receiverOrg && r.status === '在籍');
  expect(row, 'a current member outside the receiving union in the roster').toBeTruthy();
  return { id: row?.id ?? '', name: row?.name ?? '' };
}

/** From the roster: the member's detail, 接转, the receiving union from the directory, the reason; returns the case id. */
async function startTransfer(page: Page, baseUrl: string, member: { id: string; name: string }, receiverOrg: string): Promise<string> {
  await page.goto(`${baseUrl}/members`);
  await page.click(`[data-testid="member-name"][data-member-id="${member.id}"]`);
  await page.waitForSelector('[data-testid="member-drawer"] [data-testid="member-detail-name"]');
  await page.click('[data-testid="transfer-start"]');
  const modal = '.ant-modal:has([data-testid="transfer-form"])';
  await page.waitForSelector(modal);
  // Both fields are required: submitting empty says so and sends nothing.
  await page.click(`${modal} [data-testid="transfer-submit"]`);
  await page.waitForSelector(`${modal} .ant-form-item-explain-error:has-text("请选择转入工会")`);
  await page.waitForSelector(`${modal} .ant-form-item-explain-error:has-text("请填写转出原因")`);
  await page.fill('#transfer-target', receiverOrg);
  const option = `.ant-select-dropdown .ant-select-item-option:is([title="${receiverOrg}"], [title^="${receiverOrg}（"])`;
  await page.waitForSelector(option);
  const label = (await page.getAttribute(option, 'title')) ?? '';
  expect(label === receiverOrg || /^.+（.+）$/.test(label), 'directory option shows 名称（上级）').toBe(true);
  await page.click(option);
  await page.fill('#transfer-reason', REASON);
  await shot(page, 'transfers-01-start');
  await page.click(`${modal} [data-testid="transfer-submit"]`);
  await page.waitForURL(/\/transfers\/\d+$/);
  await page.waitForSelector('[data-testid="transfer-detail"]');
  const id = /\/transfers\/(\d+)$/.exec(page.url())?.[1] ?? '';
  expect(id, 'the new case opens').toBeTruthy();
  await waitForStatus(page, '待接收');
  // Cases show the member's name masked (the receiving union does not hold the member yet).
  expect(await page.textContent('[data-testid="transfer-member"]'), 'case member').toBe(maskName(member.name));
  expect(await page.textContent('[data-testid="transfer-to"]'), 'case receiving union').toBe(receiverOrg);
  const first = await steps(page);
  expect(first.map((s) => s.action).join(','), 'a new case has one step').toBe('submit');
  expect(first[0]?.text, 'the first step').toContain('发起接转');
  return id;
}

/** The receiver's 工作台 lists the case; its row opens it. */
async function openFromWorkbench(page: Page, baseUrl: string, caseId: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('[data-testid="workbench"]');
  const item = `[data-testid="todo-item"][data-case-id="${caseId}"]`;
  await page.waitForSelector(item);
  expect(await page.getAttribute(item, 'data-type'), 'todo type').toBe('member_transfer');
  expect(await page.textContent(item), 'todo row').toContain('会员接转');
  await page.click(`${item} a`);
  await page.waitForURL(`**/transfers/${caseId}`);
  await page.waitForSelector('[data-testid="transfer-detail"]');
}

async function noTodo(page: Page, baseUrl: string, caseId: string): Promise<void> {
  const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/todos' && r.ok());
  await page.goto(`${baseUrl}/`);
  await loaded;
  await page.waitForSelector('[data-testid="todo-list"] .ant-list:not(:has(.ant-spin-spinning))');
  expect(await page.locator(`[data-testid="todo-item"][data-case-id="${caseId}"]`).count(), `case ${caseId} is no longer a todo`).toBe(0);
}

const rejectThenAccept: Journey = {
  name: '会员接转：发起、转入工会在工作台退回并填写意见、重新发起、接收，办理过程完整',
  async run({ app, browser }) {
    const sender = await newPage(browser);
    const receiver = await newPage(browser);
    const pageErrors: string[] = [];
    for (const p of [sender, receiver]) p.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await login(receiver, app.baseUrl, RECEIVER, DEMO_PASSWORD);
      const receiverOrg = ((await receiver.textContent('[data-testid="current-org"]')) ?? '').trim();
      expect(receiverOrg, 'the receiving union').toBeTruthy();
      await login(sender, app.baseUrl, SENDER, DEMO_PASSWORD);
      await sender.goto(`${app.baseUrl}/members`);
      const member = await pickMember(sender, receiverOrg);

      // 1. The sender starts the transfer; the member detail then shows 接转中, linking to the case.
      const first = await startTransfer(sender, app.baseUrl, member, receiverOrg);
      await sender.goto(`${app.baseUrl}/members`);
      await sender.click(`[data-testid="member-name"][data-member-id="${member.id}"]`);
      await sender.waitForSelector(`[data-testid="member-transfer-link"][data-transfer-id="${first}"]`);
      expect(await sender.locator('[data-testid="transfer-start"]').count(), 'no second transfer while one is open').toBe(0);
      await sender.click('[data-testid="member-transfer-link"]');
      await sender.waitForURL(`**/transfers/${first}`);

      // 2. The receiver finds it in 工作台 and returns it; the opinion is required.
      await openFromWorkbench(receiver, app.baseUrl, first);
      await shot(receiver, 'transfers-02-receiver-case');
      await receiver.click('[data-testid="transfer-action-reject"]');
      await receiver.click('[data-testid="transfer-reject-submit"]');
      await receiver.waitForSelector('.ant-form-item-explain-error:has-text("请填写退回意见")');
      await receiver.fill('[data-testid="transfer-opinion"]', OPINION);
      await receiver.click('[data-testid="transfer-reject-submit"]');
      await waitForStatus(receiver, '已退回');
      expect(await receiver.locator('[data-testid^="transfer-action-"]').count(), 'no actions on a returned case').toBe(0);
      await noTodo(receiver, app.baseUrl, first);

      // 3. The sender sees the return with the receiver's opinion and union, and sends the member again.
      await sender.reload();
      await waitForStatus(sender, '已退回');
      const returned = await steps(sender);
      expect(returned.map((s) => s.action).join(','), 'returned case steps').toBe('submit,reject');
      expect(returned[1]?.text, 'the return step').toContain('退回');
      expect(returned[1]?.text, 'the return step').toContain(OPINION);
      expect(returned[1]?.text, 'the return step names the receiving union').toContain(receiverOrg);
      await shot(sender, 'transfers-03-returned');
      const second = await startTransfer(sender, app.baseUrl, member, receiverOrg);
      expect(second !== first, 'sending again opens a new case').toBe(true);
      const staleWithdraw = (await sender.locator('[data-testid="transfer-action-withdraw"]').count()) > 0;

      // 4. The receiver accepts the new case.
      await openFromWorkbench(receiver, app.baseUrl, second);
      await receiver.click('[data-testid="transfer-action-accept"]');
      await waitForStatus(receiver, '已接收');
      const accepted = await steps(receiver);
      expect(accepted.map((s) => s.action).join(','), 'accepted case steps').toBe('submit,accept');
      expect(accepted[0]?.text, 'the first step').toContain('发起接转');
      expect(accepted[1]?.text, 'the accept step').toContain('接收');
      expect(accepted[1]?.text, 'the accept step names the receiving union').toContain(receiverOrg);
      await shot(receiver, 'transfers-04-accepted');
      await noTodo(receiver, app.baseUrl, second);

      // 5. The sender's page still offers 撤回 from before the acceptance: the server refuses (409), the page says
      // why in Chinese and shows the case as it is now.
      if (staleWithdraw) {
        await sender.click('[data-testid="transfer-action-withdraw"]');
        await sender.click('#transfer-withdraw-confirm');
        await sender.waitForSelector('.ant-message-error');
        expect(((await sender.textContent('.ant-message-error')) ?? '').trim(), 'the refusal is explained').toMatch(/[\u4e00-\u9fa5]/);
        await waitForStatus(sender, '已接收');
        expect(await sender.locator('[data-testid="transfer-action-withdraw"]').count(), 'no 撤回 after acceptance').toBe(0);
      } else {
        await sender.reload();
        await waitForStatus(sender, '已接收');
      }
      expect((await steps(sender)).map((s) => s.action).join(','), 'the sender sees the same steps').toBe('submit,accept');

      // 6. 转出 lists both cases with their states.
      await sender.goto(`${app.baseUrl}/transfers`);
      await sender.click('[data-testid="transfer-tab-out"]');
      await sender.waitForSelector(`[data-testid="transfer-open"][data-transfer-id="${second}"]`);
      const rows = await sender.$$eval('[data-testid="transfer-table"] tr.ant-table-row', (trs) =>
        trs.map((tr) => (tr.textContent ?? '').trim()),
      );
      expect(
        rows.some((r) => r.includes(maskName(member.name)) && r.includes('已接收')),
        '已接收 in 转出',
      ).toBe(true);
      expect(
        rows.some((r) => r.includes(maskName(member.name)) && r.includes('已退回')),
        '已退回 in 转出',
      ).toBe(true);
      await shot(sender, 'transfers-05-outgoing');
      expect(pageErrors.join('\n'), 'uncaught errors in the page').toBe('');
    } finally {
      await sender.context().close();
      await receiver.context().close();
    }
  },
};

export const transferJourneys: Journey[] = [rejectThenAccept];
