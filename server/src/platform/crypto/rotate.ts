// Key rotation: a new active data key, then every encrypted value re-encrypted under it in small keyset batches
// (one short transaction each, compare-and-set per row), so it runs beside the live app and can be resumed.
// The app keeps reading every version: open() reloads the data keys when it meets the new one.
import { recordAudit, type AuditOrigin } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { keyOf, type FieldCrypto } from './crypto.ts';
import type { KeyProvider } from './key-provider.ts';
import { createDataKey, loadDataKeys } from './keys.ts';
import * as repo from './keys.repo.ts';

export interface RotateOptions {
  /** Re-encrypt what is not yet under the active key, without creating a new one (after an interruption). */
  resume?: boolean;
  batchSize?: number;
  log?: (line: string) => void;
  /** Called after each committed batch (tests use it to read through the app mid-rotation). */
  afterBatch?: () => Promise<void>;
}

export interface RotateResult {
  version: number;
  rewritten: number;
  /** Values that do not decrypt under their binding (tampered or moved rows): left as they are, listed here. */
  failed: { table: string; column: string; key: string }[];
}

const ORIGIN: AuditOrigin = { actorId: null, actorName: 'keys:rotate', ip: null, requestId: null };
const MAX_PASSES = 5;

export async function rotateKeys(
  db: Db,
  crypto: FieldCrypto,
  provider: KeyProvider,
  columns: repo.CipherColumn[],
  opts: RotateOptions = {},
): Promise<RotateResult> {
  const log = opts.log ?? (() => undefined);
  const batchSize = opts.batchSize ?? 500;
  await loadDataKeys(db, crypto, provider);
  const version = opts.resume ? crypto.activeVersion() : await createDataKey(db, provider, true);
  if (version === 0) throw new Error('no active data key: start the server once first');
  await loadDataKeys(db, crypto, provider);
  await db.transaction((tx) =>
    recordAudit(tx, ORIGIN, {
      action: 'keys.rotate.start',
      entityType: 'data_key',
      entityId: version,
      after: { version, resume: !!opts.resume },
    }),
  );
  log(`数据密钥 v${version} 已启用，开始重新加密（key v${version} active, re-encrypting）`);

  const prefix = `v2:${version}:`;
  const failed: RotateResult['failed'] = [];
  let rewritten = 0;
  for (const c of columns) {
    const total = await repo.countNotUnder(db, c, prefix);
    let done = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let after: string[] | null = null;
      let missed = 0;
      for (;;) {
        const batch = await repo.cipherBatch(db, c, prefix, after, batchSize);
        if (batch.length === 0) break;
        after = batch[batch.length - 1]?.key ?? null;
        const next: { key: string[]; from: string; to: string }[] = [];
        for (const r of batch) {
          const binding = { table: c.table, column: c.column, id: keyOf(...r.key) };
          try {
            next.push({ key: r.key, from: r.value, to: crypto.encrypt(await crypto.open(r.value, binding), binding) });
          } catch {
            if (pass === 0) failed.push({ table: c.table, column: c.column, key: binding.id });
          }
        }
        const changed = await db.transaction(async (tx) => {
          let n = 0;
          for (const u of next) if (await repo.replaceCipher(tx, c, u.key, u.from, u.to)) n++;
          return n;
        });
        missed += next.length - changed;
        done += changed;
        log(`  ${c.table}.${c.column}: ${done}/${total}`);
        await opts.afterBatch?.();
      }
      if (missed === 0) break;
    }
    rewritten += done;
  }
  const result = { version, rewritten, failed };
  await db.transaction((tx) =>
    recordAudit(tx, ORIGIN, {
      action: 'keys.rotate',
      entityType: 'data_key',
      entityId: version,
      after: { version, rewritten, failed: failed.length },
    }),
  );
  log(`完成：${rewritten} 个加密值已改用 v${version}${failed.length ? `，${failed.length} 个无法解密（见审计与输出）` : ''}`);
  for (const f of failed) log(`  无法解密 / cannot decrypt: ${f.table}.${f.column} ${f.key}`);
  return result;
}
