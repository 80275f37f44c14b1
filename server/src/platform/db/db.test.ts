import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from './connect.ts';
import { runMigrations } from './migrate.ts';
import { bootstrap } from '../../bootstrap/bootstrap.ts';
import { engines, openTestDb } from '../../test/db.ts';

describe('embedded PGlite data directory', () => {
  it('keeps data across restarts, re-runs migrations safely, and refuses a second process on the same directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-db-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await runMigrations(first.db);
      const boot = await bootstrap(first.db, { adminPassword: 'Admin#Test2026', rootOrgName: '持久化测试总工会' });
      expect(boot.created).toBe(true);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/正被进程/);
      await first.close();

      const second = await openDatabase({ dataDir: dir });
      await runMigrations(second.db);
      const again = await bootstrap(second.db, { adminPassword: 'Admin#Test2026', rootOrgName: '另一个' });
      expect(again.created).toBe(false);
      const res = await second.db.execute<{ name: string }>(sql`SELECT name FROM orgs`);
      expect(res.rows.map((r) => r.name)).toEqual(['持久化测试总工会']);
      await second.close();
      expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // three PGlite starts: slow on two busy cores

  it('takes over a stale lock left by a crashed process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-db-'));
    try {
      fs.writeFileSync(path.join(dir, 'gonghui.lock'), '999999');
      const db = await openDatabase({ dataDir: dir });
      await db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a weak ADMIN_PASSWORD with a clear message', async () => {
    const t = await openTestDb('pglite');
    try {
      await expect(bootstrap(t.db, { adminPassword: 'password', rootOrgName: 'x' })).rejects.toThrow(/ADMIN_PASSWORD/);
    } finally {
      await t.close();
    }
  });
});

describe.each(engines())('schema on %s', (engine) => {
  it('keeps the audit trail append-only at the database', async () => {
    const t = await openTestDb(engine);
    try {
      await expect(t.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
      await expect(t.db.execute(sql`UPDATE audit_events SET action = 'x'`)).rejects.toThrow();
    } finally {
      await t.close();
    }
  }, 120_000);
});
