// What backup and restore share: the manifest beside each archive, the master key (read, never created here), the
// key self-check, and per-table row counts that a restore compares against.
import { createLocalKeyProvider } from '../platform/crypto/index.ts';
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFieldCrypto } from '../platform/crypto/index.ts';

export type Engine = 'postgres' | 'pglite';

export interface Manifest {
  format: 'gonghui-backup';
  version: 1;
  engine: Engine;
  createdAt: string;
  /** The database archive's file name in the backup directory and its SHA-256. */
  archive: string;
  sha256: string;
  /** Rows per table ("schema.table"), counted in the same snapshot as the archive. */
  tables: Record<string, number>;
  /** HMAC of a fixed text under a key derived from the master key: tells a wrong key before anything is touched. */
  keyCheck: string;
  /** One member's encrypted ID number, decrypted as the self-check (absent when there are no members). */
  /** One member's encrypted ID number and the wrapped data keys (safe to store: the master key wraps them). */
  sample?: { memberId: number; idCipher: string; dataKeys?: { version: number; wrapped: string }[] };
  /** The audit seal file copied with the backup, if there was one. */
  auditSeals?: string;
}

export const MANIFEST = 'manifest.json';
export const KEY_FILE = 'master.key';

/** The master key from GONGHUI_MASTER_KEY, else a key file; unlike loadMasterKey this never creates one. */
export function readMasterKey(opts: { envKey?: string; keyFile?: string }): Buffer {
  const text = opts.envKey ?? (opts.keyFile && fs.existsSync(opts.keyFile) ? fs.readFileSync(opts.keyFile, 'utf8').trim() : undefined);
  if (!text)
    throw new Error(
      `找不到主密钥：请设置 GONGHUI_MASTER_KEY 或提供密钥文件${opts.keyFile ? `（${opts.keyFile} 不存在）` : ''}（master key not found）`,
    );
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('主密钥应为 base64 编码的 32 字节（the master key must be 32 bytes, base64）');
  return key;
}

export function keyCheckOf(master: Buffer): string {
  return createHmac('sha256', createFieldCrypto(master).deriveKey('backup key check')).update('gonghui backup').digest('base64url');
}

/** Decrypts one stored ID number with the master key and the data keys it wraps (envelope encryption). */
export async function decryptIdNumber(master: Buffer, sample: NonNullable<Manifest['sample']>): Promise<string> {
  const crypto = createFieldCrypto(master);
  const provider = createLocalKeyProvider(master);
  const keys = new Map<number, Buffer>();
  for (const k of sample.dataKeys ?? []) keys.set(k.version, await provider.unwrap(k.wrapped, k.version));
  crypto.install(keys, crypto.versionOf(sample.idCipher));
  return crypto.decrypt(sample.idCipher, { table: 'members', column: 'id_cipher', id: sample.memberId });
}

/** Refuses a key that does not match the backup, and says why, before the target is touched. */
export async function checkKey(manifest: Manifest, master: Buffer): Promise<void> {
  if (keyCheckOf(master) !== manifest.keyCheck) {
    throw new Error('主密钥与备份不匹配：该备份由另一把主密钥加密，恢复后身份证号将无法解密（the master key does not match this backup）');
  }
  if (manifest.sample) {
    try {
      await decryptIdNumber(master, manifest.sample);
    } catch {
      throw new Error(`主密钥无法解密备份中的会员 ${manifest.sample.memberId} 的身份证号（the master key cannot decrypt a sample row）`);
    }
  }
}

export type Query = <R>(text: string) => Promise<R[]>;

export const TABLES_SQL = `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
  WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'drizzle') ORDER BY 1`;

export async function countTables(q: Query): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { t } of await q<{ t: string }>(TABLES_SQL)) {
    const [row] = await q<{ n: number | string }>(`SELECT count(*) AS n FROM ${t}`);
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}

export async function sampleMember(q: Query): Promise<Manifest['sample']> {
  const [row] = await q<{ id: number; id_cipher: string }>('SELECT id, id_cipher FROM members ORDER BY id LIMIT 1');
  if (!row) return undefined;
  const dataKeys = await q<{ version: number; wrapped: string }>('SELECT version, wrapped FROM data_keys ORDER BY version');
  return {
    memberId: Number(row.id),
    idCipher: row.id_cipher,
    dataKeys: dataKeys.map((k) => ({ version: Number(k.version), wrapped: k.wrapped })),
  };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${dir} 不是备份目录：缺少 ${MANIFEST}（not a backup directory）`);
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== 'gonghui-backup' || m.version !== 1) throw new Error(`无法识别的备份格式（unknown backup format）`);
  const archive = path.join(dir, m.archive);
  if (!fs.existsSync(archive) || sha256File(archive) !== m.sha256)
    throw new Error(`备份文件 ${m.archive} 缺失或已损坏（archive missing or corrupt）`);
  return m;
}

export function writePrivate(file: string, data: string | Buffer): void {
  fs.writeFileSync(file, data, { mode: 0o600, flag: 'wx' });
}

export function diffCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].filter((n) => expected[n] !== actual[n]).map((n) => `${n}: ${expected[n] ?? '—'} → ${actual[n] ?? '—'}`);
}
