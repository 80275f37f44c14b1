// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in a child process.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema } from './schema.ts';
import { acquireDataDirLock } from './lock.ts';
import { scopedPool } from './rls.ts';
import { withCommitHooks } from './commit.ts';

// Keep DATE columns as 'YYYY-MM-DD' strings and BIGINT counts as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = ReturnType<typeof drizzle<typeof schema>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** PGlite only: writes the whole database as a dumpDataDir() tar archive (the test kit's snapshot). */
  dumpTo?(file: string): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; ':memory:' for a throw-away database. */
  dataDir?: string;
  poolMax?: number;
  /** PGlite with ':memory:' only: start from this dumpDataDir() archive instead of an empty cluster. */
  pgliteSnapshot?: string;
}

const childEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pglite-server.mjs');

async function startPglite(dataDir: string, snapshot?: string): Promise<{ child: ChildProcess; socketDir: string }> {
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-pg-'));
  fs.chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const child = fork(childEntry, [dataDir, socketPath, ...(snapshot ? [snapshot] : [])], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`PGlite 进程启动失败（exit ${code}）`)));
    child.once('error', reject);
  });
  return { child, socketDir };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT off: the app's statements run for milliseconds to a few hundred, and compiling one costs 50–180 ms of CPU
    // (EXPLAIN of the 帮扶 statistics, docs/benchmarks.md). work_mem 16 MB: a district's distinct-people count sorts
    // ~70,000 hashes, which spilled to disk at the default 4 MB. A URL's own `options` still wins.
    const pool = scopedPool({ options: '-c jit=off -c work_mem=16MB', connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
    // An idle connection the server ends (restart, failover, pg_terminate_backend) is dropped from the pool and the
    // next query opens a new one; without a listener pg would raise it as an uncaught error and stop the process.
    pool.on('error', () => undefined);
    return { db: withCommitHooks(drizzle(pool, { schema })), pool, kind: 'postgres', close: () => pool.end() };
  }
  const dataDir = opts.dataDir ?? ':memory:';
  const release = dataDir === ':memory:' ? () => undefined : acquireDataDirLock(dataDir);
  const pgliteDir = dataDir === ':memory:' ? dataDir : path.join(dataDir, 'pglite');
  try {
    if (opts.pgliteSnapshot && dataDir !== ':memory:') throw new Error('a PGlite snapshot loads into :memory: only');
    const { child, socketDir } = await startPglite(pgliteDir, opts.pgliteSnapshot);
    // PGlite runs one query at a time; one pooled connection keeps transactions simple and ordered.
    const pool = scopedPool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
    const close = async () => {
      await pool.end();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(socketDir, { recursive: true, force: true });
      release();
    };
    const dumpTo = (file: string) =>
      new Promise<void>((resolve, reject) => {
        const onMessage = (m: { dumped?: string; error?: string }) => {
          if (m?.dumped !== file) return;
          child.off('message', onMessage);
          if (m.error) reject(new Error(`PGlite dump failed: ${m.error}`));
          else resolve();
        };
        child.on('message', onMessage);
        child.send({ dump: file });
      });
    return { db: withCommitHooks(drizzle(pool, { schema })), pool, kind: 'pglite', close, dumpTo };
  } catch (e) {
    release();
    throw e;
  }
}
