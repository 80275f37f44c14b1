// Envelope keys on a real database: first key at start, the self-test that refuses another environment's master
// key, and rotation that re-encrypts every value while the app keeps reading all members.
import { spawnSync } from 'node:child_process';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../http/index.ts';
import { asSystem } from '../db/index.ts';
import { CIPHER_COLUMNS } from '../../bootstrap/cipher-columns.ts';
import { createFieldCrypto, type FieldCrypto } from './crypto.ts';
import { createLocalKeyProvider } from './key-provider.ts';
import { KeyCheckError, initKeys } from './keys.ts';
import { rotateKeys } from './rotate.ts';

// The route tests' master key: the audit chain's HMAC key derives from it and is set once per process.
const MASTER = Buffer.alloc(32, 1);
const provider = createLocalKeyProvider(MASTER);

async function keyedCrypto(t: TestDb, master = MASTER): Promise<FieldCrypto> {
  const c = createFieldCrypto(master);
  await asSystem(() => initKeys(t.db, c, createLocalKeyProvider(master), CIPHER_COLUMNS));
  return c;
}

function legacyV1(master: Buffer, plain: string): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui field encryption v1', 32));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, body, c.getAuthTag()]).toString('base64')}`;
}

/** Raw rows behind the app's back, as the schema owner (row-level security does not bind it). */
async function ownerQuery<R = Record<string, unknown>>(t: TestDb, text: string, params: unknown[] = []): Promise<{ rows: R[] }> {
  if (t.ownerUrl) {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      return { rows: (await client.query(text, params)).rows as R[] };
    } finally {
      await client.end();
    }
  }
  return { rows: (await t.pool.query(text, params)).rows as R[] };
}

/** `v2:<key version>` of every encrypted value in the database (members, import rows, second factors). */
const versions = async (t: TestDb) =>
  (
    await ownerQuery<{ v: string }>(
      t,
      CIPHER_COLUMNS.map(
        ({ table, column }) =>
          `SELECT split_part(${column}, ':', 1) || ':' || split_part(${column}, ':', 2) AS v FROM ${table} WHERE ${column} IS NOT NULL`,
      ).join(' UNION ALL '),
    )
  ).rows.map((r) => r.v);

