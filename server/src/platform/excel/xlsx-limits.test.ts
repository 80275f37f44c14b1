// Hostile workbooks: each must fail fast with a Chinese message, in bounded memory, and never take the
// process down with it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hugeInlineStringXlsx, workbookOf } from './testkit.ts';
import { ExcelFileError, WorkerWorkbook, XlsxWorkbook, type Row, type WorkbookReader } from './index.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-xlsx-limits-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileOf = (name: string, buf: Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, buf);
  return f;
};

async function readAll(wb: WorkbookReader): Promise<Row[]> {
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

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sheetXml = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

describe('xlsx reader limits', () => {
  it('refuses the 398 MB inline string of a 1.7 MB file in well under a second of parsing, heap intact', async () => {
    const file = fileOf('huge.xlsx', await hugeInlineStringXlsx());
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    await expect(readAll(await XlsxWorkbook.open(file))).rejects.toThrow(/单元格内容过长/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses cells past 32,767 characters, rows past the row budget and columns past XFD', async () => {
    const long = workbookOf(sheetXml(row(1, inline('A1', '长'.repeat(40_000)))));
    await expect(readAll(await XlsxWorkbook.open(fileOf('cell.xlsx', long)))).rejects.toThrow(/第1行A列：单元格超过 32767 个字符/);
    const wide = workbookOf(
      sheetXml(
        row(
          1,
          Array.from({ length: 20 }, (_, i) => inline(`A${i}`.replace('A', String.fromCharCode(65 + i)) + '1', 'x'.repeat(20_000))).join(
            '',
          ),
        ),
      ),
    );
    await expect(readAll(await XlsxWorkbook.open(fileOf('row.xlsx', wide)))).rejects.toThrow(/第1行.*超过 262144 个字符/);
    const far = workbookOf(sheetXml(row(1, inline('ZZZZZZ1', 'x'))));
    await expect(readAll(await XlsxWorkbook.open(fileOf('far.xlsx', far)))).rejects.toThrow(/超出 Excel 的列范围/);
    // One shared string referenced by every cell of a row counts at full length each time.
    const sst = `<sst><si><t>${'共'.repeat(30_000)}</t></si></sst>`;
    const refs = workbookOf(
      sheetXml(row(1, Array.from({ length: 10 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>0</v></c>`).join(''))),
      sst,
    );
    await expect(readAll(await XlsxWorkbook.open(fileOf('refs.xlsx', refs)))).rejects.toThrow(ExcelFileError);
  });

  it('reads in a worker thread, and a worker that runs out of heap fails the read with a clear message', { timeout: 120_000 }, async () => {
    const ok = workbookOf(sheetXml(row(1, inline('A1', '姓名') + inline('B1', '身份证号')) + row(3, inline('B3', '𠀀𠀁'))));
    const rows = await readAll(await WorkerWorkbook.open(fileOf('ok.xlsx', ok)));
    expect(rows.map((r) => [r.rowNumber, r.cells.map((c) => c.value)])).toEqual([
      [1, ['姓名', '身份证号']],
      [3, [null, '𠀀𠀁']],
    ]);
    await expect(readAll(await WorkerWorkbook.open(fileOf('huge-w.xlsx', await hugeInlineStringXlsx(8 * 1024 * 1024))))).rejects.toThrow(
      /单元格内容过长/,
    );
    // 200,000 distinct shared strings are fine for the real limit, too much for a 16 MB heap.
    const many = `<sst>${Array.from({ length: 200_000 }, (_, i) => `<si><t>会员${i}号的名字比较长一些</t></si>`).join('')}</sst>`;
    const big = fileOf('many.xlsx', workbookOf(sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c>')), many));
    const wb = await WorkerWorkbook.open(big, { resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
    await expect(readAll(wb)).rejects.toThrow(/超出内存限制/);
    expect((await readAll(await WorkerWorkbook.open(big))).length).toBe(1);
  });
});
