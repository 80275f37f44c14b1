// Field encryption for personal data (AES-256-GCM) and HMAC-SHA256 blind indexes for exact lookup.
// Both keys derive from one master key that lives outside the database: env GONGHUI_MASTER_KEY (base64, 32 bytes)
// or DATA_DIR/master.key, created on first start with mode 0600.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(kind: string, value: string): string;
  /** A 32-byte key for another purpose (e.g. signing e-card tokens), derived from the master key. */
  deriveKey(purpose: string): Uint8Array;
}

export function loadMasterKey(dataDir: string, envKey?: string): Buffer {
  if (envKey) {
    const key = Buffer.from(envKey, 'base64');
    if (key.length !== 32) throw new Error('GONGHUI_MASTER_KEY 应为 base64 编码的 32 字节密钥');
    return key;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`密钥文件 ${file} 已损坏`);
  return key;
}

export function createFieldCrypto(master: Buffer): FieldCrypto {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const encKey = derive('gonghui field encryption v1');
  const macKey = derive('gonghui blind index v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, body, c.getAuthTag()]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
    },
    blindIndex(kind, value) {
      return createHmac('sha256', macKey).update(kind).update('\0').update(value).digest('base64url');
    },
    deriveKey: (purpose) => new Uint8Array(derive(`gonghui ${purpose} v1`)),
  };
}
