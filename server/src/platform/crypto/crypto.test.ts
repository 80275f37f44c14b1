import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, loadMasterKey } from './crypto.ts';

describe('field crypto', () => {
  it('round-trips, never repeats a ciphertext, and rejects tampering', () => {
    const c = createFieldCrypto(Buffer.alloc(32, 7));
    const a = c.encrypt('32012319900307123X');
    expect(a).not.toContain('3201231990');
    expect(c.encrypt('32012319900307123X')).not.toBe(a);
    expect(c.decrypt(a)).toBe('32012319900307123X');
    const raw = Buffer.from(a.slice(3), 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => c.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('gives stable blind indexes per kind and key', () => {
    const c = createFieldCrypto(Buffer.alloc(32, 7));
    expect(c.blindIndex('id', '1')).toBe(c.blindIndex('id', '1'));
    expect(c.blindIndex('id', '1')).not.toBe(c.blindIndex('phone', '1'));
    expect(createFieldCrypto(Buffer.alloc(32, 8)).blindIndex('id', '1')).not.toBe(c.blindIndex('id', '1'));
  });

  it('creates the key file once with mode 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-key-'));
    const k1 = loadMasterKey(dir);
    expect(loadMasterKey(dir).equals(k1)).toBe(true);
    expect(fs.statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
