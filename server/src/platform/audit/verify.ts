// Recomputes the keyed chain row by row and holds it against the latest valid seal.
import type { Db, DbOrTx } from '../db/index.ts';
import { auditHash, keyedAuditHash } from './audit.ts';
import { chainBatch, chainRowAt } from './audit.repo.ts';
import { auditSealsOf, type AuditSeal } from './seals.ts';

export type ChainBreak =
  | 'hash_mismatch' // a row's content, hash or link does not match (edited, removed in the middle, wrong key)
  | 'legacy_after_keyed' // a plain SHA-256 row after a keyed one
  | 'legacy_unsealed' // a plain SHA-256 row that no seal covers
  | 'unknown_version'
  | 'seal_mismatch' // the sealed row is gone or differs
  | 'tail_deleted' // the table ends before the sealed head
  | 'truncated' // the table is empty but a seal says otherwise
  | 'seal_forged'; // the seal file holds a line that is not a validly signed seal

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  sealedThrough?: number;
  reason?: ChainBreak;
}

interface WalkFrom {
  afterId: number;
  prevHash: string;
  checked: number;
  keyedSeen: boolean;
}
interface WalkResult {
  checked: number;
  broken?: { at: number; reason: ChainBreak };
  head?: { id: number; hash: string };
}

const BATCH = 5000;

/**
 * Walks rows after `from.afterId`. Legacy rows are accepted only before any keyed row and, unless `trustLegacy`
 * (the very first seal of an upgraded database), only where `seal` covers them.
 */
async function walk(db: DbOrTx, from: WalkFrom, seal: AuditSeal | undefined, trustLegacy: boolean): Promise<WalkResult> {
  let { afterId, prevHash: prev, checked, keyedSeen } = from;
  let head: WalkResult['head'];
  let sealReached = !seal || seal.throughId <= afterId;
  const fail = (at: number, reason: ChainBreak): WalkResult => ({ checked, head, broken: { at, reason } });
  for (;;) {
    const batch = await chainBatch(db, afterId, BATCH);
    for (const r of batch) {
      if (seal && !sealReached && r.id > seal.throughId) return fail(r.id, 'seal_mismatch');
      if (r.chainVersion === 1) {
        if (keyedSeen) return fail(r.id, 'legacy_after_keyed');
        if (!trustLegacy && (!seal || r.id > seal.throughId)) return fail(r.id, 'legacy_unsealed');
        if (r.prevHash !== prev || auditHash(prev, r) !== r.hash) return fail(r.id, 'hash_mismatch');
      } else if (r.chainVersion === 2) {
        keyedSeen = true;
        if (r.prevHash !== prev || keyedAuditHash(prev, r) !== r.hash) return fail(r.id, 'hash_mismatch');
      } else {
        return fail(r.id, 'unknown_version');
      }
      if (seal && r.id === seal.throughId) {
        sealReached = true;
        if (r.hash !== seal.hash || checked + 1 !== seal.count) return fail(r.id, 'seal_mismatch');
      }
      prev = r.hash;
      checked++;
      afterId = r.id;
      head = { id: r.id, hash: r.hash };
    }
    if (batch.length < BATCH) break;
  }
  if (seal && !sealReached) return fail(seal.throughId, checked === 0 ? 'truncated' : 'tail_deleted');
  return { checked, head };
}

/** Full verification from the first row, against the latest valid seal of this database's seal file. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  const { latest, invalid } = auditSealsOf(db).read();
  const res = await walk(db, { afterId: 0, prevHash: '', checked: 0, keyedSeen: false }, latest, false);
  const sealedThrough = latest ? { sealedThrough: latest.throughId } : {};
  if (res.broken) return { ok: false, checked: res.checked, brokenAt: res.broken.at, ...sealedThrough, reason: res.broken.reason };
  if (invalid > 0) return { ok: false, checked: res.checked, ...sealedThrough, reason: 'seal_forged' };
  return { ok: true, checked: res.checked, ...sealedThrough };
}

/**
 * Verifies only what the last seal does not cover yet (the sealed row must still be there, unchanged) and returns
 * the new head. Without any seal, the whole chain is walked and a legacy prefix is trusted once.
 */
export async function verifySinceSeal(db: DbOrTx, last: AuditSeal | undefined): Promise<WalkResult> {
  if (!last) return walk(db, { afterId: 0, prevHash: '', checked: 0, keyedSeen: false }, undefined, true);
  const sealed = await chainRowAt(db, last.throughId);
  if (!sealed || sealed.hash !== last.hash)
    return { checked: 0, broken: { at: last.throughId, reason: sealed ? 'seal_mismatch' : 'tail_deleted' } };
  return walk(
    db,
    { afterId: last.throughId, prevHash: last.hash, checked: last.count, keyedSeen: sealed.chainVersion === 2 },
    undefined,
    false,
  );
}
