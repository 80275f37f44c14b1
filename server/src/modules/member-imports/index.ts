// Public surface of the member import module: Excel rosters into the registry, as resumable background jobs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { memberImportsCatalogue } from '@gonghui/common';
import { asSystem, memberImportRows, memberImports, memberImportStaged, type Db, type Tx } from '../../platform/db/index.ts';

import { defineModule } from '../../platform/contract/index.ts';
import type { WorkerOptions } from '../../platform/excel/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { jobRepo, type JobService } from '../../platform/jobs/index.ts';
import { JOB_KIND, importJob } from './member-imports.job.ts';
import * as repo from './member-imports.repo.ts';
import { registerImportRoutes } from './member-imports.routes.ts';
import { createImportService, uploadsDirOf } from './member-imports.service.ts';

export { uploadsDirOf } from './member-imports.service.ts';
export const MAX_ROWS = 1_100_000;
/** A job still unfinished this long after its upload is given up (its upload and staged rows go with it). */
const EXPIRE_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 10 * 60_000;

export interface ImportRuntimeOptions {
  db: Db;
  crypto: FieldCrypto;
  /** The server's one job service; the import kind is defined on it. */
  jobs: JobService;
  /** Where uploads wait until their job ends (DATA_DIR/uploads, see uploadsDirOf). */
  dir: string;
  /** Fixed rows per batch (tests); adaptive by default. */
  batchSize?: number;
  maxRows?: number;
  worker?: WorkerOptions;
  afterBatchWrite?: (jobId: number, batchNo: number, tx: Tx) => Promise<void>;
  /** The embedded database: shorter batches and a part-by-part publish (importJob). */
  embedded?: boolean;
  afterPartPublish?: (jobId: number, partNo: number) => Promise<void>;
}

/** The import kind and service without HTTP: what the server wires up, and what tests and benchmarks drive. */
export function createImportRuntime(o: ImportRuntimeOptions) {
  const fileOf = (jobId: number) => path.join(o.dir, `${jobId}.xlsx`);
  const kind = o.jobs.define(
    JOB_KIND,
    importJob({
      db: o.db,
      crypto: o.crypto,
      fileOf,
      batchSize: o.batchSize,
      maxRows: o.maxRows ?? MAX_ROWS,
      worker: o.worker,
      afterBatchWrite: o.afterBatchWrite,
      embedded: o.embedded,
      afterPartPublish: o.afterPartPublish,
    }),
  );
  const service = createImportService({ db: o.db, crypto: o.crypto, jobs: o.jobs, kind, fileOf });

  /**
   * Gives up jobs left unfinished for a day, drops staged rows of jobs that have ended, deletes uploads of
   * jobs that have ended (a crash between the end and the delete) and stale partial uploads.
   */
  async function sweep(): Promise<void> {
    await asSystem(() => jobRepo.failExpired(o.db, JOB_KIND, EXPIRE_MS, '导入超过24小时仍未完成，已取消；请重新上传'));
    await asSystem(() => repo.discardAbandonedStaged(o.db));
    const active = new Set((await asSystem(() => jobRepo.activeIds(o.db, JOB_KIND))).map((id) => `${id}.xlsx`));
    for (const name of await fs.promises.readdir(o.dir)) {
      const file = path.join(o.dir, name);
      const stale = name.endsWith('.part') && Date.now() - (await fs.promises.stat(file)).mtimeMs > 3600_000;
      if (stale || (/^\d+\.xlsx$/.test(name) && !active.has(name))) await fs.promises.rm(file, { force: true });
    }
  }
  return { jobs: o.jobs, service, fileOf, sweep };
}

export interface MemberImportsOptions {
  crypto: FieldCrypto;
  /** DATA_DIR: uploads wait in DATA_DIR/uploads. Omitted only by route tests: a temporary directory removed at close. */
  dataDir?: string;
  /** The embedded database: the import publishes part by part (importJob). */
  embeddedDb?: boolean;
}

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'member-imports': ImportRuntime;
  }
}
export type ImportRuntime = ReturnType<typeof createImportRuntime>;

export const memberImportsModule = defineModule({
  name: 'member-imports',
  catalogue: memberImportsCatalogue,
  tables: [memberImports, memberImportRows, memberImportStaged],
  scopes: { member_import: { label: '导入任务', resolve: repo.scopePaths } },
  register: ({ app, db, settings, jobs }) => registerMemberImportsModule(app, db, jobs, settings),
});

// The job service starts and stops with the server (server.ts); this module only defines its kind on it. Its
// sweep stays a local timer: it also deletes files in this process's upload directory.
async function registerMemberImportsModule(app: HttpApp, db: Db, jobs: JobService, opts: MemberImportsOptions) {
  const temporary = !opts.dataDir;
  const dir = opts.dataDir ? uploadsDirOf(opts.dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-imports-'));
  const runtime = createImportRuntime({ db, crypto: opts.crypto, jobs, dir, embedded: opts.embeddedDb });
  await registerImportRoutes(app, runtime.service, dir);
  let timer: NodeJS.Timeout | null = null;
  const sweep = () => runtime.sweep().catch((err: unknown) => app.log.warn({ err }, 'import sweep failed'));
  app.addHook('onReady', async () => {
    await runtime.sweep();
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  });
  return runtime;
}
export { IMPORT_CIPHER_COLUMNS } from './member-imports.repo.ts';
/** Cell readers and download helpers another module's Excel list reuses (the beneficiary lists of assistance). */
export { cellText, normalizeHeader } from './member-imports.columns.ts';
export { displayOf, isBlankRow, readDate, readIdNumber, readName, readPhone } from './member-imports.rows.ts';
export { XLSX_MIME, attachment, errorReportStream, type ReportSource } from './member-imports.xlsx.ts';
