// The 组织名册 job: reads the file (parsed in the worker thread), checks every row against the subtree of the union
// it was uploaded for and records the counts and the refused rows. A dry run (预检) ends there and writes no org.
// An import goes on only when no row was refused, and then writes every org in one transaction — checked again
// inside it, under a lock, so a tree changed since the check cannot be half-imported: all or nothing.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { recordAudit, type AuditOrigin } from '../../platform/audit/index.ts';
import { asSystem, maintainAfterBulk, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { ExcelFileError, WorkerWorkbook, type Row, type WorkbookReader } from '../../platform/excel/index.ts';
import { AppError, invalid } from '../../platform/http/index.ts';
import { JobFailure, type JobContext, type JobKindDef, type JobRow } from '../../platform/jobs/index.ts';
import { applyOrgPlan, findOrgById, lockOrgImports, subtreeForImport, usccHolders, type OrgRow } from '../orgs/index.ts';
import { isBlankRow } from '../member-imports/index.ts';
import { HEADER_SCAN_ROWS, SHEET_NAME, findHeader, parseRow, type ParsedRow } from './org-imports.columns.ts';
import { planImport, type Plan } from './org-imports.plan.ts';
import * as repo from './org-imports.repo.ts';

export const ORG_IMPORT_JOB_KIND = 'org_import';
export const ZOrgImportPayload = z.object({});
export const MAX_ORG_ROWS = 20_000;

export function auditOriginOf(job: JobRow): AuditOrigin {
  const o = job.origin;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    actorId: typeof o.actorId === 'number' ? o.actorId : null,
    actorName: str(o.actorName),
    ip: str(o.ip),
    requestId: str(o.requestId),
  };
}

const tooMany = (n: number) => {
  if (n > MAX_ORG_ROWS) throw invalid('file', `超过单次导入上限 ${MAX_ORG_ROWS.toLocaleString('en-US')} 行，请拆分为多个文件后分别导入`);
};

/** The sheet named 组织名册 (else the first with a 组织名称 column), its header and every data row parsed. */
export async function readOrgRoster(file: string): Promise<{ header: string[]; rows: ParsedRow[] }> {
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
    for (const sheet of sheets) {
      const top: Row[] = [];
      for await (const r of wb.rows(sheet)) {
        if (r.rowNumber > HEADER_SCAN_ROWS) break;
        top.push(r);
      }
      const header = findHeader(top);
      if (!header) continue;
      const rows: ParsedRow[] = [];
      for await (const r of wb.rows(sheet, { onDimension: (last) => tooMany(last - header.rowNumber) })) {
        if (r.rowNumber <= header.rowNumber || isBlankRow(r)) continue;
        tooMany(rows.length + 1);
        rows.push(parseRow(r, header, wb.date1904));
      }
      if (rows.length === 0) throw invalid('file', `工作表「${sheet.name}」中没有数据行`);
      return { header: header.cells, rows };
    }
    throw invalid('file', '未找到组织名册：表头中应有「组织名称」列（可下载空白模板对照）');
  } catch (e) {
    throw e instanceof ExcelFileError ? invalid('file', e.message) : e;
  } finally {
    wb.close();
  }
}

async function planFor(db: DbOrTx, org: OrgRow, rows: ParsedRow[]): Promise<Plan> {
  const codes = [...new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])))];
  const [tree, holders] = await Promise.all([subtreeForImport(db, org.path), usccHolders(db, codes)]);
  return planImport(rows, tree, org.path, holders);
}

export interface OrgImportJobOptions {
  db: Db;
  fileOf: (jobId: number) => string;
  /** Test and benchmark hook: the time each step took. */
  onTiming?: (jobId: number, step: string, ms: number) => void;
}

export function orgImportJob(o: OrgImportJobOptions): JobKindDef<Record<string, never>> {
  const { db } = o;
  const timed = async <T>(jobId: number, step: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    o.onTiming?.(jobId, step, performance.now() - t0);
    return out;
  };

  async function run(job: JobContext): Promise<void> {
    const id = job.job.id;
    const imp = await asSystem(() => repo.findImport(db, id));
    if (!imp) throw new JobFailure('导入任务不存在');
    const org = await asSystem(() => findOrgById(db, imp.orgId));
    if (!org || org.status !== 'active') throw new JobFailure('导入的目标组织不存在或已注销');
    let roster: Awaited<ReturnType<typeof readOrgRoster>>;
    try {
      roster = await timed(id, 'read', () => readOrgRoster(o.fileOf(id)));
    } catch (e) {
      if (e instanceof AppError) throw new JobFailure(e.message);
      throw e;
    }
    const plan = await timed(id, 'check', () => planFor(db, org, roster.rows));
    await job.checkpoint({ cursor: 0, progress: imp.dryRun ? 1 : 0.5 }, (tx) =>
      repo.recordCheck(tx, id, {
        header: roster.header,
        total: roster.rows.length,
        creates: plan.creates.length,
        updates: plan.updates.length,
        errors: plan.errors,
      }),
    );
    if (imp.dryRun) return;
    if (plan.errors.length > 0) throw new JobFailure(`有 ${plan.errors.length} 行错误，未导入任何组织；请下载错误报告，修改后重新预检`);
    const origin = auditOriginOf(job.job);
    await timed(id, 'apply', () =>
      job.complete(async (tx) => {
        await lockOrgImports(tx);
        const again = await planFor(tx, org, roster.rows);
        if (again.errors.length > 0) {
          const first = again.errors[0];
          throw new JobFailure(`预检之后组织数据已有变化，${first?.message ?? ''}；未导入任何组织，请重新预检`);
        }
        const ids = await applyOrgPlan(tx, origin, { scopePath: org.path, creates: again.creates, updates: again.updates });
        await repo.markApplied(tx, id);
        await recordAudit(tx, origin, {
          action: 'org.import',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'org_import',
          entityId: id,
          after: {
            fileName: imp.fileName,
            totalRows: roster.rows.length,
            created: ids.length,
            updated: again.updates.length,
            createdIds: ids,
          },
        });
      }),
    );
    // Committed: the planner and the visibility map see the new unions now (tree queries plan on them).
    await maintainAfterBulk(db, ['orgs', 'org_events', 'audit_events']);
  }

  return {
    payload: ZOrgImportPayload,
    concurrency: 1,
    internalErrorMessage: '组织导入过程中发生内部错误，未导入任何组织，请重新上传',
    run,
    async cleanup(job) {
      await fs.promises.rm(o.fileOf(job.id), { force: true });
    },
  };
}
