// `npm run restore`: into an EMPTY PostgreSQL database or a PGlite data directory that holds no database yet.
// It refuses, before touching anything, without a master key that matches the backup (key check + one sample row
// decrypted), and afterwards compares every table's row count with the manifest and decrypts the sample again.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from '../platform/db/lock.ts';
import { checkPgToolVersion, pgConnection } from './backup.ts';
import {
  KEY_FILE,
  checkKey,
  countTables,
  decryptIdNumber,
  diffCounts,
  readManifest,
  sampleMember,
  writePrivate,
  type Manifest,
  type Query,
} from './backup-common.ts';

const exec = promisify(execFile);

export interface RestoreOptions {
  /** The backup directory (manifest.json + archive). */
  from: string;
  /** Target PostgreSQL database (must be empty); without it, PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  masterKey: Buffer | undefined;
  /** Write the key to DATA_DIR/master.key (when it came from a file and GONGHUI_MASTER_KEY is not used). */
  installKey?: boolean;
  /** Where the restored site keeps its audit seals; the backup's copy goes there if none exist yet. */
  sealDir?: string;
}

export interface RestoreResult {
  manifest: Manifest;
  tables: Record<string, number>;
  notes: string[];
}

async function restorePostgres(url: string, archive: string, check: (q: Query) => Promise<Record<string, number>>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')",
    );
    if ((existing.rows[0]?.n ?? 0) > 0) throw new Error('目标数据库不是空的：请恢复到新建的空数据库（target database is not empty）');
    await checkPgToolVersion(client, 'pg_restore');
    const { dbname, env } = pgConnection(url);
    await exec('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${dbname}`, archive], { env }).catch(
      (e: Error & { stderr?: string }) => {
        throw new Error(`pg_restore 失败：${e.stderr?.trim() || e.message}`);
      },
    );
    return await check(async <R>(text: string) => (await client.query(text)).rows as R[]);
  } finally {
    await client.end();
  }
}

async function restorePglite(dataDir: string, archive: string, check: (q: Query) => Promise<Record<string, number>>) {
  const pgliteDir = path.join(dataDir, 'pglite');
  if (fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length > 0) {
    throw new Error(`${pgliteDir} 已有数据库：请恢复到新的数据目录（target data directory already holds a database）`);
  }
  const release = acquireDataDirLock(dataDir);
  try {
    const db = await PGlite.create(pgliteDir, { loadDataDir: new Blob([fs.readFileSync(archive)]) });
    try {
      return await check(async <R>(text: string) => (await db.query<R>(text)).rows);
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

export async function restoreDatabase(o: RestoreOptions): Promise<RestoreResult> {
  const manifest = readManifest(o.from);
  if (!o.masterKey) {
    throw new Error(
      '恢复需要主密钥：用 --key <文件> 指定，或设置 GONGHUI_MASTER_KEY；没有它，身份证号无法解密（a master key is required）',
    );
  }
  const key = o.masterKey;
  await checkKey(manifest, key);
  const engine = o.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) {
    throw new Error(`该备份来自 ${manifest.engine}，不能恢复到 ${engine}（restore into the same engine）`);
  }
  const keyPath = path.join(o.dataDir, KEY_FILE);
  if (o.installKey && fs.existsSync(keyPath) && fs.readFileSync(keyPath, 'utf8').trim() !== key.toString('base64')) {
    throw new Error(`${keyPath} 中已有另一把主密钥：不覆盖（a different master key is already there）`);
  }

  const check = async (q: Query) => {
    const tables = await countTables(q);
    const diff = diffCounts(manifest.tables, tables);
    if (diff.length > 0) throw new Error(`恢复后的行数与备份不一致（row counts differ）：${diff.join('；')}`);
    const sample = await sampleMember(q);
    if (sample) await decryptIdNumber(key, sample); // throws if the restored rows do not decrypt
    return tables;
  };
  const archive = path.join(o.from, manifest.archive);
  const tables = o.databaseUrl ? await restorePostgres(o.databaseUrl, archive, check) : await restorePglite(o.dataDir, archive, check);

  const notes: string[] = [];
  if (o.installKey && !fs.existsSync(keyPath)) {
    fs.mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
    writePrivate(keyPath, key.toString('base64'));
    notes.push(`主密钥已写入 ${keyPath}（0600）`);
  }
  if (manifest.auditSeals && o.sealDir) {
    const target = path.join(o.sealDir, 'seals.jsonl');
    if (fs.existsSync(target)) {
      notes.push(`审计封印文件 ${target} 已存在，未覆盖：其中晚于本备份的封印会使校验报告“尾部被删除”，这正是恢复所丢失的记录`);
    } else {
      fs.mkdirSync(o.sealDir, { recursive: true, mode: 0o700 });
      writePrivate(target, fs.readFileSync(path.join(o.from, manifest.auditSeals)));
      notes.push(`审计封印已恢复到 ${target}`);
    }
  }
  return { manifest, tables, notes };
}
