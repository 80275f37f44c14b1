// A campaign's beneficiary list from Excel: read in the parsing worker (its zip and memory caps), every row checked
// with the form's rules plus the list's own (duplicates within the file, a person already in the campaign naming
// the earlier entry), then — unless a dry run — the valid rows become assistance entries (status requested) in ONE
// transaction through the assistance service, each with the form's audit. Like the member import, rows with errors
// are left out and reported; the others are imported (a corrected file re-uploaded reports the ones already in).
import fs from 'node:fs';
import type { CampaignKind, TBeneficiaryImportResult } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { ExcelFileError, WorkerWorkbook, type Row, type WorkbookReader } from '../../platform/excel/index.ts';
import { invalid, notFound } from '../../platform/http/index.ts';
import { isBlankRow } from '../member-imports/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import * as repo from './assistance.repo.ts';
import type { AssistanceService } from './assistance.service.ts';
import { SHEET_NAME, beneficiaryTemplate, findHeader } from './beneficiaries.columns.ts';
import { parseRow, type ParsedRow, type RowIssue } from './beneficiaries.rows.ts';
import * as campaigns from './campaigns.repo.ts';

export const MAX_LIST_ROWS = 20_000;
/** Errors listed in the answer; the counts cover every row. */
const MAX_LISTED_ERRORS = 1000;

export function createBeneficiaryService({ db, crypto, assistance }: { db: Db; crypto: FieldCrypto; assistance: AssistanceService }) {
  async function campaignOf(ctx: Ctx, id: number) {
    const campaign = await campaigns.findReachable(db, ctx.actor.orgPath, id);
    if (!campaign) throw notFound('帮扶活动');
    return campaign;
  }

  /** The campaign and the submitting union: in the caller's subtree and under the campaign's union (404 otherwise). */
  async function target(ctx: Ctx, campaignId: number, orgId: number) {
    const campaign = await campaignOf(ctx, campaignId);
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId);
    if (!org || !org.path.startsWith(campaign.orgPath)) throw notFound('组织');
    if (org.status !== 'active') throw invalid('orgId', '该工会已注销');
    return { campaign, org };
  }

  async function readRows(file: string, ctx: Omit<Parameters<typeof parseRow>[1], 'header' | 'date1904'>): Promise<ParsedRow[]> {
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
      const rctx = { ...ctx, header: found.header, date1904: wb.date1904 };
      const seen = new Map<string, number>();
      const out: ParsedRow[] = [];
      for await (const row of wb.rows(sheet, { onDimension: (last) => tooMany(last - found.header.rowNumber) })) {
        if (row.rowNumber <= found.header.rowNumber || isBlankRow(row)) continue;
        tooMany(out.length + 1);
        out.push(parseRow(row, rctx, seen));
      }
      return out;
    } catch (e) {
      throw e instanceof ExcelFileError ? invalid('file', e.message) : e;
    } finally {
      wb.close();
    }
  }

  return {
    target,
    async template(ctx: Ctx, campaignId: number) {
      const c = await campaignOf(ctx, campaignId);
      return { file: await beneficiaryTemplate({ ...c, kind: c.kind as CampaignKind }), name: `${c.name}受助名单模板.xlsx` };
    },
    async import(ctx: Ctx, campaignId: number, orgId: number, file: string, dryRun: boolean): Promise<TBeneficiaryImportResult> {
      const { campaign, org } = await target(ctx, campaignId, orgId);
      const rows = await readRows(file, { campaign, orgId: org.id });
      if (rows.length === 0) throw invalid('file', '文件中没有数据行');
      const issues: RowIssue[] = rows.flatMap((r) => (r.ok ? [] : r.issues));
      const parsed = rows.flatMap((r) => (r.ok ? [r] : []));
      const hashOf = (idNumber: string) => crypto.blindIndex('id', idNumber);
      const earlier = await asSystem(() =>
        repo.standingByHashes(
          db,
          campaign.id,
          parsed.map((r) => hashOf(r.input.idNumber)),
        ),
      );
      const good = parsed.filter((r) => {
        const number = earlier.get(hashOf(r.input.idNumber));
        if (number)
          issues.push({
            row: r.row,
            column: '身份证号',
            message: `身份证号：该职工在本次活动中已登记帮扶（${number}），同一活动每人只能帮扶一次`,
          });
        return !number;
      });
      if (!dryRun && good.length > 0) {
        await db.transaction(async (tx) => {
          for (const r of good) await assistance.openEntry(ctx, tx, org, r.input);
        });
      }
      issues.sort((a, b) => a.row - b.row);
      return { total: rows.length, valid: good.length, imported: dryRun ? 0 : good.length, errors: issues.slice(0, MAX_LISTED_ERRORS) };
    },
  };
}

function tooMany(n: number): void {
  if (n > MAX_LIST_ROWS) throw invalid('file', `超过单次导入上限 ${MAX_LIST_ROWS.toLocaleString('en-US')} 行，请拆分为多个文件后分别导入`);
}

/** Removes an upload once read. */
export const discard = (file: string) => fs.promises.rm(file, { force: true });

export type BeneficiaryService = ReturnType<typeof createBeneficiaryService>;
