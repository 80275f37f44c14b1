// The 工伤探视 ledger as an xlsx file: the list's filter, masked (the name and ID number as the list shows them),
// formula-looking cells escaped, condolence money in 元, a totals row, streamed in batches.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  INJURY_SEVERITY_LABELS,
  INJURY_STATUS_LABELS,
  todayCst,
  type InjurySeverity,
  type InjuryStatus,
  type TInjuryListQuery,
} from '@gonghui/common';
import type { Db } from '../../platform/db/index.ts';
import { safeCell } from '../../platform/excel/index.ts';
import { isOverdue } from '../../platform/cases/index.ts';
import * as repo from './injury.repo.ts';

const BATCH = 2000;
const COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '身份证号', key: 'idNumber', width: 20 },
  { header: '用人单位', key: 'employer', width: 30 },
  { header: '受伤日期', key: 'injuredAt', width: 12 },
  { header: '伤情', key: 'severity', width: 8 },
  { header: '所属工会', key: 'orgName', width: 30 },
  { header: '状态', key: 'status', width: 8 },
  { header: '探视期限', key: 'dueAt', width: 12 },
  { header: '是否逾期', key: 'overdue', width: 8 },
  { header: '探视日期', key: 'visitedAt', width: 12 },
  { header: '探视人员', key: 'visitors', width: 24 },
  { header: '慰问金（元）', key: 'amount', width: 14 },
];

export async function writeInjuryExport(db: Db, filter: repo.InjuryFilter, out: Writable, beforeEnd: (rows: number) => Promise<void>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('工伤探视台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const key of ['number', 'idNumber']) ws.getColumn(key).numFmt = '@';
  ws.getColumn('amount').numFmt = '#,##0.00';
  const sum = { rows: 0, visited: 0, amount: 0 };
  const today = todayCst();
  let after: { injuredAt: string; id: number } | undefined;
  for (;;) {
    const items = await repo.listForExport(db, filter, BATCH, after);
    for (const { c, r, orgName } of items) {
      ws.addRow({
        number: c.number,
        name: safeCell(r.nameMasked),
        idNumber: r.idMasked ?? '',
        employer: safeCell(r.employerName),
        injuredAt: r.injuredAt,
        severity: INJURY_SEVERITY_LABELS[r.severity as InjurySeverity] ?? r.severity,
        orgName: safeCell(orgName),
        status: INJURY_STATUS_LABELS[r.status as InjuryStatus] ?? r.status,
        dueAt: c.dueAt ?? '',
        overdue: isOverdue(c, today) ? '是' : '',
        visitedAt: r.visitedAt ?? '',
        visitors: r.visitors ? safeCell(r.visitors) : '',
        amount: r.amountFen === null ? null : r.amountFen / 100,
      }).commit();
      sum.rows += 1;
      if (r.status === 'visited') sum.visited += 1;
      sum.amount += r.amountFen ?? 0;
    }
    const last = items[items.length - 1];
    if (items.length < BATCH || !last) break;
    after = { injuredAt: last.r.injuredAt, id: last.r.id };
  }
  const total = ws.addRow({ number: `合计 ${sum.rows} 人`, status: `已探视 ${sum.visited} 人`, amount: sum.amount / 100 });
  total.font = { bold: true };
  total.commit();
  ws.commit();
  await beforeEnd(sum.rows);
  await wb.commit();
  return sum.rows;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** 工伤探视台账-<org>-<filter in words>-<day>.xlsx. */
export function injuryExportFileName(orgName: string, q: Partial<TInjuryListQuery>, stamp: string): string {
  const words = [orgName];
  if (q.severity) words.push(INJURY_SEVERITY_LABELS[q.severity]);
  if (q.status) words.push(INJURY_STATUS_LABELS[q.status]);
  if (q.injuredFrom || q.injuredTo) words.push(`受伤${q.injuredFrom ?? ''}至${q.injuredTo ?? ''}`);
  const name = `工伤探视台账-${words.join('-')}-${stamp}`.replace(UNSAFE, '_');
  return `${[...name].slice(0, 120).join('')}.xlsx`;
}
