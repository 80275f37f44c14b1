// Audit rows are written inside the caller's transaction and chained by SHA-256 over a canonical form,
// so any edited, removed or reordered row breaks verification.
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/index.ts';
import { chainBatch, insertAudit, lockChainAndGetLastHash, type AuditRow } from './audit.repo.ts';

export interface AuditOrigin {
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  orgId?: number | null;
  orgPath?: string | null;
  entityType?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

type Hashed = Pick<
  AuditRow,
  'at' | 'actorId' | 'actorName' | 'orgId' | 'orgPath' | 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'ip' | 'requestId'
>;

export function auditHash(prevHash: string, r: Hashed): string {
  const body = canonicalJson([
    r.at.toISOString(),
    r.actorId,
    r.actorName,
    r.orgId,
    r.orgPath,
    r.action,
    r.entityType,
    r.entityId,
    r.before,
    r.after,
    r.ip,
    r.requestId,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

// JSON round trip so the hash is taken over exactly what jsonb will give back (no Dates, no undefined).
const plain = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));

export async function recordAudit(tx: DbOrTx, origin: AuditOrigin, e: AuditEntry): Promise<void> {
  const prevHash = await lockChainAndGetLastHash(tx);
  const row: Hashed = {
    at: new Date(),
    actorId: origin.actorId,
    actorName: origin.actorName,
    orgId: e.orgId ?? null,
    orgPath: e.orgPath ?? null,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId === undefined ? null : String(e.entityId),
    before: plain(e.before),
    after: plain(e.after),
    ip: origin.ip,
    requestId: origin.requestId,
  };
  await insertAudit(tx, { ...row, prevHash, hash: auditHash(prevHash, row) });
}

export async function verifyAuditChain(db: DbOrTx): Promise<{ ok: boolean; checked: number; brokenAt?: number }> {
  let prev = '';
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const batch = await chainBatch(db, afterId, 5000);
    for (const r of batch) {
      if (r.prevHash !== prev || auditHash(prev, r) !== r.hash) return { ok: false, checked, brokenAt: r.id };
      prev = r.hash;
      checked++;
      afterId = r.id;
    }
    if (batch.length < 5000) return { ok: true, checked };
  }
}

export function originOf(ctx: { actor: { userId: number; username: string }; ip: string | null; requestId: string | null }): AuditOrigin {
  return { actorId: ctx.actor.userId, actorName: ctx.actor.username, ip: ctx.ip, requestId: ctx.requestId };
}
