import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CipherError, createFieldCrypto } from './crypto.ts';
import { createLocalKeyProvider } from './key-provider.ts';
import { loadMasterKey, resolveMasterKey } from './master-key.ts';

const at = (id: number | string, column = 'id_cipher') => ({ table: 'members', column, id });
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof CipherError ? e.reason : 'other';
  }
  return 'none';
};

/** The v1 format as the first release wrote it (key derived from the master key, no associated data). */
function legacyV1(master: Buffer, plain: string): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui field encryption v1', 32));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, body, c.getAuthTag()]).toString('base64')}`;
}

describe('field crypto', () => {
  it('round-trips, never repeats a ciphertext, and rejects tampering', () => {
    const c = createFieldCrypto(Buffer.alloc(32, 7));
    const a = c.encrypt('32012319900307123X', at(5));
    expect(a).toMatch(/^v2:0:/);
    expect(a).not.toContain('3201231990');
    expect(c.encrypt('32012319900307123X', at(5))).not.toBe(a);
    expect(c.decrypt(a, at(5))).toBe('32012319900307123X');
    const raw = Buffer.from(a.slice(5), 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(failure(() => c.decrypt(`v2:0:${raw.toString('base64')}`, at(5)))).toBe('integrity');
  });

  it('binds a value to its table, column and row: anywhere else it does not decrypt', () => {
    const c = createFieldCrypto(Buffer.alloc(32, 7));
    const a = c.encrypt('13800138000', at(5, 'phone_cipher'));
    expect(failure(() => c.decrypt(a, at(6, 'phone_cipher')))).toBe('integrity');
    expect(failure(() => c.decrypt(a, at(5, 'id_cipher')))).toBe('integrity');
    expect(failure(() => c.decrypt(a, { table: 'users', column: 'phone_cipher', id: 5 }))).toBe('integrity');
    expect(failure(() => c.decrypt(a, at('5:1', 'phone_cipher')))).toBe('integrity');
  });

  it('still reads v1 values of the first release, and names the key version of each value', () => {
    const master = Buffer.alloc(32, 9);
    const c = createFieldCrypto(master);
    const old = legacyV1(master, '11010519491231002X');
    expect(c.decrypt(old, at(1))).toBe('11010519491231002X');
    expect(c.versionOf(old)).toBe(0);
    c.install(new Map([[3, randomBytes(32)]]), 3);
    expect(c.versionOf(c.encrypt('x', at(1)))).toBe(3);
    expect(c.decrypt(old, at(1))).toBe('11010519491231002X');
    expect(failure(() => c.decrypt('v2:4:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', at(1)))).toBe('unknown_key');
    expect(failure(() => c.decrypt('v9:zzz', at(1)))).toBe('format');
  });

  it('open() loads a key version created by another process', async () => {
    const writer = createFieldCrypto(Buffer.alloc(32, 1));
    const reader = createFieldCrypto(Buffer.alloc(32, 1));
    const k2 = randomBytes(32);
    writer.install(new Map([[2, k2]]), 2);
    const v = writer.encrypt('secret', at(1));
    let reloads = 0;
    reader.setReloader(async () => {
      reloads++;
      reader.install(new Map([[2, k2]]), 2);
    });
    expect(await reader.open(v, at(1))).toBe('secret');
    expect(await reader.open(v, at(1))).toBe('secret');
    expect(reloads).toBe(1);
    await expect(reader.open(v, at(2))).rejects.toMatchObject({ reason: 'integrity' });
  });

  it('gives stable blind indexes per kind and key, unchanged by data keys', () => {
    const c = createFieldCrypto(Buffer.alloc(32, 7));
    const before = c.blindIndex('id', '1');
    expect(c.blindIndex('id', '1')).not.toBe(c.blindIndex('phone', '1'));
    expect(createFieldCrypto(Buffer.alloc(32, 8)).blindIndex('id', '1')).not.toBe(before);
    c.install(new Map([[1, randomBytes(32)]]), 1);
    expect(c.blindIndex('id', '1')).toBe(before);
  });

  it('wraps data keys so that only the same master key unwraps them, for the same version', async () => {
    const p = createLocalKeyProvider(Buffer.alloc(32, 1));
    const dk = randomBytes(32);
    const w = await p.wrap(dk, 4);
    expect(w).not.toContain(dk.toString('base64'));
    expect((await p.unwrap(w, 4)).equals(dk)).toBe(true);
    await expect(p.unwrap(w, 5)).rejects.toThrow();
    await expect(createLocalKeyProvider(Buffer.alloc(32, 2)).unwrap(w, 4)).rejects.toThrow();
  });
});

describe('master key source', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gh-key-'));

  it('creates the key file once with mode 0600 outside production', () => {
    const dir = tmp();
    const k1 = loadMasterKey(dir);
    expect(loadMasterKey(dir).equals(k1)).toBe(true);
    expect(fs.statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(resolveMasterKey({ dataDir: dir, production: false }).equals(k1)).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });

  it('in production refuses DATA_DIR/master.key and a key file inside DATA_DIR, accepts env or a file elsewhere', () => {
    const dataDir = tmp();
    const keyDir = tmp();
    loadMasterKey(dataDir);
    expect(() => resolveMasterKey({ dataDir, production: true })).toThrow(/GONGHUI_MASTER_KEY/);
    expect(fs.readdirSync(dataDir)).toEqual(['master.key']);
    expect(() => resolveMasterKey({ dataDir, production: true, keyFile: path.join(dataDir, 'master.key') })).toThrow(/数据目录/);
    expect(() => resolveMasterKey({ dataDir, production: true, keyFile: path.join(dataDir, 'sub', '..', 'master.key') })).toThrow(
      /数据目录/,
    );
    const outside = path.join(keyDir, 'gonghui.key');
    fs.writeFileSync(outside, randomBytes(32).toString('base64'), { mode: 0o600 });
    expect(resolveMasterKey({ dataDir, production: true, keyFile: outside })).toHaveLength(32);
    // A symlink outside that points into DATA_DIR is still the DATA_DIR key.
    const link = path.join(keyDir, 'link.key');
    fs.symlinkSync(path.join(dataDir, 'master.key'), link);
    expect(() => resolveMasterKey({ dataDir, production: true, keyFile: link })).toThrow(/数据目录/);
    expect(resolveMasterKey({ dataDir, production: true, envKey: randomBytes(32).toString('base64') })).toHaveLength(32);
    expect(() => resolveMasterKey({ dataDir, production: true, envKey: 'c2hvcnQ=' })).toThrow(/32 字节/);
    fs.rmSync(dataDir, { recursive: true });
    fs.rmSync(keyDir, { recursive: true });
  });
});
