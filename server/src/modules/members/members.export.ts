// Streaming xlsx export of the current filter: masked by default, IDs and phones as text cells, formula-looking
// cells escaped, read in keyset batches so memory stays flat at any size, audited with the filter and row count.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS, type MemberCategory, type MemberStatus } from '@gonghui/common';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { safeCell } from '../../platform/excel/index.ts';
import * as repo from './members.repo.ts';

const BATCH = 5000;


const COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '手机号', key: 'phone', width: 15 },
  { header: '所在工会', key: 'orgName', width: 30 },
  { header: '入会日期', key: 'joinedAt', width: 12 },
  { header: '会籍状态', key: 'status', width: 10 },
  { header: '人员类别', key: 'categories', width: 18 },
  { header: '会员卡号', key: 'cardNo', width: 16 },
];

export interface ExportOptions {
  /** An unmasked export's mark (who, when, request number): first row, every printed page, document properties. */
  watermark?: string;
  /** Stop after this many rows (an approved request never yields more than was approved). */
  maxRows?: number;
}

/** `beforeEnd` runs once every row is written and before the file is closed (the audit row, so no export is complete without it). */
export async function writeMemberExport(db: Db, crypto: FieldCrypto, filter: repo.MemberFilter, out: Writable, unmasked: boolean, beforeEnd?: (rows: number) => Promise<void>, opts: ExportOptions = {}): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const mark = opts.watermark;
  const ws = wb.addWorksheet('会员名册', mark ? { headerFooter: { oddHeader: `&C${mark.replace(/&/g, '&&')}`, oddFooter: `&L${mark.replace(/&/g, '&&')}&R&P / &N` } } : {});
  if (mark) {
    Object.assign(wb, { title: mark, subject: mark, description: mark, keywords: '敏感数据', category: '敏感数据' });
    ws.columns = COLUMNS.map(({ header: _h, ...c }) => c);
    ws.addRow([mark]).commit();
    ws.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  } else {
    ws.columns = COLUMNS;
    ws.getRow(1).font = { bold: true };
  }
  // Text format keeps Excel from turning 18-digit numbers into 3.2E+17.
  for (const key of ['idNumber', 'phone', 'cardNo']) ws.getColumn(key).numFmt = '@';
  let after: number | undefined;
  let count = 0;
  const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
  for (;;) {
    const { items } = await repo.listForExport(db, filter, Math.min(BATCH, max - count), after);
    for (const m of items) {
      ws.addRow({
        name: safeCell(m.name),
        idNumber: unmasked ? crypto.decrypt(m.idCipher) : m.idMasked,
        gender: GENDER_LABELS[m.gender as 'male' | 'female'],
        birthDate: m.birthDate,
        phone: (unmasked && m.phoneCipher ? crypto.decrypt(m.phoneCipher) : m.phoneMasked) ?? '',
        orgName: safeCell(m.orgName),
        joinedAt: m.joinedAt,
        status: MEMBER_STATUS_LABELS[m.status as MemberStatus],
        categories: m.categories.map((c) => MEMBER_CATEGORY_LABELS[c as MemberCategory] ?? c).join('、'),
        cardNo: m.cardNo,
      }).commit();
    }
    count += items.length;
    const last = items[items.length - 1];
    if (items.length < BATCH || !last || count >= max) break;
    after = last.id;
  }
  ws.commit();
  await beforeEnd?.(count);
  await wb.commit();
  return count;
}
