// The PGlite data directory, WAL included, never holds an ID number or phone in clear.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../platform/db/index.ts';
import { bootstrap } from '../../bootstrap/bootstrap.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { newIdNumber } from '../../test/factories.ts';

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
