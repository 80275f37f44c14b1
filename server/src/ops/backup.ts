// `npm run backup`: one directory per backup holding the database archive, a manifest (row counts, key check,
// one encrypted sample), a copy of the audit seals and — only when asked — the master key as a separate file.
// PostgreSQL: pg_dump -Fc inside an exported snapshot, so the counts match the archive while the app keeps running.
// PGlite: dumpDataDir() of the data directory, which needs the app stopped (the data-directory lock says so).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from '../platform/db/lock.ts';
import {
  KEY_FILE,
  MANIFEST,
  countTables,
  keyCheckOf,
  sampleMember,
  sha256File,
  writePrivate,
  type Engine,
  type Manifest,
  type Query,
} from './backup-common.ts';

const exec = promisify(execFile);

export interface BackupOptions {
  /** PostgreSQL to back up; without it, the PGlite database under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** A new (or empty) directory for this backup. */
  outDir: string;
  masterKey: Buffer;
  /** The audit seal directory, copied beside the archive. */
  sealDir?: string;
  /** Also write the master key (a separate file, mode 0600). */
  withKey?: boolean;
}

/** libpq arguments without the password on the command line (`ps` would show it): it travels in PGPASSWORD. */
export function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

export async function pgToolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  const { stdout } = await exec(tool, ['--version']).catch(() => {
    throw new Error(`找不到 ${tool}：请安装与服务器同一主版本的 postgresql-client（${tool} not found）`);
  });
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 0);
}

export async function checkPgToolVersion(client: pg.Client, tool: 'pg_dump' | 'pg_restore'): Promise<void> {
  const server = Math.floor(Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0]?.v ?? 0) / 10000);
  const mine = await pgToolMajor(tool);
  if (mine < server)
    throw new Error(
      `${tool} ${mine} 不能处理 PostgreSQL ${server} 的数据库：请安装 postgresql-client-${server}（${tool} is older than the server）`,
    );
}

function prepareOutDir(dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new Error(`备份目录 ${dir} 已存在且不为空（backup directory is not empty）`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

async function dumpPostgres(url: string, archive: string): Promise<{ tables: Record<string, number>; sample: Manifest['sample'] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await checkPgToolVersion(client, 'pg_dump');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]?.s ?? '';
    const q: Query = async <R>(text: string) => (await client.query(text)).rows as R[];
    const tables = await countTables(q);
    const sample = await sampleMember(q);
    const { dbname, env } = pgConnection(url);
    await exec('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${archive}`, `--dbname=${dbname}`], { env }).catch(
      (e: Error & { stderr?: string }) => {
        throw new Error(`pg_dump 失败：${e.stderr?.trim() || e.message}`);
      },
    );
    await client.query('COMMIT');
    return { tables, sample };
  } finally {
    await client.end();
  }
}

async function dumpPglite(dataDir: string, archive: string): Promise<{ tables: Record<string, number>; sample: Manifest['sample'] }> {
  const pgliteDir = path.join(dataDir, 'pglite');
  if (!fs.existsSync(pgliteDir)) throw new Error(`${pgliteDir} 中没有 PGlite 数据库（no PGlite database there）`);
  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (e) {
    throw new Error(`PGlite 备份需先停止服务：${(e as Error).message}`);
  }
  try {
    const db = await PGlite.create(pgliteDir);
    try {
      const q: Query = async <R>(text: string) => (await db.query<R>(text)).rows;
      const tables = await countTables(q);
      const sample = await sampleMember(q);
      const blob = await db.dumpDataDir('gzip');
      writePrivate(archive, Buffer.from(await blob.arrayBuffer()));
      return { tables, sample };
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

export async function backupDatabase(o: BackupOptions): Promise<{ dir: string; manifest: Manifest }> {
  const engine: Engine = o.databaseUrl ? 'postgres' : 'pglite';
  prepareOutDir(o.outDir);
  // Seals first: every seal copied then covers rows the archive (taken after) contains.
  const sealFile = o.sealDir ? path.join(o.sealDir, 'seals.jsonl') : undefined;
  let auditSeals: string | undefined;
  if (sealFile && fs.existsSync(sealFile)) {
    auditSeals = 'audit-seals.jsonl';
    writePrivate(path.join(o.outDir, auditSeals), fs.readFileSync(sealFile));
  }
  const archiveName = engine === 'postgres' ? 'database.pgdump' : 'database.tar.gz';
  const archive = path.join(o.outDir, archiveName);
  const { tables, sample } = o.databaseUrl ? await dumpPostgres(o.databaseUrl, archive) : await dumpPglite(o.dataDir, archive);
  fs.chmodSync(archive, 0o600);
  const manifest: Manifest = {
    format: 'gonghui-backup',
    version: 1,
    engine,
    createdAt: new Date().toISOString(),
    archive: archiveName,
    sha256: sha256File(archive),
    tables,
    keyCheck: keyCheckOf(o.masterKey),
    ...(sample ? { sample } : {}),
    ...(auditSeals ? { auditSeals } : {}),
  };
  writePrivate(path.join(o.outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  if (o.withKey) writePrivate(path.join(o.outDir, KEY_FILE), o.masterKey.toString('base64'));
  return { dir: o.outDir, manifest };
}