describe.each(engines())('envelope keys on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let privacy: Client;
  let appCrypto: FieldCrypto;
  beforeAll(async () => {
    t = await openTestDb(engine);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('refuses a wrong master key on a database whose values were written before data keys existed', async () => {
    // An upgraded database: v1 values under the old master-derived key, no data keys yet.
    const org = await makeOrg(t.db, t.rootOrgId);
    const legacyApp = await buildTestApp(t.db, { crypto: createFieldCrypto(MASTER) });
    const legacyAdmin = await loginAs(legacyApp, 'admin', ADMIN_PASSWORD);
    const idNumber = newIdNumber('19660606');
    const m = await legacyAdmin.post('/api/v1/members', {
      orgId: org.id,
      name: '老数据',
      idNumber,
      phone: '13700001111',
      joinedAt: '2010-01-01',
    });
    await legacyApp.close();
    await ownerQuery(t, 'UPDATE members SET id_cipher = $1 WHERE id = $2', [legacyV1(MASTER, idNumber), m.body.id]);

    await expect(keyedCrypto(t, Buffer.alloc(32, 43))).rejects.toBeInstanceOf(KeyCheckError);
    await expect(keyedCrypto(t, Buffer.alloc(32, 43))).rejects.toThrow(/主密钥/);
    expect((await ownerQuery<{ n: number }>(t, 'SELECT count(*)::int AS n FROM data_keys')).rows[0]?.n).toBe(0);

    appCrypto = await keyedCrypto(t);
    expect(appCrypto.activeVersion()).toBe(1);
    const stored = (await ownerQuery(t, 'SELECT version, wrapped, active FROM data_keys')).rows;
    expect(stored).toMatchObject([{ version: 1, active: true }]);
    await expect(keyedCrypto(t, Buffer.alloc(32, 43))).rejects.toThrow(/无法解开数据密钥 v1/);
    app = await buildTestApp(t.db, { crypto: appCrypto });
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    // Revealing is the privacy officer's (三员分立: the system admin holds no member:view_sensitive).
    privacy = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['privacy_officer'])).username, PASSWORD);
    expect((await privacy.post(`/api/v1/members/${m.body.id}/reveal`, { reason: '核对' })).body.idNumber).toBe(idNumber);
  }, 120_000);

  it('rotates: every value re-encrypted under the new key while the app reads all members, old ones still readable', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const expected = new Map<number, string>();
    for (let i = 0; i < 7; i++) {
      const idNumber = newIdNumber(`1970010${i + 1}`);
      const res = await admin.post('/api/v1/members', {
        orgId: org.id,
        name: `轮换${i}`,
        idNumber,
        phone: i % 2 ? '13600001111' : null,
        joinedAt: '2020-01-01',
      });
      expect(res.status).toBe(201);
      expected.set(res.body.id as number, idNumber);
    }
    const all = (await ownerQuery<{ id: number }>(t, 'SELECT id FROM members')).rows.map((r) => r.id);
    const before = await versions(t);
    expect(before).toContain('v2:1');
    expect(before).toContain('v2:0');
    expect(before.some((v) => v.startsWith('v1:'))).toBe(true);

    // The unmasked export decrypts every member in the app's process (which has not seen the new key yet). It is
    // requested by a privacy officer, approved by another and downloaded once, as a cadre would.
    const requester = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['org_admin', 'privacy_officer'])).username, PASSWORD);
    const approver = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['privacy_officer'])).username, PASSWORD);
    const readAll = async () => {
      const req = await requester.post('/api/v1/export-requests', { orgId: t.rootOrgId, reason: '密钥轮换核对' });
      expect(req.status, JSON.stringify(req.body)).toBe(201);
      expect((await approver.post(`/api/v1/export-requests/${req.body.id}/approve`, { opinion: '同意' })).status).toBe(200);
      const cookie = Object.entries(requester.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      const res = await app.inject({ method: 'GET', url: `/api/v1/export-requests/${req.body.id}/download`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ids: string[] = [];
      // Row 1 is the watermark, row 2 the header.
      wb.worksheets[0]?.eachRow((row, n) => {
        if (n > 2) ids.push(row.getCell(2).text);
      });
      expect(ids).toHaveLength(all.length);
      for (const want of expected.values()) expect(ids).toContain(want);
    };
    let batches = 0;
    const lines: string[] = [];
    // The rotation runs as another process would: its own crypto and connection-level view of the keys.
    const rotator = createFieldCrypto(MASTER);
    const res = await asSystem(() =>
      rotateKeys(t.db, rotator, provider, CIPHER_COLUMNS, {
        batchSize: 3,
        log: (l) => lines.push(l),
        afterBatch: async () => {
          batches++;
          if (batches % 2 === 1) await readAll();
        },
      }),
    );
    expect(res).toMatchObject({ version: 2, failed: [] });
    expect(res.rewritten).toBe((await versions(t)).length);
    expect(batches).toBeGreaterThan(2);
    expect(new Set(await versions(t))).toEqual(new Set(['v2:2']));
    expect(lines.join('\n')).toMatch(/完成：\d+ 个加密值已改用 v2/);
    await readAll();
    const audit = await (await loginRoot(app, 'auditor')).get('/api/v1/audit-events?action=keys.rotate');
    expect(audit.body.items[0].after).toMatchObject({ version: 2, failed: 0 });

    // Interrupted and resumed: a value left under key 1 is rewritten without creating another key.
    expect(appCrypto.activeVersion()).toBe(2);
    const [one = 0] = [...expected.keys()];
    const k1 = (await ownerQuery<{ wrapped: string }>(t, 'SELECT wrapped FROM data_keys WHERE version = 1')).rows[0]?.wrapped ?? '';
    const oldWriter = createFieldCrypto(MASTER);
    oldWriter.install(new Map([[1, await provider.unwrap(k1, 1)]]), 1);
    await ownerQuery(t, 'UPDATE members SET id_cipher = $1 WHERE id = $2', [
      oldWriter.encrypt(expected.get(one) ?? '', { table: 'members', column: 'id_cipher', id: one }),
      one,
    ]);
    expect(await versions(t)).toContain('v2:1');
    const resumed = await asSystem(() => rotateKeys(t.db, createFieldCrypto(MASTER), provider, CIPHER_COLUMNS, { resume: true }));
    expect(resumed).toMatchObject({ version: 2, failed: [] });
    expect((await ownerQuery<{ n: number }>(t, 'SELECT count(*)::int AS n FROM data_keys')).rows[0]?.n).toBe(2);
    expect(new Set(await versions(t))).toEqual(new Set(['v2:2']));

    // A value copied from another row is not re-encrypted (that would launder it): reported and left alone.
    const [a = 0, b = 0] = [...expected.keys()];
    await ownerQuery(t, 'UPDATE members SET id_cipher = (SELECT id_cipher FROM members WHERE id = $1) WHERE id = $2', [a, b]);
    const third = await asSystem(() => rotateKeys(t.db, createFieldCrypto(MASTER), provider, CIPHER_COLUMNS));
    expect(third.failed).toEqual([{ table: 'members', column: 'id_cipher', key: String(b) }]);
    expect((await privacy.post(`/api/v1/members/${b}/reveal`, { reason: '核对' })).status).toBe(409);
    expect((await privacy.post(`/api/v1/members/${a}/reveal`, { reason: '核对' })).body.idNumber).toBe(expected.get(a));
  }, 180_000);
});

describe('production start', () => {
  it('refuses DATA_DIR/master.key with a one-line reason before opening the database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crypto-prod-'));
    const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main.ts');
    try {
      const run = (env: Record<string, string>) =>
        spawnSync(process.execPath, ['--import', 'tsx', main], {
          encoding: 'utf8',
          timeout: 150_000,
          env: {
            ...process.env,
            NODE_ENV: 'production',
            DATA_DIR: dataDir,
            PORT: '0',
            GONGHUI_MASTER_KEY: '',
            GONGHUI_MASTER_KEY_FILE: '',
            DATABASE_URL: '',
            ...env,
          },
        });
      const noKey = run({});
      expect(noKey.status).toBe(1);
      expect(noKey.stderr.trim().split('\n')).toHaveLength(1);
      expect(noKey.stderr).toMatch(/GONGHUI_MASTER_KEY/);
      fs.writeFileSync(path.join(dataDir, 'master.key'), randomBytes(32).toString('base64'), { mode: 0o600 });
      const inData = run({ GONGHUI_MASTER_KEY_FILE: path.join(dataDir, 'master.key') });
      expect(inData.status).toBe(1);
      expect(inData.stderr.trim().split('\n')).toHaveLength(1);
      expect(inData.stderr).toMatch(/数据目录/);
      expect(fs.readdirSync(dataDir)).toEqual(['master.key']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 320_000);
});
