// Seals: signed heads of the audit chain {throughId, hash, count, at}, kept OUTSIDE the database in an append-only
// file of JSON lines (and in the log). Verification compares the table with the latest valid seal, so deleting the
// tail or truncating the table is detected even by someone who can rewrite every row.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/index.ts';
import { auditKeys, canonicalJson } from './audit.ts';

export interface SealHead {
  throughId: number;
  hash: string;
  count: number;
  at: string;
}
export interface AuditSeal extends SealHead {
  v: 1;
  /** Ed25519 signature (base64url) over the canonical JSON of the other fields. */
  sig: string;
}

// PKCS#8 wrapper of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
let cached: { seed: Uint8Array; priv: KeyObject; pub: KeyObject } | undefined;

function sealKeys(): { priv: KeyObject; pub: KeyObject } {
  const seed = auditKeys().seal;
  if (cached?.seed !== seed) {
    const priv = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    cached = { seed, priv, pub: createPublicKey(priv) };
  }
  return cached;
}

/** The seals' public key (PEM), so that a seal file can be checked offline without the master key. */
export function auditSealPublicKey(): string {
  return sealKeys().pub.export({ type: 'spki', format: 'pem' }).toString();
}

const signedBytes = (s: SealHead) => Buffer.from(canonicalJson({ v: 1, throughId: s.throughId, hash: s.hash, count: s.count, at: s.at }));

export function signSeal(head: SealHead): AuditSeal {
  const sig = sign(null, signedBytes(head), sealKeys().priv).toString('base64url');
  return { v: 1, throughId: head.throughId, hash: head.hash, count: head.count, at: head.at, sig };
}

function asSeal(v: unknown): AuditSeal | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  const ok =
    s.v === 1 &&
    Number.isSafeInteger(s.throughId) &&
    Number.isSafeInteger(s.count) &&
    typeof s.hash === 'string' &&
    typeof s.at === 'string' &&
    typeof s.sig === 'string';
  if (!ok) return undefined;
  const seal = s as unknown as AuditSeal;
  return verify(null, signedBytes(seal), sealKeys().pub, Buffer.from(seal.sig, 'base64url')) ? seal : undefined;
}

export interface SealFileState {
  /** The valid seal reaching furthest into the chain. */
  latest?: AuditSeal;
  /** Lines that are not a validly signed seal: forged, edited or corrupt. */
  invalid: number;
}

export interface SealStore {
  readonly file: string;
  append(seal: AuditSeal): void;
  read(): SealFileState;
}

export function openSealStore(dir: string): SealStore {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, 'seals.jsonl');
  return {
    file,
    append(seal) {
      const fd = fs.openSync(file, 'a', 0o600);
      try {
        fs.writeSync(fd, `${JSON.stringify(seal)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
    read() {
      if (!fs.existsSync(file)) return { invalid: 0 };
      const state: SealFileState = { invalid: 0 };
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        let seal: AuditSeal | undefined;
        try {
          seal = asSeal(JSON.parse(line));
        } catch {
          seal = undefined;
        }
        if (!seal) state.invalid++;
        else if (!state.latest || seal.throughId >= state.latest.throughId) state.latest = seal;
      }
      return state;
    },
  };
}

// Which seal file belongs to which database: bound once at start (main, the test database helper).
const stores = new WeakMap<Db, SealStore>();

export function bindAuditSeals(db: Db, store: SealStore): void {
  stores.set(db, store);
}

export function auditSealsOf(db: Db): SealStore {
  const store = stores.get(db);
  if (!store) throw new Error('audit seal directory not configured for this database: call bindAuditSeals(db, store) at start');
  return store;
}
