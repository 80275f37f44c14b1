// Field encryption for personal data (AES-256-GCM) and HMAC-SHA256 blind indexes for exact lookup.
//
// Ciphertext formats:
//   v2:<key version>:<base64 iv|ciphertext|tag>  — data key <version>; the associated data binds the value to its
//                                                 table, column and row, so a value copied to another row fails.
//   v1:<base64 iv|ciphertext|tag>                — the first format: key 0, unbound. Still read; rotation rewrites it.
// Key 0 is derived from the master key; data keys 1.. are random, stored wrapped in `data_keys` (see keys.ts) and
// installed here at start. The blind-index and derived keys come from the master key and never rotate with data keys.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

/** Where a ciphertext lives: part of the associated data, so it decrypts only there. */
export interface CipherBinding {
  table: string;
  column: string;
  /** The row's key; composite keys joined with ':' (as `keyOf` does). */
  id: number | string;
}

export type CipherFailure = 'unknown_key' | 'integrity' | 'format';

export class CipherError extends Error {
  constructor(
    readonly reason: CipherFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CipherError';
  }
}

export interface FieldCrypto {
  encrypt(plain: string, binding: CipherBinding): string;
  /** Throws CipherError: 'unknown_key' for a key version not installed, 'integrity' for a wrong row or key. */
  decrypt(stored: string, binding: CipherBinding): string;
  /**
   * decrypt(), reloading the data keys once when the value names a version this process has not seen yet.
   * Not inside a transaction: the reload reads through the pool, and PGlite's pool has one connection.
   */
  open(stored: string, binding: CipherBinding): Promise<string>;
  /** The key version a stored value names (0 for v1). */
  versionOf(stored: string): number;
  activeVersion(): number;
  /** Installs the unwrapped data keys (key 0 always stays) and the one to encrypt with. */
  install(keys: ReadonlyMap<number, Buffer>, active: number): void;
  /** How open() fetches keys created by another process (the rotation command). */
  setReloader(reload: () => Promise<void>): void;
  blindIndex(kind: string, value: string): string;
  /** A 32-byte key for another purpose (e.g. signing e-card tokens), derived from the master key. */
  deriveKey(purpose: string): Uint8Array;
}

export const keyOf = (...parts: (number | string)[]) => parts.join(':');
const aadOf = (b: CipherBinding) => Buffer.from(`gonghui\0${b.table}\0${b.column}\0${b.id}`, 'utf8');

// One randomBytes(12) per value costs about 10 µs (a call into OpenSSL's generator each time), a fifth of a
// member import's encryption: nonces are drawn from a pool of the same generator's output, refilled 12 KiB at a
// time. Each nonce is handed out once (the offset only moves forward) and is copied before the pool can refill.
const IV_BYTES = 12;
const ivPool = Buffer.alloc(IV_BYTES * 1024);
let ivAt = ivPool.length;
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

function seal(key: Buffer, plain: Buffer, aad?: Buffer): Buffer {
  // A view into the pool: used synchronously here, and copied into the result.
  const iv = nextIv();
  const c = createCipheriv('aes-256-gcm', key, iv);
  if (aad) c.setAAD(aad);
  // Evaluated in order: final() before getAuthTag().
  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
}

function unseal(key: Buffer, raw: Buffer, aad?: Buffer): Buffer {
  if (raw.length < 28) throw new CipherError('format', 'ciphertext too short');
  try {
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    if (aad) d.setAAD(aad);
    d.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]);
  } catch {
    throw new CipherError('integrity', 'ciphertext does not authenticate (wrong key, row or tampered)');
  }
}

/** AES-256-GCM of a key or secret with its own associated data (used to wrap data keys). */
export const sealBytes = seal;
export const unsealBytes = unseal;

function parse(stored: string): { version: number; raw: Buffer; bound: boolean } {
  if (stored.startsWith('v1:')) return { version: 0, raw: Buffer.from(stored.slice(3), 'base64'), bound: false };
  const m = /^v2:(\d{1,5}):(.+)$/s.exec(stored);
  if (!m) throw new CipherError('format', 'unknown ciphertext format');
  return { version: Number(m[1]), raw: Buffer.from(m[2] ?? '', 'base64'), bound: true };
}

export function createFieldCrypto(master: Buffer): FieldCrypto {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const macKey = derive('gonghui blind index v1');
  let keys = new Map<number, Buffer>([[0, derive('gonghui field encryption v1')]]);
  let active = 0;
  let reload: (() => Promise<void>) | null = null;

  const self: FieldCrypto = {
    encrypt(plain, binding) {
      const key = keys.get(active);
      if (!key) throw new Error(`active data key ${active} missing`);
      return `v2:${active}:${seal(key, Buffer.from(plain, 'utf8'), aadOf(binding)).toString('base64')}`;
    },
    decrypt(stored, binding) {
      const { version, raw, bound } = parse(stored);
      const key = keys.get(version);
      if (!key) throw new CipherError('unknown_key', `data key ${version} is not loaded`);
      return unseal(key, raw, bound ? aadOf(binding) : undefined).toString('utf8');
    },
    async open(stored, binding) {
      try {
        return self.decrypt(stored, binding);
      } catch (e) {
        if (!(e instanceof CipherError && e.reason === 'unknown_key' && reload)) throw e;
        await reload();
        return self.decrypt(stored, binding);
      }
    },
    versionOf: (stored) => parse(stored).version,
    activeVersion: () => active,
    install(installed, activeVersion) {
      const next = new Map(keys);
      for (const [v, k] of installed) next.set(v, k);
      if (!next.has(activeVersion)) throw new Error(`active data key ${activeVersion} not installed`);
      keys = next;
      active = activeVersion;
    },
    setReloader(fn) {
      reload = fn;
    },
    blindIndex(kind, value) {
      return createHmac('sha256', macKey).update(kind).update('\0').update(value).digest('base64url');
    },
    deriveKey: (purpose) => new Uint8Array(derive(`gonghui ${purpose} v1`)),
  };
  return self;
}
