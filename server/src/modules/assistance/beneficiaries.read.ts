// Reading a beneficiary list: the sheet (the template's, else the first visible one), its header among the first
// 20 rows, every data row parsed with the form's rules (parseRow) and kept with its cells as text for the error
// report; then the campaign-wide check: a person already entered in the campaign is refused, naming the entry.
import type { CampaignKind } from '@gonghui/common';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { ExcelFileError, WorkerWorkbook, type Row, type WorkbookReader } from '../../platform/excel/index.ts';
import { invalid } from '../../platform/http/index.ts';
import { cellText, isBlankRow } from '../member-imports/index.ts';
import * as repo from './assistance.repo.ts';
import { SHEET_NAME, findHeader } from './beneficiaries.columns.ts';
import { parseRow, type ParsedRow, type RowContext } from './beneficiaries.rows.ts';

export const MAX_LIST_ROWS = 20_000;
/** A parsed row with the uploader's cells as text (for the error report). */
export type ListRow = ParsedRow & { raw: string[] };

function tooMany(n: number): void {
  if (n > MAX_LIST_ROWS) throw invalid('file', `超过单次导入上限 ${MAX_LIST_ROWS.toLocaleString('en-US')} 行，请拆分为多个文件后分别导入`);
}

export async function readBeneficiaryList(
  file: string,
  ctx: Pick<RowContext, 'campaign' | 'orgId'>,
): Promise<{ rows: ListRow[]; header: string[] }> {
  let wb: WorkbookReader;
  try {
    wb = await WorkerWorkbook.open(file);
  } catch (e) {
    throw e instanceof ExcelFileError ? invalid('file', e.message) : e;
  }
  try {
    const sheets = [...wb.sheets].sort(
      (a, b) => Number(b.name === SHEET_NAME) - Number(a.name === SHEET_NAME) || Number(a.hidden) - Number(b.hidden),
    );
    const sheet = sheets[0];
    if (!sheet) throw invalid('file', '文件中没有工作表');
    const top: Row[] = [];
    for await (const r of wb.rows(sheet)) {
      if (r.rowNumber > 20) break;
      top.push(r);
    }
    const found = findHeader(top, ctx.campaign.kind as CampaignKind);
    if ('problem' in found) throw invalid('file', `工作表「${sheet.name}」${found.problem}`);
    const headerRow = top.find((r) => r.rowNumber === found.header.rowNumber);
    const header = (headerRow?.cells ?? []).map((c) => cellText(c).trim());
    const rctx = { ...ctx, header: found.header, date1904: wb.date1904 };
    const seen = new Map<string, number>();
    const rows: ListRow[] = [];
    for await (const row of wb.rows(sheet, { onDimension: (last) => tooMany(last - found.header.rowNumber) })) {
      if (row.rowNumber <= found.header.rowNumber || isBlankRow(row)) continue;
      tooMany(rows.length + 1);
      const raw = row.cells.slice(0, Math.max(header.length, 1)).map((c) => cellText(c));
      rows.push({ ...parseRow(row, rctx, seen), raw });
    }
    if (rows.length === 0) throw invalid('file', '文件中没有数据行');
    return { rows, header };
  } catch (e) {
    throw e instanceof ExcelFileError ? invalid('file', e.message) : e;
  } finally {
    wb.close();
  }
}

/**
 * The refused rows, in row order: those failing the form's rules, and those of a person already entered in the
 * campaign (any union's entry; only its number is named).
 */
export async function checkAgainstCampaign(db: Db, crypto: FieldCrypto, campaignId: number, rows: ListRow[]): Promise<ListRow[]> {
  const hashOf = (idNumber: string) => crypto.blindIndex('id', idNumber);
  const parsed = rows.flatMap((r) => (r.ok ? [r] : []));
  const earlier = await asSystem(() =>
    repo.standingByHashes(
      db,
      campaignId,
      parsed.map((r) => hashOf(r.input.idNumber)),
    ),
  );
  const refused: ListRow[] = rows.filter((r) => !r.ok);
  for (const r of parsed) {
    const number = earlier.get(hashOf(r.input.idNumber));
    if (number)
      refused.push({
        ok: false,
        row: r.row,
        raw: r.raw,
        issues: [
          { row: r.row, column: '身份证号', message: `身份证号：该职工在本次活动中已登记帮扶（${number}），同一活动每人只能帮扶一次` },
        ],
      });
  }
  return refused.sort((a, b) => a.row - b.row);
}
