// A large roster on the embedded database (decision 0011): while a grassroots cadre's 40,000-row import writes its
// members, the wizard says so (校验完成，正在写入会员名册), and a colleague who opens 会员管理 meanwhile gets the
// roster in seconds, not after the whole publish. Runs last: it adds 40,000 members to the demo union.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { idCheckChar } from '@gonghui/common';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

const ROWS = 40_000;

/** Valid ID numbers born 2003–2005 (outside the demo seed) in a district code no other journey uses. */
function* idNumbers(): Generator<string> {
  const start = Date.UTC(2003, 0, 1);
  for (let day = 0; ; day++) {
    const birth = new Date(start + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    for (let s = 0; s < 100; s++) {
      const body = `320104${birth}${String(s).padStart(2, '0')}${s % 10}`;
      yield body + idCheckChar(body);
    }
  }
}

async function writeRoster(file: string): Promise<void> {
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = w.addWorksheet('会员名册');
  ws.addRow(['姓名', '身份证号', '入会日期']).commit();
  const ids = idNumbers();
  for (let i = 0; i < ROWS; i++) ws.addRow([`欧阳${i}`, ids.next().value, '2025-03-01']).commit();
  await w.commit();
}

const bigImport: Journey = {
  name: '大名册导入：写入期间向导显示进度，另一位干部打开会员管理照常可用',
  async run({ app, browser }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-e2e-big-'));
    const page = await newPage(browser);
    const colleague = await newPage(browser);
    try {
      const file = path.join(dir, '会员名册-四万人.xlsx');
      await writeRoster(file);
      await login(page, app.baseUrl, 'union_admin', DEMO_PASSWORD);
      await login(colleague, app.baseUrl, 'union_admin', DEMO_PASSWORD);

      await page.click('a[href="/members"]:has-text("会员管理")');
      await page.waitForSelector('[data-testid="member-name"]');
      await page.click('[data-testid="member-import-button"]');
      const wizard = '.ant-modal:has-text("导入会员名册")';
      await page.click(`${wizard} [data-testid="import-next"]`);
      await page.setInputFiles(`${wizard} input[type="file"]`, file);
      await page.waitForSelector(`${wizard} [data-testid="import-check-result"]`, { timeout: 120_000 });
      expect(await page.textContent(`${wizard} [data-testid="import-check-result"]`), 'dry run').toContain(
        `共 ${ROWS} 行：可导入 ${ROWS} 条`,
      );
      await page.click(`${wizard} [data-testid="import-next"]`);
      await page.click(`${wizard} [data-testid="import-confirm"]`);

      // The members are being written: the wizard says so, and the roster still answers a colleague.
      await page.waitForSelector(`${wizard} [data-testid="import-progress"]:has-text("正在写入会员名册")`, { timeout: 120_000 });
      await shot(page, 'members-big-import-publishing');
      const started = Date.now();
      await colleague.goto(`${app.baseUrl}/members`);
      await colleague.waitForSelector('[data-testid="member-name"]');
      const rosterMs = Date.now() - started;
      const stillWriting = await page.isVisible(`${wizard} [data-testid="import-progress"]:has-text("正在写入会员名册")`);
      console.log(`  roster opened in ${rosterMs} ms while the import was writing (still writing after: ${stillWriting})`);
      // The colleague is served between the import's parts, not after the whole publish (decision 0011): the import is
      // still writing when the roster shows. The time is printed, not asserted (1.7–3.0 s here, with CI's load).
      expect(stillWriting, `the roster waited for the whole import (${rosterMs} ms)`).toBe(true);
      expect(rosterMs < 10_000, `roster during the import took ${rosterMs} ms`).toBe(true);

      await page.waitForSelector(`${wizard} [data-testid="import-result"]`, { timeout: 180_000 });
      const result = ((await page.textContent(`${wizard} [data-testid="import-result"]`)) ?? '').replace(/\s+/g, '');
      expect(result, 'import result').toContain(`新增${ROWS.toLocaleString('en-US')}条更新0条跳过0条失败0条`);
      await shot(page, 'members-big-import-done');
    } finally {
      await page.context().close();
      await colleague.context().close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const bigImportJourneys: Journey[] = [bigImport];
