// 统计与目标 journeys: the root's cadres set this year's targets for their children, look at the dashboard and the
// statistics with drill-down, generate the first-half work summary and download it as .docx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

/** antd puts data-testid on the InputNumber's input or on its wrapper, depending on the version. */
function inputOf(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]`).locator('xpath=descendant-or-self::input').first();
}

/** Clicks a download button and returns the saved file's bytes and name. */
async function downloaded(page: Page, selector: string): Promise<{ bytes: Buffer; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-dl-'));
  const file = path.join(dir, 'file');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return { bytes, name: download.suggestedFilename() };
}

async function setTargets(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/targets`);
  await page.waitForSelector('[data-testid="child-targets-table"] .ant-table-row');
  await page.waitForSelector('[data-testid="time-progress"]');
  const progress = (await page.textContent('[data-testid="time-progress"]')) ?? '';
  expect(/\d+\.\d{2}%/.test(progress), `time progress with two decimals (${progress})`).toBe(true);

  // The root org sets its own targets, then splits them among its children.
  for (const [key, value] of [
    ['orgs.founded', '40'],
    ['members.joined', '600'],
  ] as const) {
    await inputOf(page, `own-target-input-${key}`).fill(value);
  }
  await page.click('[data-testid="own-targets-save"]');
  await page.waitForSelector('.ant-message-success');

  const inputs = page.locator('[data-testid^="target-input-"]').locator('xpath=descendant-or-self::input');
  const count = await inputs.count();
  expect(count > 0, 'target inputs for the children').toBe(true);
  for (let i = 0; i < count; i++) {
    const testId = (await page.locator('[data-testid^="target-input-"]').nth(i).getAttribute('data-testid')) ?? '';
    // A value different from any seeded one, so every row becomes a change to save.
    const current = Number((await inputs.nth(i).inputValue()) || '0');
    await inputs.nth(i).fill(String(current + (testId.endsWith('orgs.founded') ? 2 : 30)));
  }
  await page.click('[data-testid="targets-save-all"]');
  await page.waitForSelector('.ant-message-success:has-text("下级组织的目标")');
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="target-percent"]')];
    return cells.length > 0 && cells.every((c) => /%$/.test(c.textContent ?? ''));
  });
  const split = (await page.textContent('[data-testid="child-targets-table"] .ant-table-summary')) ?? '';
  expect(split, '层层分解 row').toContain('下级合计');
  await page.mouse.move(0, 0);
  await shot(page, 'reports-01-targets');
}

async function dashboard(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/dashboard`);
  await page.waitForSelector('[data-testid="kpi-members.total"] .dash-kpi-value');
  await page.waitForSelector('[data-testid="chart-trend"] canvas');
  await page.waitForSelector('[data-testid="chart-rank"] canvas');
  await page.waitForSelector('[data-testid="chart-completion"] canvas');
  const total = (await page.textContent('[data-testid="kpi-members.total"] .dash-kpi-value')) ?? '';
  expect(/[1-9]/.test(total), `会员总数 on the dashboard (${total})`).toBe(true);
  const completion = (await page.textContent('[data-testid="kpi-completion"]')) ?? '';
  expect(completion, 'completion KPI').toContain('时间进度');
  await page.waitForTimeout(500);
  await shot(page, 'reports-02-dashboard');
}

async function statsDrillDown(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/stats`);
  await page.click('[data-testid="period-year"]');
  const card = '[data-testid="indicator-card-members.total"]';
  await page.waitForSelector(`${card} a[data-testid="indicator-value"]`);
  await page.waitForSelector('[data-testid="stats-children-table"] .ant-table-row');
  await shot(page, 'reports-04-stats');
  const xlsx = await downloaded(page, '[data-testid="stats-export"]');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1'), 'children export is an xlsx (zip)').toBe('PK');
  await page.click(`${card} a[data-testid="indicator-value"]`);
  await page.waitForSelector('[data-testid="records-table"] .ant-table-row');
  const records = (await page.textContent('[data-testid="records-table"]')) ?? '';
  expect(records, 'drill-down lists members').toContain('在籍');
  await page.waitForTimeout(400);
  await shot(page, 'reports-05-drilldown');
  await page.keyboard.press('Escape');
}

