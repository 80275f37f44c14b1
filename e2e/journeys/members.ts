// Member registry journey: a grassroots cadre downloads the import template, fills it (good rows and bad ones),
// checks the preview (counts, Excel row numbers, Chinese reasons), imports, finds the new members in the roster with
// masked ID numbers and exports the filtered roster, which must hold only masked ID numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { idCheckChar, maskIdNumber } from '@gonghui/common';
import { DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';
import { checkMemberInUrl, checkRosterColumns, tableRows } from './members.roster.ts';

const FULL_ID = /\d{17}[\dX]/;
const MASKED_ID = /^\d{3}\*{11}\d{3}[\dX]$/;

/**
 * A valid 18-digit ID number (as server/src/test/factories.ts newIdNumber builds them). Birth years 2003–2005 lie
 * outside the demo seed's 1965–2002, so these never collide with a demo member. `wantX` looks for a sequence whose
 * check character is X, the case Excel users most often get wrong.
 */
function idNumber(birth: string, seq: number, female: boolean, wantX = false): string {
  for (let s = seq; s < seq + 200; s++) {
    const tens = String(s % 100).padStart(2, '0');
    const body = `320102${birth}${tens}${female ? 2 * (s % 5) : 2 * (s % 5) + 1}`;
    const check = idCheckChar(body);
    if (!wantX || check === 'X') return body + check;
  }
  throw new Error('no ID number with check character X');
}

/** The same number with a check character that is wrong. */
function withWrongCheck(id: string): string {
  const right = id.charAt(17);
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

export interface Row {
  name: string;
  idNumber: string;
  phone?: string;
  joinedAt: Date;
  category?: string;
  /** What the roster's 人员类别 column shows, where it is not the file's word (退休职工 is no category). */
  rosterCategory?: string;
}

const ok1: Row = {
  name: '司马晓东',
  idNumber: idNumber('20030415', 11, false, true),
  phone: '13912345678',
  joinedAt: new Date(Date.UTC(2024, 2, 15)),
  category: '农民工',
};
// A retiree as real rosters write her: imported, with a notice that 保留会籍 is set in 会员管理.
const ok2: Row = {
  name: '司马晓南',
  idNumber: idNumber('20040720', 23, true),
  joinedAt: new Date(Date.UTC(2025, 0, 8)),
  category: '退休职工',
  rosterCategory: '—',
};
const ok3: Row = {
  name: '司马晓中',
  idNumber: idNumber('20051102', 37, false),
  phone: '15800001111',
  joinedAt: new Date(Date.UTC(2025, 5, 30)),
};
const badCheck: Row = {
  name: '司马晓西',
  idNumber: withWrongCheck(idNumber('20040101', 41, true)),
  joinedAt: new Date(Date.UTC(2024, 8, 1)),
};
const duplicate: Row = { name: '司马晓北', idNumber: ok1.idNumber, joinedAt: new Date(Date.UTC(2024, 8, 1)) };

/** Data rows in file order; Excel row = index + 2 (row 1 is the header). */
const ROWS: Row[] = [ok1, ok2, badCheck, duplicate, ok3];
const VALID = [ok1, ok2, ok3];
const excelRow = (r: Row) => ROWS.indexOf(r) + 2;

async function saveDownload(page: Page, dir: string, trigger: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  return { file, name };
}

/** Column number (1-based) of each header in row 1, with the template's `*` marks removed. */
function headerColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => cols.set(String(cell.text).replace(/\*/g, '').trim(), col));
  return cols;
}

function column(cols: Map<string, number>, header: string): number {
  const col = cols.get(header);
  if (col === undefined) throw new Error(`column ${header} not found; headers: ${[...cols.keys()].join(', ')}`);
  return col;
}

async function fillTemplate(template: string, out: string, rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('会员名册');
  expect(ws, 'template has the 会员名册 sheet').toBeTruthy();
  if (!ws) return;
  const cols = headerColumns(ws);
  for (const h of ['姓名', '身份证号', '手机号', '入会日期', '人员类别', '性别', '所在工会']) column(cols, h);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(column(cols, '姓名')).value = r.name;
    row.getCell(column(cols, '身份证号')).value = r.idNumber;
    if (r.phone) row.getCell(column(cols, '手机号')).value = r.phone;
    row.getCell(column(cols, '入会日期')).value = r.joinedAt;
    if (r.category) row.getCell(column(cols, '人员类别')).value = r.category;
    row.commit();
  });
  await wb.xlsx.writeFile(out);
}

async function waitForMemberList(page: Page, match: (url: URL) => boolean): Promise<void> {
  await page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/v1/members' && r.request().method() === 'GET' && r.ok() && match(url);
  });
}

