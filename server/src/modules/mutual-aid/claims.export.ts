// The claims ledger as an xlsx file: the list's filter, always masked (the member's ID number as the list shows it),
// never the diagnosis; amounts in 元 with two decimals, a totals row, streamed in batches.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  MUTUAL_AID_CLAIM_KIND_LABELS,
  MUTUAL_AID_CLAIM_STATUS_LABELS,
  MUTUAL_AID_CLASS_LABELS,
  type MutualAidClaimKind,
  type MutualAidClaimStatus,
  type MutualAidClass,
} from '@gonghui/common';
import type { Db } from '../../platform/db/index.ts';
import { safeCell } from '../../platform/excel/index.ts';
import * as repo from './claims.repo.ts';

const BATCH = 2000;
const YUAN = '#,##0.00';

const COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '申请日期', key: 'date', width: 12 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '所属工会', key: 'orgName', width: 30 },
  { header: '互助类别', key: 'classCode', width: 12 },
  { header: '报销类型', key: 'kind', width: 12 },
  { header: '发票金额（元）', key: 'invoice', width: 14 },
  { header: '核定赔付（元）', key: 'payout', width: 14 },
  { header: '状态', key: 'status', width: 8 },
  { header: '赔付日期', key: 'paidAt', width: 12 },
];

const yuan = (fen: number) => fen / 100;

export async function writeClaimsExport(db: Db, filter: repo.ClaimFilter, out: Writable, beforeEnd: (rows: number) => Promise<void>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('医疗互助报销台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const key of ['number', 'idNumber']) ws.getColumn(key).numFmt = '@';
  for (const key of ['invoice', 'payout']) ws.getColumn(key).numFmt = YUAN;
  const sum = { rows: 0, invoice: 0, paid: 0, paidAmount: 0 };
  let after: number | undefined;
  for (;;) {
    const items = await repo.listForExport(db, filter, BATCH, after);
    for (const v of items) {
      const c = v.c;
      ws.addRow({
        number: v.number,
        date: c.createdAt.toISOString().slice(0, 10),
        name: safeCell(v.memberName),
        idNumber: v.idMasked,
        orgName: safeCell(v.orgName),
        classCode: MUTUAL_AID_CLASS_LABELS[c.classCode as MutualAidClass] ?? c.classCode,
        kind: MUTUAL_AID_CLAIM_KIND_LABELS[c.kind as MutualAidClaimKind] ?? c.kind,
        invoice: yuan(c.invoiceTotalFen),
        payout: c.payoutFen === null ? null : yuan(c.payoutFen),
        status: MUTUAL_AID_CLAIM_STATUS_LABELS[c.status as MutualAidClaimStatus] ?? c.status,
        paidAt: c.paidAt ?? '',
      }).commit();
      sum.rows += 1;
      sum.invoice += c.invoiceTotalFen;
      if (c.status === 'paid') {
        sum.paid += 1;
        sum.paidAmount += c.payoutFen ?? 0;
      }
    }
    const last = items[items.length - 1];
    if (items.length < BATCH || !last) break;
    after = last.c.id;
  }
  for (const [label, invoice, payout] of [
    [`合计 ${sum.rows} 件`, sum.invoice, null],
    [`其中已赔付 ${sum.paid} 件`, null, sum.paidAmount],
  ] as const) {
    const row = ws.addRow({
      number: label,
      invoice: invoice === null ? null : yuan(invoice),
      payout: payout === null ? null : yuan(payout),
    });
    row.font = { bold: true };
    row.commit();
  }
  ws.commit();
  await beforeEnd(sum.rows);
  await wb.commit();
  return sum.rows;
}
