// kill -9 in the middle of a batch: a child process runs the import and is killed inside a batch's open
// transaction; the runner in this process then resumes the job from its cursor on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Ctx } from '../../platform/authz/index.ts';
import { openDatabase, runMigrations, type Database } from '../../platform/db/index.ts';
import { bootstrap } from '../../bootstrap/bootstrap.ts';
import { engines, ADMIN_PASSWORD } from '../../test/db.ts';
import { testCrypto } from '../../test/http.ts';
import { makeOrg } from '../../test/factories.ts';
import { createImportRuntime } from './index.ts';
import { bigRosterFile, legacyOf, newId } from './member-imports.testkit.ts';

const ROWS = 4000;
const BATCH = 400;
const CRASH_AT = 6;
const childEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'member-imports.crash-child.ts');
const silent = { error: () => undefined, info: () => undefined };

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const temp: string[] = [];
afterAll(() => temp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe.each(engines())('member import crash on %s', (engine) => {
  it(
    'after kill -9 mid-batch shows no half batch, and the resumed job imports exactly the valid rows once',
    { timeout: 120_000 },
    async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-crash-'));
      temp.push(work);
      const importsDir = path.join(work, 'imports');
      fs.mkdirSync(importsDir);
      const dbName = `gh_test_${randomBytes(6).toString('hex')}`;
      let url: string | undefined;
      if (engine === 'postgres') {
        await adminQuery(`CREATE DATABASE ${dbName}`);
        const u = new URL(process.env.TEST_DATABASE_URL ?? '');
        u.pathname = `/${dbName}`;
        url = u.toString();
      }
      const open = () => openDatabase(url ? { databaseUrl: url } : { dataDir: path.join(work, 'data') });
      let database: Database = await open();
      let child: ChildProcess | undefined;
      try {
        await runMigrations(database.db);
        const boot = await bootstrap(database.db, { adminPassword: ADMIN_PASSWORD, rootOrgName: '测试市总工会' });
        const org = await makeOrg(database.db, boot.rootOrgId ?? 0, { level: 'district' });

        // Every 97th row has a bad check digit, row index 3500 repeats row index 10 across the crash point,
        // every 50th row carries a 15-digit ID.
        const ids = Array.from({ length: ROWS }, () => newId({ year: 1950 }));
        const cells = ids.map((id, i) => {
          if (i === 3500) return ids[10] ?? '';
          if (i % 97 === 5) return id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
          if (i % 50 === 7) return legacyOf(id);
          return id;
        });
        const bad = new Set(cells.flatMap((_, i) => (i === 3500 || i % 97 === 5 ? [i] : [])));
        const valid = ids.filter((_, i) => !bad.has(i));
        const file = path.join(work, 'roster.xlsx');
        await bigRosterFile(
          file,
          ['姓名', '身份证号', '入会日期'],
          cells.map((id, i) => [`会员${i}`, id, '2022-03-01']),
        );
        const upload = path.join(importsDir, 'upload.part');
        fs.copyFileSync(file, upload);
        const ctx: Ctx = {
          actor: {
            userId: 1,
            username: 'admin',
            displayName: null,
            orgId: org.id,
            orgPath: org.path,
            roles: [],
            permissions: new Set(),
            sessionId: 's',
            mustChangePassword: false,
          },
          ip: null,
          requestId: null,
        };
        const setup = createImportRuntime({ db: database.db, crypto: testCrypto, dir: importsDir, log: silent });
        const { id: jobId } = await setup.service.enqueue(ctx, org.id, { tmpPath: upload, fileName: 'roster.xlsx' }, false);
        await database.close();

        child = spawn(process.execPath, ['--import', 'tsx', childEntry], {
          detached: true,
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          env: {
            ...process.env,
            CRASH_DB_URL: url ?? '',
            CRASH_DATA_DIR: path.join(work, 'data'),
            CRASH_IMPORTS_DIR: importsDir,
            CRASH_AT_BATCH: String(CRASH_AT),
            CRASH_BATCH_SIZE: String(BATCH),
          },
        });
        const pid = child.pid ?? 0;
        await new Promise<void>((resolve, reject) => {
          child?.on('message', (m: { midBatch?: number }) => m.midBatch === CRASH_AT && resolve());
          child?.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
        });
        process.kill(-pid, 'SIGKILL'); // the whole group: the runner and, on PGlite, the database process
        await until('the killed processes to go', async () => (alive(-pid) ? undefined : true));

        database = await open();
        const db = database.db;
        const job = async () =>
          (await db.execute<{ status: string; cursor: number }>(sql`SELECT status, cursor FROM jobs WHERE id = ${jobId}`)).rows[0];
        const memberCount = async () =>
          (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).rows[0]?.n;
        // Batches 1..5 are in, batch 6 is not: rows 2..2001 are covered (row 2 is the first data row).
        expect(await job()).toEqual({ status: 'running', cursor: 1 + (CRASH_AT - 1) * BATCH });
        const committed = (CRASH_AT - 1) * BATCH;
        expect(await memberCount()).toBe(committed - [...bad].filter((i) => i < committed).length);

        const resumed = createImportRuntime({
          db,
          crypto: testCrypto,
          dir: importsDir,
          log: silent,
          batchSize: BATCH,
          leaseMs: 1500,
          pollMs: 100,
        });
        await resumed.runner.start();
        await until('the resumed job', async () => ((await job())?.status === 'succeeded' ? true : undefined));

        const imp = (
          await db.execute(
            sql`SELECT total_rows, valid_rows, imported, updated, skipped, error_count, notice_count FROM member_imports WHERE job_id = ${jobId}`,
          )
        ).rows[0];
        expect(imp).toEqual({
          total_rows: ROWS,
          valid_rows: valid.length,
          imported: valid.length,
          updated: 0,
          skipped: 0,
          error_count: bad.size,
          notice_count: cells.filter((_, i) => i % 50 === 7 && !bad.has(i)).length,
        });
        const hashes = (await db.execute<{ h: string }>(sql`SELECT id_hash AS h FROM members WHERE org_id = ${org.id}`)).rows
          .map((r) => r.h)
          .sort();
        expect(hashes).toEqual(valid.map((id) => testCrypto.blindIndex('id', id)).sort());
        const errorRows = (
          await db.execute<{ row: number; message: string }>(
            sql`SELECT row, message FROM member_import_rows WHERE job_id = ${jobId} AND kind = 'error' ORDER BY row`,
          )
        ).rows;
        expect(errorRows.map((r) => r.row)).toEqual([...bad].sort((x, y) => x - y).map((i) => i + 2));
        expect(errorRows.find((r) => r.row === 3502)?.message).toBe('身份证号：与第12行身份证号重复');
        const joins = await db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM member_events WHERE type = 'join' AND org_id = ${org.id}`,
        );
        expect(joins.rows[0]?.n).toBe(valid.length);
        const audits = await db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.import' AND entity_id = ${String(jobId)}`,
        );
        expect(audits.rows[0]?.n).toBe(1);
        expect(fs.existsSync(resumed.fileOf(jobId))).toBe(false);

        // The same file again: everybody is already there.
        fs.copyFileSync(file, upload);
        const again = await resumed.service.enqueue(ctx, org.id, { tmpPath: upload, fileName: 'roster.xlsx' }, false);
        await until('the second job', async () => {
          const r = (await db.execute<{ status: string }>(sql`SELECT status FROM jobs WHERE id = ${again.id}`)).rows[0];
          return r?.status === 'succeeded' ? true : undefined;
        });
        const second = (await db.execute(sql`SELECT imported, skipped, error_count FROM member_imports WHERE job_id = ${again.id}`))
          .rows[0];
        expect(second).toEqual({ imported: 0, skipped: valid.length, error_count: bad.size });
        expect(await memberCount()).toBe(valid.length);
        await resumed.runner.stop();
      } finally {
        if (child?.pid && alive(-child.pid)) process.kill(-child.pid, 'SIGKILL');
        await database.close().catch(() => undefined);
        if (url) await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
      }
    },
  );
});
