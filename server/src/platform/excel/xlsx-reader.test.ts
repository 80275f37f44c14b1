import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipOf } from './testkit.ts';
import { ExcelFileError, XlsxWorkbook, columnIndex, columnLetter, serialToIsoDate, type Row } from './index.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-xlsx-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Common and rare characters, including CJK Extension B (4 bytes in UTF-8, surrogate pairs in JS).
const SURNAMES = ['王', '李', '欧阳', '司马', '𠀀', '䶮', '龘', '𪚥', '张', '上官', '𡈼', '尉迟'];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲𠮷𨭎𩸽喆堃昇淼犇';
const PLACES = [
  '江苏省南京市玄武区中山路１号',
  '广东省深圳市南山区科技园𠀋栋',
  '内蒙古自治区呼和浩特市 新城区',
  'Flat 3, "Harbour" <View> & Co',
];

function nameOf(i: number): string {
  const g = [...GIVEN];
  return `${SURNAMES[i % SURNAMES.length]}${g[(i * 7) % g.length]}${i % 3 ? g[(i * 13) % g.length] : ''}`;
}
const idOf = (i: number) =>
  `3201021990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 10000).padStart(4, '0')}`;

async function readAll(file: string): Promise<Row[]> {
  const wb = await XlsxWorkbook.open(file);
  try {
    const sheet = wb.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows: Row[] = [];
    for await (const r of wb.rows(sheet)) rows.push(r);
    return rows;
  } finally {
    wb.close();
  }
}

describe('streaming xlsx reader', () => {
  it('reads a 100,000-row Chinese roster back cell by cell, split characters and all', async () => {
    const file = path.join(dir, 'roster.xlsx');
    const n = 100_000;
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = w.addWorksheet('会员名册');
    ws.addRow(['姓名', '身份证号', '地址', '序号']).commit();
    for (let i = 0; i < n; i++) ws.addRow([nameOf(i), idOf(i), PLACES[i % PLACES.length], i]).commit();
    await w.commit();

    const rows = await readAll(file);
    expect(rows).toHaveLength(n + 1);
    expect(rows[0]?.cells.map((c) => c.value)).toEqual(['姓名', '身份证号', '地址', '序号']);
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i + 1];
      const ok =
        r?.rowNumber === i + 2 &&
        r.cells[0]?.value === nameOf(i) &&
        r.cells[1]?.value === idOf(i) &&
        r.cells[1]?.type === 'string' &&
        r.cells[2]?.value === PLACES[i % PLACES.length] &&
        r.cells[3]?.value === i &&
        r.cells[3]?.type === 'number';
      if (!ok) bad++;
    }
    expect(bad).toBe(0);
  });

  it('tells numeric ID cells, dates, booleans, errors, inline and rich-text strings apart', async () => {
    const file = path.join(dir, 'types.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = Number('320102199003070518');
    ws.getCell('B1').value = '320102199003070518';
    ws.getCell('C1').value = new Date(Date.UTC(2023, 5, 20));
    ws.getCell('C1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('D1').value = 45097;
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = { error: '#N/A' };
    ws.getCell('G1').value = { richText: [{ text: '张' }, { text: '𠀀', font: { bold: true } }, { text: '伟' }] };
    ws.getCell('AB3').value = '远处的格子';
    ws.getCell('A5').value = { formula: 'B1&""', result: '320102199003070518' };
    await wb.xlsx.writeFile(file);

    const rows = await readAll(file);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 5]);
    const reader = await XlsxWorkbook.open(file);
    let dimension = 0;
    for await (const _ of reader.rows(reader.sheets[0] ?? { name: '', path: '', hidden: false }, { onDimension: (d) => (dimension = d) }));
    reader.close();
    expect(dimension).toBe(5);
    const [a, b, c, d, e, f, g] = rows[0]?.cells ?? [];
    expect(a).toEqual({ value: 320102199003070500, type: 'number' });
    expect(b).toEqual({ value: '320102199003070518', type: 'string' });
    expect(c?.type).toBe('date');
    expect(serialToIsoDate(Number(c?.value))).toBe('2023-06-20');
    expect(d).toEqual({ value: 45097, type: 'number' });
    expect(serialToIsoDate(45097)).toBe('2023-06-20');
    expect(e).toEqual({ value: true, type: 'boolean' });
    expect(f).toEqual({ value: '#N/A', type: 'error' });
    expect(g).toEqual({ value: '张𠀀伟', type: 'string' });
    expect(rows[1]?.cells).toHaveLength(28);
    expect(rows[1]?.cells[27]).toEqual({ value: '远处的格子', type: 'string' });
    expect(rows[1]?.cells[0]).toEqual({ value: null, type: 'empty' });
    expect(rows[2]?.cells[0]).toEqual({ value: '320102199003070518', type: 'string' });
  });

  it('reads inline strings written without a shared string table', async () => {
    const file = path.join(dir, 'inline.xlsx');
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = w.addWorksheet('名册');
    ws.addRow(['𠀀𠀁', 'a_x000D_b', '  空格  ']).commit();
    await w.commit();
    const rows = await readAll(file);
    expect(rows[0]?.cells.map((c) => [c.value, c.type])).toEqual([
      ['𠀀𠀁', 'string'],
      ['a\rb', 'string'],
      ['  空格  ', 'string'],
    ]);
  });

  it('refuses files that are not xlsx, old .xls files and zip bombs before inflating them', async () => {
    const txt = path.join(dir, 'a.csv');
    fs.writeFileSync(txt, '姓名,身份证号\n');
    await expect(XlsxWorkbook.open(txt)).rejects.toThrow(ExcelFileError);
    const xls = path.join(dir, 'a.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(XlsxWorkbook.open(xls)).rejects.toThrow(/xls/);
    const bomb = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(bomb, zipOf({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': ' '.repeat(50 * 1024 * 1024) }));
    const started = Date.now();
    await expect(XlsxWorkbook.open(bomb)).rejects.toThrow(/压缩比/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('maps cell references to columns and back', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AB12')).toBe(27);
    expect(columnIndex('XFD1048576')).toBe(16383);
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(16383)).toBe('XFD');
    expect(serialToIsoDate(1)).toBe('1900-01-01');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
    expect(serialToIsoDate(0, true)).toBeNull();
    expect(serialToIsoDate(43636, true)).toBe('2023-06-21');
  });
});