async function summary(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/summaries`);
  await page.click('[data-testid="summary-create-button"]');
  await page.click('[data-testid="summary-period-H1"]');
  await page.click('#summary-create-submit');
  await page.waitForURL(/\/summaries\/\d+$/, { timeout: 60_000 });
  await page.waitForSelector('[data-testid="summary-text"] [data-testid="figure-token"]');
  const text = (await page.textContent('[data-testid="summary-text"]')) ?? '';
  expect(/\d+(家|人)/.test(text), 'summary text quotes figures (digits followed by 家 or 人)').toBe(true);
  expect(text, 'summary text').toContain('完成全年任务的');
  const title = (await page.textContent('[data-testid="summary-title"]')) ?? '';
  expect(title, 'summary title').toContain(String(new Date().getFullYear()));
  await shot(page, 'reports-03-summary');

  const docx = await downloaded(page, '[data-testid="summary-download-docx"]');
  expect(docx.bytes.length > 1000, `.docx size (${docx.bytes.length} bytes)`).toBe(true);
  expect(docx.bytes.subarray(0, 2).toString('latin1'), '.docx is a zip').toBe('PK');
  expect(docx.name, '.docx file name').toContain('.docx');
  const pdf = await downloaded(page, '[data-testid="summary-download-pdf"]');
  expect(pdf.bytes.subarray(0, 5).toString('latin1'), '.pdf header').toBe('%PDF-');

  // A cadre rewrites a sentence around a figure, saves, recomputes: the wording stays, the figure is still filled in.
  await page.click('[data-testid="summary-mode-edit"]');
  const first = page.locator('[data-testid="paragraph-input"]').first();
  const source = await first.inputValue();
  const token = /\{\{f\d+\}\}/.exec(source)?.[0] ?? '{{f1}}';
  await first.fill(`经各级工会共同努力，${token}，这是编辑后的文字。`);
  await page.click('[data-testid="summary-save"]');
  await page.waitForSelector('.ant-message-success:has-text("已保存")');
  await page.click('[data-testid="summary-refresh"]');
  await page.waitForSelector('.ant-message-success:has-text("数据已重新计算")');
  await page.reload();
  await page.waitForSelector('[data-testid="summary-text"] [data-testid="figure-token"]');
  const after = (await page.textContent('[data-testid="summary-text"]')) ?? '';
  expect(after, 'edited text after save and refresh').toContain('这是编辑后的文字');
  expect(/经各级工会共同努力，\d/.test(after), 'figure filled in after the edit').toBe(true);
}

const targetsDashboardSummary: Journey = {
  name: '市总工会干部下达并分解年度目标，查看数据看板，生成上半年工作总结并下载 Word',
  async run({ app, browser }) {
    const page = await newPage(browser);
    // Failed API calls are printed, so a failure says which endpoint answered what.
    page.on('response', (res) => {
      if (res.url().includes('/api/') && res.status() >= 400) {
        void res.text().then(
          (body) => console.log(`  ${res.request().method()} ${res.url()} → ${res.status()} ${body.slice(0, 300)}`),
          () => undefined,
        );
      }
    });
    await login(page, app.baseUrl, 'admin', ADMIN_PASSWORD);
    try {
      await setTargets(page, app.baseUrl);
      await dashboard(page, app.baseUrl);
      await statsDrillDown(page, app.baseUrl);
      await summary(page, app.baseUrl);
    } catch (err) {
      await shot(page, 'reports-failed').catch(() => undefined);
      throw err;
    } finally {
      await page.context().close();
    }
  },
};

export const reportJourneys: Journey[] = [targetsDashboardSummary];
