// Streaming xlsx export of the current filter: masked by default, IDs and phones as text cells, formula-looking
// cells escaped, read in keyset batches so memory stays flat at any size, audited with the filter and row count.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  GENDER_LABELS,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  parseIdNumber,
  type MemberCategory,
  type MemberStatus,
} from '@gonghui/common';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { safeCell } from '../../platform/excel/index.ts';
import * as repo from './members.repo.ts';
import { memberBinding } from './members.record.ts';

const BATCH = 5000;

// A masked sheet carries the birth year only: the full date next to the masked ID would let it be rebuilt.
const columnsOf = (unmasked: boolean) => [
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '性别', key: 'gender', width: 6 },
  unmasked ? { header: '出生日期', key: 'birth', width: 12 } : { header: '出生年份', key: 'birth', width: 10 },
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
export async function writeMemberExport(
  db: Db,
  crypto: FieldCrypto,
  filter: repo.MemberFilter,
  out: Writable,
  unmasked: boolean,
  beforeEnd?: (rows: number) => Promise<void>,
  opts: ExportOptions = {},
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const mark = opts.watermark;
  const ws = wb.addWorksheet(
    '会员名册',
    mark ? { headerFooter: { oddHeader: `&C${mark.replace(/&/g, '&&')}`, oddFooter: `&L${mark.replace(/&/g, '&&')}&R&P / &N` } } : {},
  );
  if (mark) {
    Object.assign(wb, { title: mark, subject: mark, description: mark, keywords: '敏感数据', category: '敏感数据' });
    ws.columns = columnsOf(unmasked).map(({ header: _h, ...c }) => c);
    ws.addRow([mark]).commit();
    ws.addRow(columnsOf(unmasked).map((c) => c.header)).font = { bold: true };
  } else {
    ws.columns = columnsOf(unmasked);
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
      // Decrypting refuses a value bound to another row: the export fails rather than print someone else's number.
      const idNumber = unmasked ? await crypto.open(m.idCipher, memberBinding(m.id, 'id_cipher')) : null;
      const parsed = idNumber ? parseIdNumber(idNumber) : null;
      ws.addRow({
        name: safeCell(m.name),
        idNumber: idNumber ?? m.idMasked,
        gender: GENDER_LABELS[m.gender as 'male' | 'female'],
        birth: parsed?.ok ? parsed.birthDate : m.birthYear,
        phone: (unmasked && m.phoneCipher ? await crypto.open(m.phoneCipher, memberBinding(m.id, 'phone_cipher')) : m.phoneMasked) ?? '',
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