const importAndExport: Journey = {
  name: '基层工会干部下载模板导入会员，预览错误行，导入后在名册中看到脱敏的会员并导出',
  async run({ app, browser }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-e2e-members-'));
    const page = await newPage(browser);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await login(page, app.baseUrl, 'union_admin', DEMO_PASSWORD);

      // 会员管理 from the menu; the roster of the cadre's own union loads.
      const firstList = waitForMemberList(page, () => true);
      await page.click('a[href="/members"]:has-text("会员管理")');
      await page.waitForURL('**/members');
      await firstList;
      await page.waitForSelector('[data-testid="member-name"]');
      const orgName = ((await page.textContent('[data-testid="member-scope-org"]')) ?? '').trim();
      expect(orgName, 'roster header names the union').toBeTruthy();

      // 下载模板 in the toolbar gives the template the cadre fills in; the wizard's first step offers the same file.
      const template = await saveDownload(page, dir, () => page.click('[data-testid="member-template-button"]'));
      expect(template.name, 'template file name').toBe('会员导入模板.xlsx');
      await page.click('[data-testid="member-import-button"]');
      const wizard = '.ant-modal:has-text("导入会员名册")';
      await page.waitForSelector(`${wizard} [data-testid="import-step-0"]`);
      const again = await saveDownload(page, path.join(dir, 'wizard'), () => page.click('[data-testid="import-template"]'));
      expect(fs.readFileSync(again.file).length > 0 && again.name, 'template from the wizard').toBe(template.name);
      const upload = path.join(dir, '会员名册-e2e.xlsx');
      await fillTemplate(template.file, upload, ROWS);
      const allBad = path.join(dir, '会员名册-全部有误.xlsx');
      await fillTemplate(template.file, allBad, [badCheck]);

      // Step 2: upload; the server only checks the file (dry run) and the preview lists the refused rows.
      await page.click(`${wizard} [data-testid="import-next"]`);
      await page.waitForSelector(`${wizard} [data-testid="import-step-1"]`);
      // A file with nothing valid cannot go on, and the wizard says why; the cadre picks another file.
      await page.setInputFiles(`${wizard} input[type="file"]`, allBad);
      await page.waitForSelector(`${wizard} [data-testid="import-nothing-valid"]`, { timeout: 60_000 });
      expect(await page.textContent('[data-testid="import-nothing-valid"]'), 'nothing to import').toContain('没有可导入的记录');
      expect(await page.isDisabled(`${wizard} [data-testid="import-next"]`), 'next with nothing valid').toBe(true);
      await shot(page, 'members-00-nothing-valid');
      await page.click(`${wizard} [data-testid="import-reupload"]`);
      await page.setInputFiles(`${wizard} input[type="file"]`, upload);
      await page.waitForSelector(`${wizard} [data-testid="import-check-result"]`, { timeout: 60_000 });
      expect(await page.textContent('[data-testid="import-ok-count"]'), 'preview success count').toBe(`成功 ${VALID.length} 条`);
      expect(await page.textContent('[data-testid="import-bad-count"]'), 'preview failure count').toBe(
        `失败 ${ROWS.length - VALID.length} 条`,
      );
      expect(await page.textContent('[data-testid="import-check-result"]'), 'preview summary').toContain(
        `共 ${ROWS.length} 行：可导入 ${VALID.length} 条，有问题 ${ROWS.length - VALID.length} 条`,
      );
      const errors = await tableRows(page, `${wizard} [data-testid="import-errors"]`);
      const errorOf = (r: Row) => errors.find((cells) => cells[0] === String(excelRow(r)));
      expect(errors.length, 'one problem line per bad row').toBe(2);
      expect(errorOf(badCheck)?.[1], `row ${excelRow(badCheck)} column`).toBe('身份证号');
      expect(errorOf(badCheck)?.[2], `row ${excelRow(badCheck)} reason`).toBe('身份证号：身份证号校验位不正确，请核对');
      expect(errorOf(duplicate)?.[1], `row ${excelRow(duplicate)} column`).toBe('身份证号');
      expect(errorOf(duplicate)?.[2], `row ${excelRow(duplicate)} reason`).toBe(`身份证号：与第${excelRow(ok1)}行身份证号重复`);
      const notices = (await page.textContent(`${wizard} [data-testid="import-notices"]`)) ?? '';
      expect(notices.includes(String(excelRow(ok2))) && notices.includes('保留会籍'), 'the retiree row is listed among the notices').toBe(
        true,
      );
      await shot(page, 'members-01-import-preview');

      // The error report (原表行号, the file's columns, 错误原因) is what the cadre fixes the file from.
      const report = await saveDownload(page, dir, () => page.click(`${wizard} [data-testid="import-error-report"]`));
      const reportWb = new ExcelJS.Workbook();
      await reportWb.xlsx.readFile(report.file);
      const reportWs = reportWb.worksheets[0];
      expect(reportWs, 'error report has a sheet').toBeTruthy();
      if (!reportWs) return;
      const reportCols = headerColumns(reportWs);
      const reasons = new Map<number, string>();
      reportWs.eachRow((row, n) => {
        if (n > 1)
          reasons.set(Number(row.getCell(column(reportCols, '原表行号')).value), String(row.getCell(column(reportCols, '错误原因')).text));
      });
      expect([...reasons.keys()].join(','), 'error report rows').toBe(`${excelRow(badCheck)},${excelRow(duplicate)}`);
      expect(reasons.get(excelRow(badCheck)), 'error report reason').toContain('校验位不正确');
      expect(reasons.get(excelRow(duplicate)), 'error report reason').toContain(`与第${excelRow(ok1)}行身份证号重复`);

      // Step 3: confirm; the real import runs as a job and the wizard polls it until it has finished.
      await page.click(`${wizard} [data-testid="import-next"]`);
      await page.waitForSelector(`${wizard} [data-testid="import-step-2"]`);
      expect(await page.textContent(`${wizard} [data-testid="import-step-2"]`), 'confirmation').toContain(
        `将导入 ${VALID.length} 条有效记录；有问题的 ${ROWS.length - VALID.length} 条不会导入。`,
      );
      await page.click(`${wizard} [data-testid="import-confirm"]`);
      await page.waitForSelector(`${wizard} [data-testid="import-result"]`, { timeout: 60_000 });
      const result = (await page.textContent(`${wizard} [data-testid="import-result"]`)) ?? '';
      expect(result.replace(/\s+/g, ''), 'import result').toContain(
        `新增${VALID.length}条更新0条跳过0条失败${ROWS.length - VALID.length}条`,
      );
      const reloaded = waitForMemberList(page, () => true);
      await page.click(`${wizard} [data-testid="import-done"]:not([disabled])`);
      await page.waitForSelector(wizard, { state: 'detached' });
      await reloaded;

      // The roster (newest first) shows the new members with masked ID numbers; the refused rows are absent.
      await page.waitForSelector(`[data-testid="member-name"]:text-is("${ok1.name}")`);
      await shot(page, 'members-02-roster-imported');
      const roster = await checkRosterColumns(page, VALID, orgName);
      // The columns right of 所在工会 are scrolled into view for a look at them too.
      await page.$eval('.ant-pro-table .ant-table-content, .ant-pro-table .ant-table-body', (el) => (el.scrollLeft = el.scrollWidth));
      await shot(page, 'members-03-roster-scrolled');
      await page.$eval('.ant-pro-table .ant-table-content, .ant-pro-table .ant-table-body', (el) => (el.scrollLeft = 0));
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(roster.find((c) => c[0] === ok1.name)?.[3], 'ID number ending in X masked').toBe(`320***********${ok1.idNumber.slice(-4)}`);
      expect(ok1.idNumber.endsWith('X'), 'test data has an X check character').toBe(true);
      const rosterText = (await page.textContent('.ant-pro-table')) ?? '';
      for (const r of ROWS) expect(rosterText, 'roster').notToContain(r.idNumber);
      expect(rosterText, 'roster').notToContain(badCheck.name);
      expect(rosterText, 'roster').notToContain(duplicate.name);
      expect(FULL_ID.test(rosterText), 'roster shows no full ID number').toBe(false);

      // Search for the new members by name and export that list (masked).
      const searched = waitForMemberList(page, (url) => url.searchParams.get('q') === '司马');
      await page.fill('#member-filter-q', '司马');
      await page.click('form#member-filters button[type="submit"], .ant-pro-query-filter button.ant-btn-primary');
      await searched;
      await page.waitForFunction((n) => document.querySelectorAll('.ant-pro-table tr.ant-table-row').length === n, VALID.length);
      const found = await tableRows(page, '.ant-pro-table');
      expect(
        found
          .map((c) => c[0])
          .sort()
          .join('、'),
        'search 司马',
      ).toBe(
        VALID.map((m) => m.name)
          .sort()
          .join('、'),
      );
      await shot(page, 'members-04-roster-search');

      await page.click('[data-testid="member-export-button"]');
      const exported = await saveDownload(page, dir, () => page.click('[data-testid="member-export-masked"]'));
      expect(exported.name, 'export file name').toContain('.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(exported.file);
      const ws = wb.worksheets[0];
      expect(ws, 'export has a sheet').toBeTruthy();
      if (!ws) return;
      const cols = headerColumns(ws);
      const nameCol = column(cols, '姓名');
      const idCol = column(cols, '身份证号');
      const byName = new Map<string, string>();
      ws.eachRow((row, n) => {
        if (n === 1) return;
        byName.set(String(row.getCell(nameCol).text), String(row.getCell(idCol).text));
        row.eachCell((cell) => expect(FULL_ID.test(String(cell.text)), `export row ${n} holds no full ID number`).toBe(false));
      });
      expect(byName.size, 'exported rows (the searched list)').toBe(VALID.length);
      for (const m of VALID) {
        expect(byName.get(m.name), `${m.name}'s exported ID number`).toBe(maskIdNumber(m.idNumber));
        expect(MASKED_ID.test(byName.get(m.name) ?? ''), `${m.name}'s exported ID number is masked`).toBe(true);
      }
      await checkMemberInUrl(page, ok1.name);
      expect(pageErrors.join('\n'), 'uncaught errors in the page').toBe('');
    } finally {
      await page.context().close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const memberJourneys: Journey[] = [importAndExport];
