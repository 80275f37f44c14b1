// The rights cases' ledger as an xlsx file: the list's filter, masked — the parties' narrative and the case summary
// (free text that names people) are never exported —, formula-looking cells escaped, amounts in 元 with two
// decimals, a totals row, streamed in batches; the file name names the org and the filter.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  RIGHTS_CHANNEL_LABELS,
  RIGHTS_OUTCOME_LABELS,
  RIGHTS_STATUS_LABELS,
  RIGHTS_SUBJECT_LABELS,
  RIGHTS_TYPE_LABELS,
  ROSTER_ROLE_LABELS,
  todayCst,
  type RightsChannel,
  type RightsOutcome,
  type RightsStatus,
  type RightsSubject,
  type RightsType,
  type RosterRole,
  type TRightsExportQuery,
} from '@gonghui/common';
import type { Db } from '../../platform/db/index.ts';
import { safeCell } from '../../platform/excel/index.ts';
import { isOverdue } from '../../platform/cases/index.ts';
import * as repo from './rights.repo.ts';

const BATCH = 2000;
const YUAN = '#,##0.00';

const COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '接待日期', key: 'receivedAt', width: 12 },
  { header: '案件类型', key: 'type', width: 14 },
  { header: '来源渠道', key: 'channel', width: 8 },
  { header: '争议事项', key: 'subject', width: 14 },
  { header: '涉及职工（人）', key: 'workers', width: 10 },
  { header: '涉案金额（元）', key: 'amount', width: 14 },
  { header: '用人单位', key: 'employer', width: 30 },
  { header: '统一社会信用代码', key: 'uscc', width: 22 },
  { header: '受理工会', key: 'orgName', width: 30 },
  { header: '状态', key: 'status', width: 10 },
  { header: '承办人', key: 'handler', width: 16 },
  { header: '受理日期', key: 'acceptedAt', width: 12 },
  { header: '办理期限', key: 'dueAt', width: 12 },
  { header: '是否逾期', key: 'overdue', width: 8 },
  { header: '办理结果', key: 'outcome', width: 10 },
  { header: '挽回经济损失（元）', key: 'recovered', width: 16 },
  { header: '结案日期', key: 'closedAt', width: 12 },
];

const yuan = (fen: number) => fen / 100;

export async function writeRightsExport(
  db: Db,
  filter: repo.RightsFilter,
  out: Writable,
  beforeEnd: (rows: number) => Promise<void>,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('维权案件台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const key of ['number', 'uscc']) ws.getColumn(key).numFmt = '@';
  for (const key of ['amount', 'recovered']) ws.getColumn(key).numFmt = YUAN;
  const sum = { rows: 0, workers: 0, amount: 0, recovered: 0 };
  const today = todayCst();
  let after: { receivedAt: string; id: number } | undefined;
  for (;;) {
    const items = await repo.listForExport(db, filter, BATCH, after);
    for (const { c, r, orgName } of items) {
      const role = r.handlerRole ? `（${ROSTER_ROLE_LABELS[r.handlerRole as RosterRole] ?? r.handlerRole}）` : '';
      ws.addRow({
        number: c.number,
        receivedAt: r.receivedAt,
        type: RIGHTS_TYPE_LABELS[r.type as RightsType] ?? r.type,
        channel: RIGHTS_CHANNEL_LABELS[r.channel as RightsChannel] ?? r.channel,
        subject: RIGHTS_SUBJECT_LABELS[r.subject as RightsSubject] ?? r.subject,
        workers: r.workers,
        amount: yuan(r.amountAtStakeFen),
        employer: safeCell(r.employerName),
        uscc: r.employerUscc ?? '',
        orgName: safeCell(orgName),
        status: RIGHTS_STATUS_LABELS[r.status as RightsStatus] ?? r.status,
        handler: r.handlerName ? safeCell(`${r.handlerName}${role}`) : '',
        acceptedAt: r.acceptedAt ?? '',
        dueAt: c.dueAt ?? '',
        overdue: isOverdue(c, today) ? '是' : '',
        outcome: r.outcome ? (RIGHTS_OUTCOME_LABELS[r.outcome as RightsOutcome] ?? r.outcome) : '',
        recovered: r.recoveredFen === null ? null : yuan(r.recoveredFen),
        closedAt: r.closedAt ?? '',
      }).commit();
      sum.rows += 1;
      sum.workers += r.workers;
      sum.amount += r.amountAtStakeFen;
      sum.recovered += r.recoveredFen ?? 0;
    }
    const last = items[items.length - 1];
    if (items.length < BATCH || !last) break;
    after = { receivedAt: last.r.receivedAt, id: last.r.id };
  }
  const total = ws.addRow({
    number: `合计 ${sum.rows} 件`,
    workers: sum.workers,
    amount: yuan(sum.amount),
    recovered: yuan(sum.recovered),
  });
  total.font = { bold: true };
  total.commit();
  ws.commit();
  await beforeEnd(sum.rows);
  await wb.commit();
  return sum.rows;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** 维权案件台账-<org>-<filter in words>-<day>.xlsx. */
export function rightsExportFileName(orgName: string, q: Partial<TRightsExportQuery>, stamp: string): string {
  const words = [orgName];
  if (q.type) words.push(RIGHTS_TYPE_LABELS[q.type]);
  if (q.subject) words.push(RIGHTS_SUBJECT_LABELS[q.subject]);
  if (q.status) words.push(RIGHTS_STATUS_LABELS[q.status]);
  if (q.receivedFrom || q.receivedTo) words.push(`接待${q.receivedFrom ?? ''}至${q.receivedTo ?? ''}`);
  const name = `维权案件台账-${words.join('-')}-${stamp}`.replace(UNSAFE, '_');
  return `${[...name].slice(0, 120).join('')}.xlsx`;
}
