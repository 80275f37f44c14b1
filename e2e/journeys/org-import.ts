// 组织批量导入: on 组织管理 the district cadre opens 批量导入, downloads the blank template, fills a new street and two
// unions under it (one with a wrong 统一社会信用代码 check character), uploads it and sees the 预检 row error (原表行号,
// column, Chinese reason); uploads the corrected file, sees it clean, confirms, and finds the new street in the tree.
// Screenshots of the 预检 with the row error and of the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { usccCheckChar } from '@gonghui/common';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { expect } from './expect.ts';
import { login, newPage } from './common.ts';

const modal = '[data-testid="org-import-modal"]';
const body17 = '91320102MA1X0E2E3';
const uscc = `${body17}${usccCheckChar(body17)}`;
const wrong = `${body17}${uscc.endsWith('1') ? '2' : '1'}`;

async function fill(template: string, out: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('组织名册');
  if (!ws) throw new Error('the template has no 组织名册 sheet');
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => cols.set(String(cell.text).replace(/\*/g, ''), col));
  const header = ['组织名称', '上级组织', '层级', '类型', '统一社会信用代码'];
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    header.forEach((h, j) => {
      const c = cols.get(h);
      if (c === undefined) throw new Error(`template column ${h} missing`);
      row.getCell(c).value = r[j] ?? '';
    });
    row.commit();
  });
  await wb.xlsx.writeFile(out);
}

const orgImport: Journey = {
  name: '区总工会干部批量导入组织名册：预检出错、修改后确认导入',
  async run({ app, browser }) {
    const page = await newPage(browser);
    await login(page, app.baseUrl, 'district_admin', DEMO_PASSWORD);
    await page.goto(`${app.baseUrl}/orgs`);
    await page.click('[data-testid="org-import-open"]');
    await page.waitForSelector(`${modal} [data-testid="org-import-template"]`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-e2e-orgs-'));
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="org-import-template"]'),
    ]);
    expect(download.suggestedFilename(), 'the template file').toContain('组织名册导入模板.xlsx');
    const template = path.join(dir, 'template.xlsx');
    await download.saveAs(template);

    const rows = [
      ['新港街道', '', '乡镇/街道总工会', '', ''],
      ['新港社区工会', '新港街道', '基层工会', '社区/村工会', ''],
      ['新港物流公司工会', '新港街道', '基层工会', '非公企业工会', wrong],
    ];
    const bad = path.join(dir, '组织名册-有误.xlsx');
    await fill(template, bad, rows);
    await page.setInputFiles(`${modal} input[type="file"]`, bad);
    await page.waitForSelector('[data-testid="org-import-errors"] tr.ant-table-row');
    const check = (await page.textContent('[data-testid="org-import-check"]')) ?? '';
    expect(check, 'the counts').toContain('共 3 行：将新建 2 个组织，更新 0 个组织，1 行有错误');
    const cells = await page.$$eval('[data-testid="org-import-errors"] tr.ant-table-row td', (tds) =>
      tds.map((td) => (td.textContent ?? '').trim()),
    );
    expect(cells.slice(0, 2).join('|'), 'the row error: Excel row and column').toBe('4|统一社会信用代码');
    expect(cells[2] ?? '', 'the reason in Chinese').toContain('校验位');
    expect(await page.isDisabled('[data-testid="org-import-confirm"]'), 'no import with errors').toBe(true);
    await shot(page, 'orgs-import-01-row-error');

    const fixed = path.join(dir, '组织名册.xlsx');
    await fill(
      template,
      fixed,
      rows.map((r) => (r[0] === '新港物流公司工会' ? [...r.slice(0, 4), uscc] : r)),
    );
    await page.click('[data-testid="org-import-reupload"]');
    await page.setInputFiles(`${modal} input[type="file"]`, fixed);
    await page.waitForFunction(() => document.querySelector('[data-testid="org-import-check"]')?.textContent?.includes('0 行有错误'));
    await page.click('[data-testid="org-import-confirm"]');
    await page.waitForSelector('[data-testid="org-import-result"]');
    expect(await page.textContent('[data-testid="org-import-result"]'), 'the import').toContain('3');
    await shot(page, 'orgs-import-02-done');
    await page.click('[data-testid="org-import-done"]');
    await page.waitForSelector('[data-testid="org-tree-node"]:has-text("新港街道")');
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  },
};

export const orgImportJourneys: Journey[] = [orgImport];
