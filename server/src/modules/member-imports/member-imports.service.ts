// Member import rules outside the job: who may import into which union, queueing an upload as a job,
// reading a job's state and its error report. Every read is bounded by the actor's scope.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf as auditOriginOf, recordAudit } from '../../platform/audit/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { ExcelFileError, XlsxWorkbook } from '../../platform/excel/index.ts';
import { conflict, invalid, notFound } from '../../platform/http/index.ts';
import { jobRepo, type JobKindRef, type JobService } from '../../platform/jobs/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import { keyOfHeader } from './member-imports.columns.ts';
import type { ImportOrigin, ImportPayload } from './member-imports.job.ts';
import * as repo from './member-imports.repo.ts';
import type { ReportSource } from './member-imports.xlsx.ts';

export const ERRORS_SHOWN = 1000;
export const NOTICES_SHOWN = 200;

export interface ImportServiceDeps {
  db: Db;
  crypto: FieldCrypto;
  jobs: JobService;
  kind: JobKindRef<ImportPayload>;
  fileOf: (jobId: number) => string;
}

export interface Upload {
  /** Where the upload was streamed to; the service moves it or deletes it. */
  tmpPath: string;
  fileName: string;
}

export function createImportService({ db, crypto, jobs, kind, fileOf }: ImportServiceDeps) {
  async function targetOrg(ctx: Ctx, orgId: number) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId);
    if (!org) throw notFound('组织');
    if (org.status !== 'active') throw conflict(`「${org.name}」已注销，不能导入会员`);
    return org;
  }

  /** Checks the file is a readable xlsx, then queues it; the job service is poked once the transaction commits. */
  async function enqueue(ctx: Ctx, orgId: number, upload: Upload, dryRun: boolean): Promise<{ id: number }> {
    let moved = false;
    try {
      const org = await targetOrg(ctx, orgId);
      try {
        (await XlsxWorkbook.open(upload.tmpPath)).close();
      } catch (e) {
        if (e instanceof ExcelFileError) throw invalid('file', e.message);
        throw e;
      }
      const id = await jobRepo.nextJobId(db);
      await fs.promises.rename(upload.tmpPath, fileOf(id));
      moved = true;
      const origin: ImportOrigin = { ...auditOriginOf(ctx), scopePath: ctx.actor.orgPath };
      try {
        await db.transaction(async (tx) => {
          await jobs.enqueue(tx, kind, {}, { id, orgId: org.id, origin: { ...origin } });
          await repo.insertImport(tx, { jobId: id, orgId: org.id, fileName: upload.fileName, dryRun });
        });
      } catch (e) {
        await fs.promises.rm(fileOf(id), { force: true });
        throw e;
      }
      return { id };
    } finally {
      if (!moved) await fs.promises.rm(upload.tmpPath, { force: true });
    }
  }

  async function load(ctx: Ctx, id: number) {
    const found = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!found) throw notFound('导入任务');
    return found;
  }

  async function get(ctx: Ctx, id: number) {
    const { imp, job, orgName } = await load(ctx, id);
    const [errors, notices] = await Promise.all([
      repo.lines(db, id, 'error', 0, ERRORS_SHOWN),
      repo.lines(db, id, 'notice', 0, NOTICES_SHOWN),
    ]);
    return {
      id,
      orgId: imp.orgId,
      orgName,
      fileName: imp.fileName,
      dryRun: imp.dryRun,
      status: job.status as 'queued' | 'running' | 'succeeded' | 'failed',
      progress: job.status === 'succeeded' ? 1 : Math.round(job.progress * 1000) / 1000,
      publishing: job.status === 'running' && imp.publishingSince !== null,
      message: job.error,
      totalRows: imp.totalRows,
      validRows: imp.validRows,
      imported: imp.imported,
      updated: imp.updated,
      skipped: imp.skipped,
      errorCount: imp.errorCount,
      noticeCount: imp.noticeCount,
      errors: errors.map((e) => ({ row: e.row, ...(e.column ? { column: e.column } : {}), message: e.message })),
      notices: notices.map((n) => ({ row: n.row, message: n.message })),
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    };
  }

  /** The refused rows in clear, so reading them is audited like any reveal of personal data. */
  async function errorReport(ctx: Ctx, id: number): Promise<{ fileName: string; source: ReportSource }> {
    const { imp, job, orgPath } = await load(ctx, id);
    if (job.status !== 'succeeded' && job.status !== 'failed') throw conflict('导入尚未完成，请稍后再下载错误报告');
    await db.transaction((tx) =>
      recordAudit(tx, auditOriginOf(ctx), {
        action: 'member.import_report',
        orgId: imp.orgId,
        orgPath,
        entityType: 'member_import',
        entityId: id,
        after: { fileName: imp.fileName, errorCount: imp.errorCount },
      }),
    );
    const header = imp.header ?? [];
    const source: ReportSource = {
      header,
      textColumns: header.flatMap((h, i) => (['idNumber', 'phone'].includes(keyOfHeader(h) ?? '') ? [i] : [])),
      async *pages() {
        let after = 0;
        for (;;) {
          const page = await repo.lines(db, id, 'error', after, 2000);
          if (page.length === 0) return;
          yield page.map((l) => ({
            row: l.row,
            raw: l.rawCipher ? (JSON.parse(crypto.decrypt(l.rawCipher, repo.importRowBinding(id, l.row))) as string[]) : [],
            reason: l.message,
          }));
          after = page[page.length - 1]?.row ?? Number.MAX_SAFE_INTEGER;
        }
      },
    };
    const base = imp.fileName.replace(/\.xlsx$/i, '');
    return { fileName: `${base}-错误报告.xlsx`, source };
  }

  return { targetOrg, enqueue, get, errorReport };
}

export type ImportService = ReturnType<typeof createImportService>;

/** The directory uploads wait in until their job ends: DATA_DIR/uploads, readable by the server's user only. */
export function uploadsDirOf(dataDir: string): string {
  const dir = path.join(dataDir, 'uploads');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}
