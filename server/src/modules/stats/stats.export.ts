// The indicator table by child org as xlsx: one row per child (and the org's own records), a total row that
// equals the parent's figure, labels and units in the header.
import ExcelJS from 'exceljs';
import type { TChildStats, TIndicator } from '@gonghui/common';
import { safeCell } from '../../platform/excel/index.ts';

export async function childStatsWorkbook(orgName: string, data: TChildStats, indicators: Map<string, TIndicator>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分单位统计');
  const keys = data.keys;
  ws.addRow([`${orgName} 分单位统计（${data.from} 至 ${data.to}）`]);
  ws.mergeCells(1, 1, 1, keys.length + 1);
  ws.getRow(1).font = { bold: true, size: 14 };
  const header = ws.addRow(['单位', ...keys.map((k) => `${indicators.get(k)?.label ?? k}（${indicators.get(k)?.unit ?? ''}）`)]);
  header.font = { bold: true };
  for (const c of data.children) ws.addRow([safeCell(c.name), ...keys.map((k) => c.values[k] ?? 0)]);
  const total = ws.addRow(['合计', ...keys.map((k) => data.total[k] ?? 0)]);
  total.font = { bold: true };
  ws.getColumn(1).width = 36;
  for (let i = 0; i < keys.length; i++) ws.getColumn(i + 2).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
