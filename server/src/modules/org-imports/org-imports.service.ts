// 组织名册 import rules outside the job: the union the import may write under (in the uploader's scope, active),
// one import at a time per subtree (a second one while another is queued or running is a conflict), queueing the
// upload as a job, the job's state and its error report. Every read is bounded by the actor's scope.
import fs from 'node:fs';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { ExcelFileError, XlsxWorkbook } from '../../platform/excel/index.ts';
import { conflict, invalid, notFound } from '../../platform/http/index.ts';
import { jobRepo, type JobKindRef, type JobService } from '../../platform/jobs/index.ts';
import type { ReportSource } from '../member-imports/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import * as repo from './org-imports.repo.ts';

/** Refused rows listed in the status answer; the error report carries every one. */
export const ERRORS_SHOWN = 1000;

export interface OrgImportServiceDeps {
  db: Db;
  jobs: JobService;
  kind: JobKindRef<Record<string, never>>;
  fileOf: (jobId: number) => string;
}

export function createOrgImportService({ db, jobs, kind, fileOf }: OrgImportServiceDeps) {
  async function target(ctx: Ctx, orgId: number) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId);
    if (!org) throw notFound('组织');
    if (org.status !== 'active') throw conflict(`「${org.name}」已注销，不能在其下导入组织`);
    return org;
  }

  async function load(ctx: Ctx, id: number) {
    const r = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!r) throw notFound('导入任务');
    return r;
  }

  async function get(ctx: Ctx, id: number) {
    const { imp, job, orgName } = await load(ctx, id);
    return {
      id,
      orgId: imp.orgId,
      orgName,
      fileName: imp.fileName,
      dryRun: imp.dryRun,
      status: job.status as 'queued' | 'running' | 'succeeded' | 'failed',
      progress: job.status === 'succeeded' ? 1 : Math.round(job.progress * 100) / 100,
      message: job.error,
      checked: imp.checked,
      applied: imp.applied,
      totalRows: imp.totalRows,
      creates: imp.creates,
      updates: imp.updates,
      errorCount: imp.errorCount,
      errors: imp.errors.slice(0, ERRORS_SHOWN).map((e) => ({ row: e.row, column: e.column, message: e.message })),
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    };
  }

  return {
    target,
    get,

    /** Checks the upload opens as xlsx, moves it beside the job and queues the job (it runs after the commit). */
    async enqueue(ctx: Ctx, orgId: number, upload: { path: string; fileName: string }, dryRun: boolean) {
      const org = await target(ctx, orgId);
      try {
        (await XlsxWorkbook.open(upload.path)).close();
      } catch (e) {
        throw e instanceof ExcelFileError ? invalid('file', e.message) : e;
      }
      if (!dryRun) {
        const busy = (await repo.activeImportPaths(db)).some((p) => p.startsWith(org.path) || org.path.startsWith(p));
        if (busy) throw conflict('该组织或其上下级正有一次组织导入在进行，请等它完成后再导入');
      }
      const id = await jobRepo.nextJobId(db);
      await fs.promises.rename(upload.path, fileOf(id));
      try {
        await db.transaction(async (tx) => {
          await jobs.enqueue(tx, kind, {}, { id, orgId: org.id, origin: { ...originOf(ctx) } });
          await repo.insertImport(tx, { jobId: id, orgId: org.id, fileName: upload.fileName.slice(0, 255), dryRun });
        });
      } catch (e) {
        await fs.promises.rm(fileOf(id), { force: true });
        throw e;
      }
      return { id };
    },

    /** The refused rows with the file's own cells and 错误原因; reading them is audited like the member import's. */
    async errorReport(ctx: Ctx, id: number): Promise<{ fileName: string; source: ReportSource }> {
      const { imp, job, orgPath } = await load(ctx, id);
      if (!imp.checked && job.status !== 'failed') throw conflict('预检尚未完成，请稍后再下载错误报告');
      await db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'org.import_report',
          orgId: imp.orgId,
          orgPath,
          entityType: 'org_import',
          entityId: id,
          after: { fileName: imp.fileName, errorCount: imp.errorCount },
        }),
      );
      const header = imp.header ?? [];
      const errors = imp.errors;
      const source: ReportSource = {
        header,
        textColumns: header.flatMap((h, i) => (/信用代码|区划/.test(h) ? [i] : [])),
        async *pages() {
          for (let i = 0; i < errors.length; i += 1000) {
            yield errors.slice(i, i + 1000).map((e) => ({ row: e.row, raw: e.raw, reason: e.message }));
          }
        },
      };
      return { fileName: `${imp.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`, source };
    },
  };
}

export type OrgImportService = ReturnType<typeof createOrgImportService>;
