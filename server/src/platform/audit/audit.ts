// Audit rows are written inside the caller's transaction and chained by HMAC-SHA256 over a canonical form, with a
// key derived from the master key (never in the database): whoever can write the table cannot forge the chain.
// Rows of the legacy plain SHA-256 chain (version 1) remain verifiable as a prefix that a seal covers.
import { createHash, createHmac } from 'node:crypto';
import type { AuditAction } from '@gonghui/common';
import type { DbOrTx } from '../db/index.ts';
import { insertAudit, insertAuditMany, lockChainAndGetLastHash, type AuditRow } from './audit.repo.ts';

export interface AuditOrigin {
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** An action of the catalogue in common/src/audit.ts, which labels it for the console. */
  action: AuditAction;
  orgId?: number | null;
  orgPath?: string | null;
  entityType?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

export const CHAIN_VERSION = 2;

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

export type Hashed = Pick<
  AuditRow,
  'at' | 'actorId' | 'actorName' | 'orgId' | 'orgPath' | 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'ip' | 'requestId'
>;

function bodyOf(r: Hashed): string {
  return canonicalJson([
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
}

/** Version 1 (legacy): plain SHA-256, which anyone with write access can recompute. */
export function auditHash(prevHash: string, r: Hashed): string {
  return createHash('sha256').update(prevHash).update('\n').update(bodyOf(r)).digest('hex');
}

export interface AuditKeys {
  chain: Uint8Array;
  /** 32-byte Ed25519 seed for the seals. */
  seal: Uint8Array;
}

let keys: AuditKeys | undefined;

/** Called once at start (main, buildServer, the test database helper) with the master key's derivations. */
/**
 * What the chain needs from the field crypto: keys derived from the master key. Declared here, not imported from
 * platform/crypto, because crypto (key rotation) records audit rows: audit ↔ crypto would be a cycle.
 */
export interface AuditKeySource {
  deriveKey(purpose: string): Uint8Array;
}

export function configureAuditChain(crypto: AuditKeySource): void {
  const next = { chain: crypto.deriveKey('audit chain'), seal: crypto.deriveKey('audit seal') };
  if (keys && !Buffer.from(keys.chain).equals(Buffer.from(next.chain))) {
    throw new Error('audit chain key is already configured with a different master key');
  }
  keys = next;
}

export function auditKeys(): AuditKeys {
  if (!keys) throw new Error('audit chain key not configured: call configureAuditChain(crypto) at start');
  return keys;
}

/** Version 2: HMAC-SHA256 under the chain key. */
export function keyedAuditHash(prevHash: string, r: Hashed): string {
  return createHmac('sha256', auditKeys().chain).update(prevHash).update('\n').update(bodyOf(r)).digest('hex');
}

// Sealers listen to count rows (an approximation: a row counts even if its transaction later rolls back).
const listeners = new Set<() => void>();
export function onAuditRecorded(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Appends one fully formed row to the chain; recordAudit is the normal entry point. */
export async function appendAudit(tx: DbOrTx, row: Hashed): Promise<void> {
  auditKeys(); // fail before taking the lock
  const prevHash = await lockChainAndGetLastHash(tx);
  await insertAudit(tx, { ...row, prevHash, hash: keyedAuditHash(prevHash, row), chainVersion: CHAIN_VERSION });
  for (const fn of listeners) fn();
}

// JSON round trip so the hash is taken over exactly what jsonb will give back (no Dates, no undefined).
const plain = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));

export async function recordAudit(tx: DbOrTx, origin: AuditOrigin, e: AuditEntry): Promise<void> {
  await appendAudit(tx, {
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
  });
}

/**
 * Many entries of one origin appended in order under one lock (bulk imports): the chain is computed in memory and
 * written in multi-row inserts, whose identity values follow the order of their rows.
 */
export async function recordAuditMany(tx: DbOrTx, origin: AuditOrigin, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  auditKeys();
  let prevHash = await lockChainAndGetLastHash(tx);
  const at = new Date();
  const rows = entries.map((e) => {
    const row: Hashed = {
      at,
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
    const hash = keyedAuditHash(prevHash, row);
    const out = { ...row, prevHash, hash, chainVersion: CHAIN_VERSION };
    prevHash = hash;
    return out;
  });
  for (let i = 0; i < rows.length; i += 500) await insertAuditMany(tx, rows.slice(i, i + 500));
  // Sealers count rows: once per row, as appendAudit does.
  for (let i = 0; i < rows.length; i++) for (const fn of listeners) fn();
}

export function originOf(ctx: { actor: { userId: number; username: string }; ip: string | null; requestId: string | null }): AuditOrigin {
  return { actorId: ctx.actor.userId, actorName: ctx.actor.username, ip: ctx.ip, requestId: ctx.requestId };
}
