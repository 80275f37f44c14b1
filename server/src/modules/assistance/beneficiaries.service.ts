// A campaign's beneficiary list from Excel, as a job of the one job service (beneficiaries.job.ts): the upload is
// checked to be a readable xlsx and queued; the cadre follows the job (counts, progress, the first refused rows)
// and downloads the refused rows as an error report to correct and upload again. A check (dryRun, the default)
// opens nothing; an import opens the rows without error as entries awaiting approval, each with the form's audit.
import fs from 'node:fs';
import type { CampaignKind, TBeneficiaryImport } from '@gonghui/common';
import { recordAudit, originOf as auditOriginOf } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/authz/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { ExcelFileError, XlsxWorkbook } from '../../platform/excel/index.ts';
import { conflict, invalid, notFound } from '../../platform/http/index.ts';
import { jobRepo, type JobKindRef, type JobService } from '../../platform/jobs/index.ts';
import type { ReportSource } from '../member-imports/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import { beneficiaryTemplate } from './beneficiaries.columns.ts';
import { originOfCtx } from './beneficiaries.job.ts';
import * as repo from './beneficiaries.repo.ts';
import * as campaigns from './campaigns.repo.ts';

/** Refused rows listed in the status answer; the error report carries every one. */
const MAX_LISTED_ERRORS = 1000;

export interface BeneficiaryServiceDeps {
  db: Db;
  crypto: FieldCrypto;
  jobs: JobService;
  kind: JobKindRef<Record<string, never>>;
  fileOf: (jobId: number) => string;
}

export function createBeneficiaryService({ db, crypto, jobs, kind, fileOf }: BeneficiaryServiceDeps) {
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

  async function load(ctx: Ctx, id: number) {
    const r = await repo.findWithJob(db, id);
    if (!r || !r.orgPath.startsWith(ctx.actor.orgPath)) throw notFound('导入任务');
    return r;
  }

  return {
    target,
    async template(ctx: Ctx, campaignId: number) {
      const c = await campaignOf(ctx, campaignId);
      return { file: await beneficiaryTemplate({ ...c, kind: c.kind as CampaignKind }), name: `${c.name}受助名单模板.xlsx` };
    },

    /** Checks the upload opens as xlsx, moves it beside the job and queues the job (after the commit it runs). */
    async enqueue(ctx: Ctx, campaignId: number, orgId: number, upload: { path: string; fileName: string }, dryRun: boolean) {
      const { org } = await target(ctx, campaignId, orgId);
      try {
        (await XlsxWorkbook.open(upload.path)).close();
      } catch (e) {
        throw e instanceof ExcelFileError ? invalid('file', e.message) : e;
      }
      const id = await jobRepo.nextJobId(db);
      await fs.promises.rename(upload.path, fileOf(id));
      try {
        await db.transaction(async (tx) => {
          await jobs.enqueue(tx, kind, {}, { id, orgId: org.id, origin: { ...originOfCtx(ctx) } });
          await repo.insertImport(tx, { jobId: id, campaignId, orgId: org.id, fileName: upload.fileName.slice(0, 255), dryRun });
        });
      } catch (e) {
        await fs.promises.rm(fileOf(id), { force: true });
        throw e;
      }
      return { id };
    },

    async get(ctx: Ctx, id: number): Promise<TBeneficiaryImport> {
      const { imp, job, orgName } = await load(ctx, id);
      const errors = (await repo.refusedPage(db, id, 0, MAX_LISTED_ERRORS)).flatMap((r) =>
        r.issues.map((x) => ({ row: r.row, column: x.column, message: x.message })),
      );
      return {
        id,
        campaignId: imp.campaignId,
        orgId: imp.orgId,
        orgName,
        fileName: imp.fileName,
        dryRun: imp.dryRun,
        status: job.status as TBeneficiaryImport['status'],
        progress: Math.round(job.progress * 100) / 100,
        error: job.error,
        checked: imp.checked,
        total: imp.totalRows,
        valid: imp.validRows,
        imported: imp.imported,
        errorCount: imp.errorCount,
        errors,
        createdAt: job.createdAt.toISOString(),
        finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
      };
    },

    /** The refused rows in clear (the uploader's own cells): reading them is audited like any reveal. */
    async errorReport(ctx: Ctx, id: number): Promise<{ fileName: string; source: ReportSource }> {
      const { imp, job, orgPath } = await load(ctx, id);
      if (!imp.checked && job.status !== 'failed') throw conflict('名单尚未检查完成，请稍后再下载错误报告');
      await db.transaction((tx) =>
        recordAudit(tx, auditOriginOf(ctx), {
          action: 'assistance.import_report',
          orgId: imp.orgId,
          orgPath,
          entityType: 'beneficiary_import',
          entityId: id,
          after: { fileName: imp.fileName, errorCount: imp.errorCount },
        }),
      );
      const header = imp.header ?? [];
      const source: ReportSource = {
        header,
        textColumns: header.flatMap((h, i) => (/身份证|电话|手机/.test(h) ? [i] : [])),
        async *pages() {
          let after = 0;
          for (;;) {
            const page = await repo.refusedPage(db, id, after, 1000);
            if (page.length === 0) return;
            yield page.map((l) => ({
              row: l.row,
              raw: JSON.parse(crypto.decrypt(l.rawCipher, repo.rowBinding(id, l.row))) as string[],
              reason: l.issues.map((x) => x.message).join('；'),
            }));
            after = page[page.length - 1]?.row ?? Number.MAX_SAFE_INTEGER;
          }
        },
      };
      return { fileName: `${imp.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`, source };
    },
  };
}

/** Removes an upload that was not queued. */
export const discard = (file: string) => fs.promises.rm(file, { force: true });

export type BeneficiaryService = ReturnType<typeof createBeneficiaryService>;
