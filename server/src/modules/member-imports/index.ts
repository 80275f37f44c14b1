// Public surface of the member import module: Excel rosters into the registry, as resumable background jobs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { createJobRunner, jobRepo, type RunnerLog } from '../../platform/jobs/index.ts';
import { JOB_KIND, importJob } from './member-imports.job.ts';
import { registerImportRoutes } from './member-imports.routes.ts';
import { createImportService, importsDirOf } from './member-imports.service.ts';

export const MAX_ROWS = 1_100_000;

export interface ImportRuntimeOptions {
  db: Db;
  crypto: FieldCrypto;
  /** Where uploads wait until their job ends. */
  dir: string;
  log: RunnerLog;
  /** Fixed rows per batch (tests); adaptive by default. */
  batchSize?: number;
  maxRows?: number;
  leaseMs?: number;
  pollMs?: number;
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

      afterBatchWrite: o.afterBatchWrite,
    }),
  );
  const service = createImportService({ db: o.db, crypto: o.crypto, runner, fileOf });

  /** Uploads of jobs that have ended (a crash between the end and the delete) and stale partial uploads. */
  async function sweep(): Promise<void> {
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
  /** DATA_DIR: uploads wait in DATA_DIR/imports. Omitted (route tests): a temporary directory. */
  dataDir?: string;
}

export async function registerMemberImportsModule(app: HttpApp, db: Db, opts: MemberImportsOptions) {
  const temporary = !opts.dataDir;
  const dir = opts.dataDir ? importsDirOf(opts.dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-imports-'));
  const runtime = createImportRuntime({ db, crypto: opts.crypto, dir, log: app.log });
  await registerImportRoutes(app, runtime.service, dir);
  app.addHook('onReady', async () => {
    await runtime.sweep();
    await runtime.runner.start();
  });
  app.addHook('onClose', async () => {
    await runtime.runner.stop();
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  });
  return runtime;
}
export { IMPORT_CIPHER_COLUMNS } from './member-imports.repo.ts';
