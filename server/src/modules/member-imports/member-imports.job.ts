// The import job: streams the roster (parsed in a worker thread), validates rows while the previous batch is
// being staged, and commits each staged batch in one transaction together with the job's cursor (the last Excel
// row it covers). Only when the whole file has been read are the staged batches published into the registry: on
// PostgreSQL in one transaction with the audit row; on the embedded database, whose one connection would be held
// for the whole publish, part by part and then the patches with the audit row (docs/decisions/0011). A crash before
// the publish leaves no member visible; after a crash the job restarts from the file's top (rows up to the cursor
// only rebuild the duplicate check and the row count), or, once a part-by-part publish has begun, from its next part.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { todayCst } from '@gonghui/common';
import { recordAudit, type AuditOrigin } from '../../platform/audit/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { maintainAfterBulk, quietForMs, type Db, type Tx } from '../../platform/db/index.ts';
import {
  ExcelFileError,
  WorkerWorkbook,
  type Row,
  type SheetInfo,
  type WorkbookReader,
  type WorkerOptions,
} from '../../platform/excel/index.ts';
import { z } from 'zod';
import { JobFailure, cooperative, type JobContext, type JobKindDef, type JobRow } from '../../platform/jobs/index.ts';
import { findOrgById } from '../orgs/index.ts';
import { HEADER_SCAN_ROWS, findHeader, missingColumns, type Header } from './member-imports.columns.ts';
import { writeBatch } from './member-imports.batch.ts';
import { orgResolver } from './member-imports.orgs.ts';
import * as repo from './member-imports.repo.ts';
import { idKeyOf, isBlankRow, prepareRow, type OrgTarget, type PreparedRow, type RowContext } from './member-imports.rows.ts';

export const JOB_KIND = 'member_import';
/** Everything the job needs is in its member_imports row and its origin. */
export const ZImportPayload = z.object({});
export type ImportPayload = z.infer<typeof ZImportPayload>;
// Short transactions keep the API responsive (PGlite serves one connection); big ones amortise round trips.
const TARGET_TX_MS = 300;
const MIN_BATCH = 2000;
const MAX_BATCH = 5000;
/** On the embedded database a request waits for the transaction in flight: ~50 ms batches keep its wait short
 *  (status p95 65–93 ms during a 100,000-row import against 99–107 ms with 80 ms, at the same import rate). */
const EMBEDDED_SIZING = { targetTxMs: 50, minBatch: 250 };
/**
 * Parts per publishing transaction on the embedded database: one while requests come, up to four (~1,000 rows,
 * ~150 ms) once none has come for QUIET_MS — fewer statements and commits when nobody is waiting.
 */
const QUIET_MS = 250;
const QUIET_PARTS = 4;
/** Share of the progress bar the staging takes when the publish follows; the publish fills the rest. */
const STAGING_SHARE = 0.6;
/** Characters of cell text a batch may hold in memory before it is staged, whatever its row count. */
const MAX_BATCH_CHARS = 4 * 1024 * 1024;
/** A roster row's cells together; a longer row fails the file while it is read. */
const MAX_ROW_CHARS = 64 * 1024;

const tooManyRows = (maxRows: number) => `超过单次导入上限 ${maxRows.toLocaleString('en-US')} 行，请拆分为多个文件后分别导入`;

export interface ImportJobOptions {
  db: Db;
  crypto: FieldCrypto;
  fileOf: (jobId: number) => string;
  /** Fixed rows per batch; by default the size adapts so each transaction takes about TARGET_TX_MS. */
  batchSize?: number;
  /**
   * The embedded database: shorter batches, and the publish part by part (a transaction per STAGED_PART_ROWS new
   * members) so that requests are answered between parts (the job service lets them go first: yieldToRequestsMs).
   */
  embedded?: boolean;
  maxRows: number;
  /** The parsing worker's heap limit (tests lower it). */
  worker?: WorkerOptions;
  /** Test hook, called inside each batch's transaction after its writes. */
  afterBatchWrite?: (jobId: number, batchNo: number, tx: Tx) => Promise<void>;
  /** Test hook, called inside each transaction of a part-by-part publish after its writes (turn 1, 2, …). */
  afterPartPublish?: (jobId: number, turn: number) => Promise<void>;
}

/** Who started the job and from where; kept on the job for its audit row. */
export interface ImportOrigin extends AuditOrigin {
  scopePath: string;
}

export function originOf(job: JobRow): ImportOrigin {
  const o = job.origin;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    actorId: typeof o.actorId === 'number' ? o.actorId : null,
    actorName: str(o.actorName),
    ip: str(o.ip),
    requestId: str(o.requestId),
    scopePath: str(o.scopePath) ?? '',
  };
}

async function firstRows(wb: WorkbookReader, sheet: SheetInfo): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const r of wb.rows(sheet)) {
    if (r.rowNumber > HEADER_SCAN_ROWS) break;
    rows.push(r);
  }
  return rows;
}

