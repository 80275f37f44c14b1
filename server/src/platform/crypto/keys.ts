// Envelope keys at start: unwrap every data key with the provider, create the first one on a fresh database,
// and refuse to start (KeyCheckError, one line) when the master key cannot open what the database holds —
// e.g. a database restored next to another environment's key.
import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../db/index.ts';
import { CipherError, keyOf, type FieldCrypto } from './crypto.ts';
import type { KeyProvider } from './key-provider.ts';
import * as repo from './keys.repo.ts';

export class KeyCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyCheckError';
  }
}

/** Loads (or reloads) every data key into `crypto`; the active one encrypts new values. */
export async function loadDataKeys(db: DbOrTx, crypto: FieldCrypto, provider: KeyProvider): Promise<number> {
  const rows = await repo.listDataKeys(db);
  const keys = new Map<number, Buffer>();
  for (const r of rows) {
    try {
      keys.set(r.version, await provider.unwrap(r.wrapped, r.version));
    } catch {
      throw new KeyCheckError(`主密钥无法解开数据密钥 v${r.version}（${r.provider}）：主密钥与数据库不匹配，请使用该数据库对应的主密钥`);
    }
  }
  const active = rows.find((r) => r.active)?.version;
  if (active !== undefined) crypto.install(keys, active);
  return rows.length;
}

/** A fresh random data key, wrapped and stored; activated at once when `activate` (rotation). */
export async function createDataKey(db: Db, provider: KeyProvider, activate: boolean): Promise<number> {
  for (;;) {
    const version = Math.max(0, ...(await repo.listDataKeys(db)).map((r) => r.version)) + 1;
    const wrapped = await provider.wrap(randomBytes(32), version);
    const inserted = await db.transaction(async (tx) => {
      if (!(await repo.insertDataKey(tx, { version, wrapped, provider: provider.name, active: false }))) return false;
      if (activate) await repo.activate(tx, version);
      return true;
    });
    if (inserted) return version;
  }
}

async function probe(db: DbOrTx, crypto: FieldCrypto, columns: repo.CipherColumn[]): Promise<void> {
  for (const c of columns) {
    const row = await repo.sampleCipher(db, c);
    if (!row) continue;
    try {
      crypto.decrypt(row.value, { table: c.table, column: c.column, id: keyOf(...row.key) });
    } catch (e) {
      const why = e instanceof CipherError && e.reason === 'unknown_key' ? '引用了不存在的数据密钥' : '无法解密';
      throw new KeyCheckError(`主密钥自检失败：${c.table}.${c.column}（${keyOf(...row.key)}）${why}，主密钥与数据库不匹配`);
    }
  }
}

/**
 * Start-up: unwrap all data keys, make sure one is active (the first start creates it), and self-test: a canary
 * round trip plus one stored value of each encrypted column. `columns` are probed before a first key is created,
 * so a wrong master key never gets to add its own key to an existing database.
 */
export async function initKeys(db: Db, crypto: FieldCrypto, provider: KeyProvider, columns: repo.CipherColumn[]): Promise<void> {
  if ((await loadDataKeys(db, crypto, provider)) === 0) {
    await probe(db, crypto, columns);
    // Two servers starting at once: one insert wins (primary key, one active key), both load the winner.
    await repo.insertDataKey(db, { version: 1, wrapped: await provider.wrap(randomBytes(32), 1), provider: provider.name, active: true });
    await loadDataKeys(db, crypto, provider);
  }
  if (crypto.activeVersion() === 0) throw new KeyCheckError('数据库中没有启用的数据密钥（data_keys 无 active 行）');
  const canary = { table: '_selftest', column: 'canary', id: 0 };
  if (crypto.decrypt(crypto.encrypt('gonghui', canary), canary) !== 'gonghui') throw new KeyCheckError('加密自检失败');
  await probe(db, crypto, columns);
  crypto.setReloader(async () => {
    await loadDataKeys(db, crypto, provider);
  });
}
