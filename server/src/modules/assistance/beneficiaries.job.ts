// The beneficiary list job: reads the uploaded list (parsed in the worker), checks every row — the form's rules,
// duplicates within the file, a person already in the campaign — and records the counts and the refused rows (their
// cells encrypted, for the error report) in one transaction. A dry run ends there. An import then opens the entries
// in batches, each batch one transaction that also moves the job's cursor to its last Excel row: a restart reads the
// list again and goes on after the cursor. A row that became a duplicate meanwhile (the same person entered by form
// while the job ran) is refused on its own, in a savepoint, and added to the refused rows.
import fs from 'node:fs';
import { z } from 'zod';
import type { Actor, Ctx } from '../../platform/authz/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { maintainAfterBulk, asSystem, runInScope, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/index.ts';
import { JobFailure, type JobContext, type JobKindDef, type JobRow } from '../../platform/jobs/index.ts';
import { findOrgById } from '../orgs/index.ts';
import type { AssistanceService } from './assistance.service.ts';
import { readBeneficiaryList, checkAgainstCampaign, type ListRow } from './beneficiaries.read.ts';
import * as repo from './beneficiaries.repo.ts';
import * as campaigns from './campaigns.repo.ts';

export const BENEFICIARY_JOB_KIND = 'beneficiary_import';
export const ZBeneficiaryJobPayload = z.object({});
/** Entries opened per transaction: short enough that PGlite's one connection keeps serving the API between them. */
const BATCH = 100;

/** The uploader, as the job acts for them: the entries and their audit rows name this cadre. */
export interface BeneficiaryOrigin {
  actorId: number;
  actorName: string;
  displayName: string | null;
  orgId: number;
  orgPath: string;
  ip: string | null;
  requestId: string | null;
}

export const originOfCtx = (ctx: Ctx): BeneficiaryOrigin => ({
  actorId: ctx.actor.userId,
  actorName: ctx.actor.username,
  displayName: ctx.actor.displayName,
  orgId: ctx.actor.orgId,
  orgPath: ctx.actor.orgPath,
  ip: ctx.ip,
  requestId: ctx.requestId,
});

/** The uploader's context inside the job; the route checked `assistance:manage` and the scope at upload. */
function ctxOfJob(job: JobRow): Ctx {
  const o = job.origin as Partial<BeneficiaryOrigin>;
  if (typeof o.actorId !== 'number' || typeof o.orgPath !== 'string' || typeof o.orgId !== 'number') throw new JobFailure('任务参数无效');
  const actor: Actor = {
    userId: o.actorId,
    username: o.actorName ?? '',
    displayName: o.displayName ?? null,
    orgId: o.orgId,
    orgPath: o.orgPath,
    roles: [],
    permissions: new Set(['assistance:manage']),
    sessionId: `job:${job.id}`,
    mustChangePassword: false,
  };
  return { actor, ip: o.ip ?? null, requestId: o.requestId ?? null };
}

export interface BeneficiaryJobOptions {
  db: Db;
  crypto: FieldCrypto;
  assistance: AssistanceService;
  fileOf: (jobId: number) => string;
}

export function beneficiaryJob(o: BeneficiaryJobOptions): JobKindDef<Record<string, never>> {
  const { db, crypto } = o;

  /** Reads and checks the list, then records the counts and the refused rows (once: a restart keeps them). */
  async function check(job: JobContext, imp: repo.ImportRow, rows: ListRow[], header: string[]): Promise<void> {
    const campaign = await asSystem(() => campaigns.findById(db, imp.campaignId));
    if (!campaign) throw new JobFailure('帮扶活动已不存在');
    const refused = await checkAgainstCampaign(db, crypto, campaign.id, rows);
    const valid = rows.length - refused.length;
    await job.checkpoint({ cursor: 0, progress: imp.dryRun ? 1 : 0.05 }, async (tx) => {
      await repo.recordRefused(tx, crypto, job.job.id, refused);
      await repo.markChecked(tx, job.job.id, { header, total: rows.length, valid, errors: refused.length });
    });
  }

  async function importRows(job: JobContext, imp: repo.ImportRow, rows: ListRow[]): Promise<void> {
    const ctx = ctxOfJob(job.job);
    const org = await asSystem(() => findOrgById(db, imp.orgId));
    if (!org || org.status !== 'active') throw new JobFailure('报送工会已不存在或已注销');
    const refusedRows = new Set(await asSystem(() => repo.refusedRowNumbers(db, job.job.id)));
    const todo = rows.filter((r) => r.ok && !refusedRows.has(r.row) && r.row > job.job.cursor);
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      const last = batch[batch.length - 1]?.row ?? job.job.cursor;
      const progress = 0.05 + (0.95 * (i + batch.length)) / todo.length;
      await runInScope(ctx.actor.orgPath, () =>
        job.checkpoint({ cursor: last, progress }, async (tx) => {
          let opened = 0;
          const late: ListRow[] = [];
          for (const r of batch) {
            if (!r.ok) continue;
            const ok = await openOne(tx, ctx, org, r);
            if (ok === true) opened++;
            else late.push({ ...r, ok: false, issues: [{ row: r.row, column: ok.column, message: ok.message }] });
          }
          if (late.length) await repo.recordRefused(tx, crypto, job.job.id, late);
          await repo.addImported(tx, job.job.id, opened, late.length);
        }),
      );
    }
  }

  /** One entry in a savepoint: a rule broken since the check (a duplicate entered meanwhile) refuses this row only. */
  async function openOne(tx: Tx, ctx: Ctx, org: { id: number; path: string }, r: Extract<ListRow, { ok: true }>) {
    try {
      await tx.transaction((sp) => o.assistance.openEntry(ctx, sp, org, r.input));
      return true as const;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { column: e.field === 'idNumber' || e.code === 'CONFLICT' ? '身份证号' : (e.field ?? ''), message: e.message };
    }
  }

  return {
    payload: ZBeneficiaryJobPayload,
    internalErrorMessage: '名单处理过程中发生内部错误，请重新上传',
    async run(job) {
      const imp = await asSystem(() => repo.findImport(db, job.job.id));
      if (!imp) throw new JobFailure('导入记录不存在');
      const campaign = await asSystem(() => campaigns.findById(db, imp.campaignId));
      if (!campaign) throw new JobFailure('帮扶活动已不存在');
      let list;
      try {
        list = await readBeneficiaryList(o.fileOf(job.job.id), { campaign, orgId: imp.orgId });
      } catch (e) {
        if (e instanceof AppError) throw new JobFailure(e.message);
        throw e;
      }
      if (!imp.checked) await check(job, imp, list.rows, list.header);
      if (!imp.dryRun) await importRows(job, imp, list.rows);
      await job.complete();
      if (!imp.dryRun) await maintainAfterBulk(db, ['cases', 'case_steps', 'assistance_entries', 'audit_events']);
    },
    async cleanup(job) {
      await fs.promises.rm(o.fileOf(job.id), { force: true });
    },
  };
}
