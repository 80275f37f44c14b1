// The 困难职工帮扶 journey's Excel step: on the campaign page the grassroots cadre opens 导入名单, downloads the
// campaign's template, fills two people in (one ID number with a wrong check digit), uploads it and sees the row
// error (Excel row, column, Chinese reason); uploads the corrected file, sees it clean and imports: two entries
// awaiting approval. Screenshots of the modal with the row error at 1440×900 and 390×844.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { idCheckChar } from '@gonghui/common';
import { shot } from '../harness.ts';
import { expect } from './expect.ts';

const modal = '.ant-modal:has([data-testid="beneficiary-upload"])';

const idOf = (body17: string) => `${body17}${idCheckChar(body17)}`;
const wrongCheck = (id: string) => `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;

interface Person {
  name: string;
  idNumber: string;
  kind: string;
  fund: string;
  amount: number;
  date: string;
}

async function fill(template: string, out: string, people: Person[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('受助名单');
  expect(ws, 'the template has the 受助名单 sheet').toBeTruthy();
  if (!ws) return;
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => cols.set(String(cell.text).replace(/\*/g, ''), col));
  const at = (h: string) => {
    const c = cols.get(h);
    if (c === undefined) throw new Error(`template column ${h} missing: ${[...cols.keys()].join(', ')}`);
    return c;
  };
  people.forEach((p, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(at('姓名')).value = p.name;
    row.getCell(at('身份证号')).value = p.idNumber;
    row.getCell(at('帮扶类型')).value = p.kind;
    row.getCell(at('资金来源')).value = p.fund;
    row.getCell(at('金额（元）')).value = p.amount;
    row.getCell(at('日期')).value = p.date;
    row.commit();
  });
  await wb.xlsx.writeFile(out);
}

async function bothWidths(page: Page, name: string, ready: string): Promise<void> {
  await page.mouse.move(0, 0);
  // The buttons have faded in.
  await page.waitForTimeout(400);
  await shot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector(ready);
  await page.locator(ready).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Grassroots cadre, on /campaigns/:id: the list with a bad row is checked, corrected, and imported. */
export async function importBeneficiaryList(page: Page, base: string, campaignId: string, day: string): Promise<void> {
  const people: Person[] = [
    { name: '赵秀兰', idNumber: idOf('32010219750205123'), kind: '慰问', fund: '工会经费', amount: 500, date: day },
    { name: '钱国强', idNumber: idOf('32010219681115456'), kind: '生活救助', fund: '财政', amount: 1200.5, date: day },
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-e2e-list-'));
  await page.goto(`${base}/campaigns/${campaignId}`);
  await page.click('[data-testid="campaign-import"]');
  await page.waitForSelector(`${modal} [data-testid="beneficiary-template"]`);
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="beneficiary-template"]'),
  ]);
  expect(download.suggestedFilename(), 'the template file').toContain('受助名单模板.xlsx');
  const template = path.join(dir, 'template.xlsx');
  await download.saveAs(template);

  const bad = path.join(dir, '受助名单-有误.xlsx');
  const [first, second] = people as [Person, Person];
  await fill(template, bad, [first, { ...second, idNumber: wrongCheck(second.idNumber) }]);
  await page.setInputFiles(`${modal} input[type="file"]`, bad);
  await page.waitForSelector('[data-testid="beneficiary-check"] [data-testid="beneficiary-errors"] tr.ant-table-row');
  const check = (await page.textContent('[data-testid="beneficiary-check"]')) ?? '';
  expect(check, 'the counts').toContain('共 2 行，可导入 1 行，有错误 1 行');
  const cells = await page.$$eval('[data-testid="beneficiary-errors"] tr.ant-table-row td', (tds) =>
    tds.map((td) => (td.textContent ?? '').trim()),
  );
  expect(cells.slice(0, 2).join('|'), 'the row error: Excel row and column').toBe('3|身份证号');
  expect(cells[2] ?? '', 'the reason in Chinese').toContain('校验位');
  await bothWidths(page, 'assistance-04a-import-row-error', '[data-testid="beneficiary-errors"]');

  const fixed = path.join(dir, '受助名单.xlsx');
  await fill(template, fixed, people);
  await page.setInputFiles(`${modal} input[type="file"]`, fixed);
  await page.waitForFunction(() => document.querySelector('[data-testid="beneficiary-check"]')?.textContent?.includes('有错误 0 行'));
  expect(await page.isDisabled('[data-testid="beneficiary-confirm"]'), 'confirm enabled on a clean list').toBe(false);
  expect(await page.textContent('[data-testid="beneficiary-confirm"]'), 'the button').toContain('确认导入');
  await page.click('[data-testid="beneficiary-confirm"]');
  await page.waitForSelector('[data-testid="beneficiary-result"]');
  expect(await page.textContent('[data-testid="beneficiary-result"]'), 'the import').toContain('已登记 2 人');
  await bothWidths(page, 'assistance-04b-import-done', '[data-testid="beneficiary-result"]');
  await page.click('[data-testid="beneficiary-done"]');
  await page.waitForSelector('[data-testid="beneficiary-result"]', { state: 'detached' });
  fs.rmSync(dir, { recursive: true, force: true });
}
