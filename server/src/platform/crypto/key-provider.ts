// The hook for an external KMS: whatever holds the key-encryption key only has to wrap and unwrap 32-byte data
// keys. LocalKeyProvider does it with the master key (AES-256-GCM, the version as associated data); a KMS
// provider would call the KMS's Encrypt/Decrypt (or an HSM's wrap/unwrap) here and return its own text form.
// Only wrapped data keys are stored (table data_keys); unwrapped keys live in the server's memory.
import { hkdfSync } from 'node:crypto';
import { sealBytes, unsealBytes } from './crypto.ts';

export interface KeyProvider {
  /** Stored with each data key, so a later provider knows which keys it can open. */
  readonly name: string;
  wrap(dataKey: Buffer, version: number): Promise<string>;
  /** Rejects when the key-encryption key is not the one that wrapped it. */
  unwrap(wrapped: string, version: number): Promise<Buffer>;
}

const aad = (version: number) => Buffer.from(`gonghui data key ${version}`, 'utf8');

export function createLocalKeyProvider(master: Buffer): KeyProvider {
  const kek = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui key wrapping v1', 32));
  return {
    name: 'local',
    wrap: async (dataKey, version) => `local:${sealBytes(kek, dataKey, aad(version)).toString('base64')}`,
    unwrap: async (wrapped, version) => {
      if (!wrapped.startsWith('local:')) throw new Error(`data key ${version} was not wrapped by the local master key`);
      return unsealBytes(kek, Buffer.from(wrapped.slice(6), 'base64'), aad(version));
    },
  };
}
