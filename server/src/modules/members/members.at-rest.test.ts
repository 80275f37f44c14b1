// The PGlite data directory (WAL included) and a pg_dump of PostgreSQL never hold an ID number or phone in clear.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../platform/db/index.ts';
import { bootstrap } from '../../bootstrap/bootstrap.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { newIdNumber } from '../../test/factories.ts';
import { ADMIN_PASSWORD, openTestDb } from '../../test/db.ts';

function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const bytes = Buffer.from(needle, 'utf8');
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    if (fs.readFileSync(p).includes(bytes)) hits.push(p);
  }
  return hits;
}

describe('personal data at rest (PGlite files)', () => {
  it('stores ID numbers and phones only encrypted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-rest-'));
    const idNumber = newIdNumber('19780512');
    const phone = '13698765432';
    try {
      const db = await openDatabase({ dataDir: dir });
      await runMigrations(db.db);
      const boot = await bootstrap(db.db, { adminPassword: 'Admin#Test2026', rootOrgName: '静态加密测试总工会' });
      const app = await buildTestApp(db.db);
      const admin = await loginAs(app, 'admin', 'Admin#Test2026');
      const res = await admin.post('/api/v1/members', { orgId: boot.rootOrgId, name: '加密测试', idNumber, phone, joinedAt: '2020-01-01' });
      expect(res.status).toBe(201);
      await app.close();
      await db.pool.query('CHECKPOINT');
      await db.close();
      expect(filesContaining(dir, idNumber)).toEqual([]);
      expect(filesContaining(dir, phone)).toEqual([]);
      // The masked form is stored for display, which proves the scan reads the right files.
      expect(filesContaining(dir, `${phone.slice(0, 3)}****${phone.slice(-4)}`).length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('personal data at rest (pg_dump of PostgreSQL)', () => {
  it('dumps ID numbers and phones only encrypted, in members, their events and the audit trail', async () => {
    const t = await openTestDb('postgres');
    const idNumber = newIdNumber('19790613');
    const phone = '13512345678';
    try {
      const app = await buildTestApp(t.db);
      const admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
      const res = await admin.post('/api/v1/members', { orgId: t.rootOrgId, name: '转储测试', idNumber, phone, joinedAt: '2020-01-01' });
      expect(res.status).toBe(201);
      expect((await admin.patch(`/api/v1/members/${res.body.id}`, { categories: ['migrant'] })).status).toBe(200);
      await app.close();
      // The owner's dump, as a backup would take it (the app's role cannot read the migrations table).
      const url = t.ownerUrl ?? '';
      const dump = spawnSync('pg_dump', ['--data-only', url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(dump.status, dump.stderr).toBe(0);
      expect(dump.stdout).toContain('转储测试');
      expect(dump.stdout).not.toContain(idNumber);
      expect(dump.stdout).not.toContain(phone);
      expect(dump.stdout).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    } finally {
      await t.close();
    }
  });
});