/** The sheet named 会员名册, else the first sheet whose header has the required columns. */
async function locate(wb: WorkbookReader): Promise<{ sheet: SheetInfo; header: Header }> {
  const ordered = [...wb.sheets].sort(
    (a, b) => Number(b.name === '会员名册') - Number(a.name === '会员名册') || Number(a.hidden) - Number(b.hidden),
  );
  let firstProblem: string | null = null;
  for (const sheet of ordered) {
    const header = findHeader(await firstRows(wb, sheet));
    const problem = missingColumns(header);
    if (!problem && header) return { sheet, header };
    firstProblem ??= `工作表「${sheet.name}」${problem ?? ''}`;
  }
  throw new JobFailure(firstProblem ?? '未找到会员名册工作表');
}

export function importJob(opts: ImportJobOptions): JobKindDef<ImportPayload> {
  const { db } = opts;

  async function run(ctx: JobContext): Promise<void> {
    const jobId = ctx.job.id;
    const imp = await repo.findImport(db, jobId);
    if (!imp) throw new JobFailure('导入任务不存在');
    const org = await findOrgById(db, imp.orgId);
    if (!org || org.status !== 'active') throw new JobFailure('导入的目标工会不存在或已注销');
    const upload = { id: org.id, path: org.path, name: org.name };
    // Every batch is staged and published in part: the rest of the publish needs no file.
    if (imp.publishingSince) return publish(ctx, imp, upload);
    const file = opts.fileOf(jobId);
    if (!fs.existsSync(file)) throw new JobFailure('上传的文件已丢失，请重新上传');
    let wb: WorkbookReader;
    try {
      wb = await WorkerWorkbook.open(file, opts.worker);
    } catch (e) {
      throw e instanceof ExcelFileError ? new JobFailure(e.message) : e;
    }
    try {
      await importRows(ctx, imp, upload, wb);
    } catch (e) {
      throw e instanceof ExcelFileError ? new JobFailure(e.message) : e;
    } finally {
      wb.close();
    }
  }

  async function importRows(ctx: JobContext, imp: repo.ImportRow, upload: OrgTarget, wb: WorkbookReader): Promise<void> {
    const jobId = ctx.job.id;
    const origin = originOf(ctx.job);
    const { sheet, header } = await locate(wb);
    if (imp.headerRow === null)
      await repo.setHeader(db, jobId, { sheetName: sheet.name.slice(0, 100), headerRow: header.rowNumber, header: header.cells });
    const resolveOrg = header.columns.org === undefined ? () => upload : orgResolver(upload, await repo.subtreeOrgs(db, upload.path));
    const rctx: RowContext = { crypto: opts.crypto, header, date1904: wb.date1904, today: todayCst(), resolveOrg };
    const tooMany = tooManyRows(opts.maxRows);

    const cursor = ctx.job.cursor;
    const seen = new Map<string, number>();
    let progress = 0;
    let dataRows = 0;
    let batch: PreparedRow[] = [];
    let batchChars = 0;
    let batchNo = 0;
    const sizing = opts.embedded ? EMBEDDED_SIZING : { targetTxMs: TARGET_TX_MS, minBatch: MIN_BATCH };
    const stagingShare = imp.dryRun ? 0.99 : STAGING_SHARE;
    let size = opts.batchSize ?? sizing.minBatch;
    let pending: Promise<void> = Promise.resolve();
    const flush = async (last: number) => {
      await pending;
      const rows = batch;
      batch = [];
      batchChars = 0;
      const no = ++batchNo;
      const at = { cursor: last, progress: Math.min(progress, 1) * stagingShare };
      // Timed with the job service's wait for requests (yieldToRequestsMs): under load, batches shrink and requests
      // wait less behind them.
      const started = performance.now();
      pending = ctx
        .checkpoint(at, async (tx: Tx) => {
          await writeBatch(tx, { jobId, dryRun: imp.dryRun, crypto: opts.crypto, origin, date1904: wb.date1904 }, rows, last);
          await opts.afterBatchWrite?.(jobId, no, tx);
        })
        .then(() => {
          if (opts.batchSize !== undefined) return;
          const ideal = (size * sizing.targetTxMs) / Math.max(1, performance.now() - started);
          size = Math.round(Math.min(MAX_BATCH, Math.max(sizing.minBatch, (size + ideal) / 2)));
        });
      // Awaited before the next batch or at the end; this only keeps a failure from going unhandled meanwhile.
      pending.catch(() => undefined);
    };

    const rows = wb.rows(sheet, {
      signal: ctx.signal,
      maxRowChars: MAX_ROW_CHARS,
      onProgress: (read, total) => (progress = total > 0 ? read / total : 0),
      onDimension: (lastRow) => {
        if (lastRow - header.rowNumber > opts.maxRows) throw new JobFailure(tooMany);
      },
    });
    let lastRow = header.rowNumber;
    const pause = cooperative();
    for await (const row of rows) {
      // Buffered rows arrive as microtasks: yield every few ms so requests and the batch in flight get
      // their I/O callbacks (a batch waits on this thread between its statements).
      await pause();
      if (row.rowNumber <= header.rowNumber || isBlankRow(row)) continue;
      if (++dataRows > opts.maxRows) throw new JobFailure(tooMany);
      lastRow = row.rowNumber;
      if (row.rowNumber <= cursor) {
        const key = idKeyOf(row, header);
        if (key && !seen.has(key)) seen.set(key, row.rowNumber);
        continue;
      }
      const prepared = prepareRow(row, rctx, seen);
      batch.push(prepared);
      for (const c of prepared.cells) if (typeof c.value === 'string') batchChars += c.value.length;
      if (batch.length >= size || batchChars >= MAX_BATCH_CHARS) await flush(row.rowNumber);
    }
    if (batch.length > 0) await flush(lastRow);
    await pending;
    await publish(ctx, imp, upload, { cursor: lastRow, progress: stagingShare });
  }

  /** Every batch is staged: publish them (dry run: only end the job) with the import's audit row. */
  async function publish(
    ctx: JobContext,
    imp: repo.ImportRow,
    upload: OrgTarget,
    at?: { cursor: number; progress: number },
  ): Promise<void> {
    const jobId = ctx.job.id;
    const origin = originOf(ctx.job);
    const sliced = opts.embedded && !imp.dryRun;
    const cursor = at?.cursor ?? ctx.job.cursor;
    // Every batch is staged: from here a restart publishes what is staged and never reads the file again. The limit
    // is checked on the staged count, also for rows staged before a restart, whatever happened.
    if (!imp.dryRun && !imp.publishingSince)
      await ctx.checkpoint({ cursor, progress: STAGING_SHARE }, async (tx) => {
        const staged = await repo.findImport(tx, jobId);
        if (!staged || staged.totalRows > opts.maxRows) throw new JobFailure(tooManyRows(opts.maxRows));
        await repo.markPublishing(tx, jobId);
      });
    if (sliced) {
      const parts = await repo.partCounts(db, jobId);
      for (let done = parts.published, turn = 1; ; turn++) {
        const progress = STAGING_SHARE + ((1 - STAGING_SHARE) * 0.99 * Math.min(done, parts.total)) / Math.max(1, parts.total);
        const take = quietForMs() >= QUIET_MS ? QUIET_PARTS : 1;
        const refused = await ctx.checkpoint({ cursor, progress }, async (tx) => {
          const n = await repo.publishNextParts(tx, jobId, origin.actorId, take);
          if (n) await repo.settleCounts(tx, jobId, { refused: n });
          if (n !== null) await opts.afterPartPublish?.(jobId, turn);
          return n;
        });
        if (refused === null) break;
        done += take;
      }
    }
    await ctx.complete(async (tx) => {
      if (imp.dryRun) return;
      const refused = sliced
        ? { inserts: 0, patches: await repo.publishRemaining(tx, jobId) }
        : await repo.publishStaged(tx, jobId, origin.actorId);
      if (refused.inserts > 0 || refused.patches > 0)
        await repo.settleCounts(tx, jobId, { refused: refused.inserts, stale: refused.patches });
      const done = await repo.findImport(tx, jobId);
      if (!done) return;
      await recordAudit(tx, origin, {
        action: 'member.import',
        orgId: upload.id,
        orgPath: upload.path,
        entityType: 'member_import',
        entityId: jobId,
        after: {
          fileName: done.fileName,
          totalRows: done.totalRows,
          imported: done.imported,
          updated: done.updated,
          skipped: done.skipped,
          errorCount: done.errorCount,
        },
      });
    });
    // Published: the planner sees the new rows now, not whenever autovacuum (never, on PGlite) gets to them.
    if (!imp.dryRun) await maintainAfterBulk(opts.db, ['members', 'member_events', 'member_flow_months']);
  }

  return {
    payload: ZImportPayload,
    // One import at a time per process: each holds a parsing worker and long publishing transactions.
    concurrency: 1,
    internalErrorMessage: '处理过程中发生内部错误，请稍后重新上传',
    run,
    async failed(tx, job) {
      const imp = await repo.findImport(tx, job.id);
      // A part-by-part publish that failed for good: take its published members back (all or none of them).
      const kept = imp?.publishingSince ? await tx.transaction((sp) => repo.withdrawPublished(sp, job.id)).catch(() => null) : 0;
      await repo.discardStaged(tx, job.id);
      await repo.settleCounts(tx, job.id, { failed: true, kept: kept ?? imp?.imported ?? 0 });
    },
    async cleanup(job) {
      await fs.promises.rm(opts.fileOf(job.id), { force: true });
    },
  };
}
