// Restore drill on both engines: members written through the API, backed up, restored into a fresh database,
// then every table's row count and one member's decrypted ID number compared. A wrong or missing key is refused
// before the target is touched.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '../platform/db/index.ts';
import { bootstrap } from '../bootstrap/bootstrap.ts';
import { ADMIN_PASSWORD, openTestDb } from '../test/db.ts';
import { buildTestApp, loginAs, testCrypto } from '../test/http.ts';
import { newIdNumber } from '../test/factories.ts';
import { countTables, type Query } from './backup-common.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

const KEY = Buffer.alloc(32, 1); // testCrypto's master key
const WRONG = Buffer.alloc(32, 2);
const temp: string[] = [];
const tmpDir = (p: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), p));
  temp.push(d);
  return d;
};
afterAll(() => temp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const poolQuery =
  (pool: pg.Pool | pg.Client): Query =>
  async <R>(text: string) =>
    (await pool.query(text)).rows as R[];

/** Three members through the API; returns one member's id and clear ID number. */
async function addMembers(database: Database, rootOrgId: number): Promise<{ id: number; idNumber: string }> {
  const app = await buildTestApp(database.db);
  try {
    const admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const made = [];
    for (const name of ['备份甲', '备份乙', '备份丙']) {
      const idNumber = newIdNumber('19800101');
      const res = await admin.post('/api/v1/members', { orgId: rootOrgId, name, idNumber, phone: '13800138000', joinedAt: '2020-01-01' });
      expect(res.status).toBe(201);
      made.push({ id: res.body.id as number, idNumber });
    }
    const second = made[1];
    if (!second) throw new Error('no member');
    return second;
  } finally {
    await app.close();
  }
}

async function idNumberOf(q: Query, memberId: number): Promise<string> {
  const [row] = await q<{ id_cipher: string; id: number }>(`SELECT id, id_cipher FROM members WHERE id = ${Number(memberId)}`);
  return testCrypto.decrypt(row?.id_cipher ?? '', { table: 'members', column: 'id_cipher', id: memberId });
}

describe('backup and restore drill on pglite', () => {
  it('restores row counts and a decryptable ID number into a new data directory; refuses a wrong or missing key', async () => {
    const work = tmpDir('gh-backup-pglite-');
    const src = path.join(work, 'src');
    const dst = path.join(work, 'dst');
    const seals = path.join(work, 'seals');
    let database = await openDatabase({ dataDir: src });
    let member: { id: number; idNumber: string };
    let expected: Record<string, number>;
    try {
      await runMigrations(database.db);
      const boot = await bootstrap(database.db, { adminPassword: ADMIN_PASSWORD, rootOrgName: '备份演练总工会' });
      member = await addMembers(database, boot.rootOrgId ?? 0);
      expected = await countTables(poolQuery(database.pool));
      // While the server holds the directory, a PGlite backup is refused and says why.
      await expect(backupDatabase({ dataDir: src, outDir: path.join(work, 'early'), masterKey: KEY })).rejects.toThrow(/需先停止服务/);
    } finally {
      await database.close();
    }
    fs.mkdirSync(seals, { mode: 0o700 });
    fs.writeFileSync(path.join(seals, 'seals.jsonl'), '{"v":1}\n');

    const out = path.join(work, 'backup');
    const { manifest } = await backupDatabase({ dataDir: src, outDir: out, masterKey: KEY, sealDir: seals });
    expect(manifest).toMatchObject({ engine: 'pglite', tables: expected, sample: { idCipher: expect.stringMatching(/^v\d:/) } });
    expect(expected['public.members']).toBe(3);
    expect(fs.existsSync(path.join(out, 'master.key'))).toBe(false);
    expect(fs.statSync(path.join(out, 'database.tar.gz')).mode & 0o777).toBe(0o600);

    await expect(restoreDatabase({ from: out, dataDir: dst, masterKey: WRONG })).rejects.toThrow(/主密钥与备份不匹配/);
    await expect(restoreDatabase({ from: out, dataDir: dst, masterKey: undefined })).rejects.toThrow(/恢复需要主密钥/);
    expect(fs.existsSync(path.join(dst, 'pglite'))).toBe(false);

    const dstSeals = path.join(work, 'dst-seals');
    const res = await restoreDatabase({ from: out, dataDir: dst, masterKey: KEY, installKey: true, sealDir: dstSeals });
    expect(res.tables).toEqual(expected);
    expect(fs.readFileSync(path.join(dst, 'master.key'), 'utf8')).toBe(KEY.toString('base64'));
    expect(fs.readFileSync(path.join(dstSeals, 'seals.jsonl'), 'utf8')).toBe('{"v":1}\n');

    database = await openDatabase({ dataDir: dst });
    try {
      const q = poolQuery(database.pool);
      expect(await countTables(q)).toEqual(expected);
      expect(await idNumberOf(q, member.id)).toBe(member.idNumber);
    } finally {
      await database.close();
    }
    // A second restore into the same directory would overwrite the first: refused.
    await expect(restoreDatabase({ from: out, dataDir: dst, masterKey: KEY })).rejects.toThrow(/已有数据库/);
  }, 300_000); // four PGlite starts
});

describe.runIf(process.env.TEST_DATABASE_URL)('backup and restore drill on postgres', () => {
  it('pg_dump -Fc and pg_restore into a new empty database: same row counts, the ID number decrypts', async () => {
    const t = await openTestDb('postgres');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const target = new URL(t.url ?? '');
    const name = `gh_test_${randomBytes(6).toString('hex')}`;
    target.pathname = `/${name}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const member = await addMembers(t, t.rootOrgId);
      // Counted as the owner, like the backup tool: the app's role sees no rows outside a scope (row-level security).
      const owner = new pg.Client({ connectionString: t.url });
      await owner.connect();
      const expected = await countTables(poolQuery(owner)).finally(() => owner.end());
      expect(expected['public.members']).toBe(3);
      const out = path.join(tmpDir('gh-backup-pg-'), 'backup');
      const { manifest } = await backupDatabase({ databaseUrl: t.url, dataDir: out, outDir: out, masterKey: KEY, withKey: true });
      expect(manifest).toMatchObject({ engine: 'postgres', archive: 'database.pgdump', tables: expected });
      expect(fs.statSync(path.join(out, 'master.key')).mode & 0o777).toBe(0o600);

      await expect(restoreDatabase({ from: out, databaseUrl: target.toString(), dataDir: out, masterKey: WRONG })).rejects.toThrow(
        /主密钥与备份不匹配/,
      );
      const res = await restoreDatabase({ from: out, databaseUrl: target.toString(), dataDir: out, masterKey: KEY });
      expect(res.tables).toEqual(expected);

      const restored = new pg.Client({ connectionString: target.toString() });
      await restored.connect();
      try {
        const q = poolQuery(restored);
        expect(await countTables(q)).toEqual(expected);
        expect(await idNumberOf(q, member.id)).toBe(member.idNumber);
      } finally {
        await restored.end();
      }
      // The target is no longer empty: a second restore is refused rather than merged.
      await expect(restoreDatabase({ from: out, databaseUrl: target.toString(), dataDir: out, masterKey: KEY })).rejects.toThrow(
        /不是空的/,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await t.close();
    }
  }, 120_000);
});
