// Public surface of the member import module: Excel rosters into the registry, as resumable background jobs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { memberImportsCatalogue } from '@gonghui/common';
import { asSystem, memberImportRows, memberImports, memberImportStaged, type Db } from '../../platform/db/index.ts';

import { defineModule } from '../../platform/contract/index.ts';
import type { WorkerOptions } from '../../platform/excel/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { createJobRunner, jobRepo, type RunnerLog } from '../../platform/jobs/index.ts';
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
  /** Where uploads wait until their job ends (DATA_DIR/uploads, see uploadsDirOf). */
  dir: string;
  log: RunnerLog;
  /** Fixed rows per batch (tests); adaptive by default. */
  batchSize?: number;
  maxRows?: number;
  leaseMs?: number;
  pollMs?: number;
  worker?: WorkerOptions;
  afterBatchWrite?: (jobId: number, batchNo: number) => Promise<void>;
}

/** The runner and service without HTTP: what the server wires up, and what crash tests and benchmarks drive. */
export function createImportRuntime(o: ImportRuntimeOptions) {
  const fileOf = (jobId: number) => path.join(o.dir, `${jobId}.xlsx`);
  const runner = createJobRunner({ db: o.db, log: o.log, leaseMs: o.leaseMs, pollMs: o.pollMs });
  runner.register(
    JOB_KIND,
    importJob({
      db: o.db,
      crypto: o.crypto,
      fileOf,
      batchSize: o.batchSize,
      maxRows: o.maxRows ?? MAX_ROWS,
      worker: o.worker,
      afterBatchWrite: o.afterBatchWrite,
    }),
  );
  const service = createImportService({ db: o.db, crypto: o.crypto, runner, fileOf });

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
  return { runner, service, fileOf, sweep };
}

export interface MemberImportsOptions {
  crypto: FieldCrypto;
  /** DATA_DIR: uploads wait in DATA_DIR/uploads. Omitted only by route tests: a temporary directory removed at close. */
  dataDir?: string;
  /** The import job's lease: how soon another start may resume a job whose process died. */
  jobLeaseMs?: number;
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
  register: ({ app, db, settings }) => registerMemberImportsModule(app, db, settings),
});

async function registerMemberImportsModule(app: HttpApp, db: Db, opts: MemberImportsOptions) {
  const temporary = !opts.dataDir;
  const dir = opts.dataDir ? uploadsDirOf(opts.dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-imports-'));
  const runtime = createImportRuntime({ db, crypto: opts.crypto, dir, log: app.log, leaseMs: opts.jobLeaseMs });
  await registerImportRoutes(app, runtime.service, dir);
  let timer: NodeJS.Timeout | null = null;
  const sweep = () => runtime.sweep().catch((err: unknown) => app.log.warn({ err }, 'import sweep failed'));
  app.addHook('onReady', async () => {
    await runtime.sweep();
    await runtime.runner.start();
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await runtime.runner.stop();
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  });
  return runtime;
}
export { IMPORT_CIPHER_COLUMNS } from './member-imports.repo.ts';
