// PostgreSQL as a second wall: the app's role is bound by row-level security keyed by the scope of the request,
// cannot rewrite the audit trail, and production refuses to start with a role that RLS would not bind.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../../bootstrap/bootstrap.ts';
import { adminQuery, createOwnedTestDatabase, ADMIN_PASSWORD } from '../../test/db.ts';
import { makeTree, makeUser, type OrgRef } from '../../test/factories.ts';
import { recordAudit } from '../audit/index.ts';
import { asSystem, openDatabase, runInScope, withoutScope, type Database } from './index.ts';

const mainEntry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main.ts');
const pgUrl = process.env.TEST_DATABASE_URL;

/** The database's own message for a failed query (Drizzle wraps it), or null when the query succeeded. */
const dbError = (p: Promise<unknown>): Promise<string | null> =>
  p.then(
    () => null,
    (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
  );

/** Starts `npm start`'s entry with the given environment; resolves at exit or once the start banner shows. */
function startMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string; started: boolean }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-main-'));
  const child = spawn(process.execPath, ['--import', 'tsx', mainEntry], {
    cwd: path.dirname(mainEntry),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: '0',
      GONGHUI_MASTER_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let started = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (!started && stdout.includes('工会工作平台已启动')) {
      started = true;
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stderr, stdout, started });
    });
  });
}

describe.runIf(pgUrl)('row-level security on PostgreSQL', () => {
  let owned: Awaited<ReturnType<typeof createOwnedTestDatabase>>;
  let app: Database;
  let one: Database;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let street: OrgRef;
  let sibling: OrgRef;
  const streetUsers: number[] = [];
  const memberOrgs = new Map<number, number>();

  const ids = async (db: Database, table: 'orgs' | 'members' | 'users' | 'audit_events') =>
    (await db.db.execute<{ id: number }>(sql`SELECT id FROM ${sql.identifier(table)} ORDER BY id`)).rows.map((r) => Number(r.id));

  beforeAll(async () => {
    owned = await createOwnedTestDatabase();
    app = await openDatabase({ databaseUrl: owned.appUrl, poolMax: 4 });
    // One connection: every query below reuses the session whose setting the previous one left behind.
    one = await openDatabase({ databaseUrl: owned.appUrl, poolMax: 1 });
    const boot = await asSystem(() => bootstrap(app.db, { adminPassword: ADMIN_PASSWORD, rootOrgName: '行级安全测试总工会' }));
    tree = await makeTree(app.db, boot.rootOrgId ?? 0);
    [street, sibling] = tree.streets.map((s) => s.org) as [OrgRef, OrgRef];
    for (const s of tree.streets) {
      for (const o of [s.org, ...s.unions]) {
        const u = await makeUser(app.db, o.id, ['viewer']);
        if (s.org === street) streetUsers.push(u.id);
      }
      for (const o of s.unions) {
        // Raw rows: this test is about visibility, not about the member rules.
        const res = await asSystem(() =>
          app.db.execute<{ id: number }>(sql`
            INSERT INTO members (org_id, org_path, name, name_pinyin, name_initials, name_grams, id_cipher, id_hash, id_masked, gender, birth_year, joined_at, card_no)
            VALUES (${o.id}, ${o.path}, '测试', 'ceshi', 'cs', '{}', 'x', ${randomBytes(8).toString('hex')}, '110***********0011', 'male', 1990, '2020-01-01', ${randomBytes(6).toString('hex')})
            RETURNING id`),
        );
        memberOrgs.set(Number(res.rows[0]?.id), o.id);
        await asSystem(() =>
          app.db.transaction((tx) =>
            recordAudit(
              tx,
              { actorId: null, actorName: 't', ip: null, requestId: null },
              { action: 'system.demo_seed', orgId: o.id, orgPath: o.path },
            ),
          ),
        );
      }
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await one?.close();
    await owned?.drop();
  });

  it('connects the app as a role that owns nothing and is no superuser', async () => {
    const r = await app.db.execute<{ u: string; s: boolean; b: boolean }>(
      sql`SELECT current_user AS u, rolsuper AS s, rolbypassrls AS b FROM pg_roles WHERE rolname = current_user`,
    );
    expect(r.rows[0]).toEqual({ u: 'gonghui_app_test', s: false, b: false });
  });

  it('a query without any WHERE in a street cadre’s scope returns only that street’s orgs, users and members', async () => {
    const streetSet = tree.streets.find((s) => s.org === street);
    const want = [street.id, ...(streetSet?.unions.map((u) => u.id) ?? [])].sort((a, b) => a - b);
    for (const db of [app, one]) {
      expect(await runInScope(street.path, () => ids(db, 'orgs'))).toEqual(want);
      expect(await runInScope(street.path, () => ids(db, 'users'))).toEqual([...streetUsers].sort((a, b) => a - b));
      const members = await runInScope(street.path, () => ids(db, 'members'));
      expect(members.map((m) => memberOrgs.get(m)).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(want.slice(1));
      expect(
        (await runInScope(street.path, () => db.db.execute<{ org_path: string }>(sql`SELECT org_path FROM audit_events`))).rows.every((r) =>
          r.org_path.startsWith(street.path),
        ),
      ).toBe(true);
      // Inside a transaction too, and the district above sees both streets.
      expect(
        await runInScope(street.path, () => db.db.transaction((tx) => tx.execute(sql`SELECT count(*)::int AS n FROM members`))),
      ).toMatchObject({ rows: [{ n: 2 }] });
      expect((await runInScope(tree.district.path, () => ids(db, 'members'))).length).toBe(4);
    }
  });

  it('no scope at all sees nothing, also on a connection a scoped query used just before', async () => {
    for (const table of ['orgs', 'members', 'users', 'audit_events', 'jobs', 'member_imports'] as const) {
      expect(await runInScope(sibling.path, () => one.db.execute(sql`SELECT 1 FROM ${sql.identifier(table)}`))).toBeDefined();
      expect((await one.db.execute(sql`SELECT 1 FROM ${sql.identifier(table)}`)).rows).toEqual([]);
      expect((await withoutScope(() => app.db.execute(sql`SELECT 1 FROM ${sql.identifier(table)}`))).rows).toEqual([]);
    }
  });

  it('a rolled-back system step inside a transaction does not leave the connection in the system scope', async () => {
    await expect(
      runInScope(street.path, () =>
        one.db.transaction(async (tx) => {
          expect((await asSystem(() => tx.execute(sql`SELECT id FROM orgs`))).rows.length).toBeGreaterThan(5);
          expect((await tx.execute(sql`SELECT id FROM orgs`)).rows.length).toBe(3);
          throw new Error('roll back');
        }),
      ),
    ).rejects.toThrow('roll back');
    expect(await ids(one, 'orgs')).toEqual([]);
    expect((await runInScope(street.path, () => ids(one, 'orgs'))).length).toBe(3);
  });

  it('refuses writes outside the scope', async () => {
    await expect(
      runInScope(street.path, () => app.db.execute(sql`UPDATE orgs SET address = 'x' WHERE id = ${sibling.id}`)),
    ).resolves.toMatchObject({ rowCount: 0 });
    expect(
      await dbError(
        runInScope(street.path, () =>
          app.db.execute(sql`UPDATE members SET org_path = ${sibling.path} WHERE org_path LIKE ${`${street.path}%`}`),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await dbError(
        runInScope(street.path, () =>
          app.db.execute(
            sql`INSERT INTO orgs (parent_id, path, depth, name, pinyin, pinyin_initials, level, kind) VALUES (${sibling.id}, ${`${sibling.path}999999.`}, 4, 'x', 'x', 'x', 'grassroots', 'other')`,
          ),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('the app role cannot TRUNCATE, UPDATE or DELETE the audit trail', async () => {
    for (const statement of [sql`TRUNCATE audit_events`, sql`UPDATE audit_events SET action = 'x'`, sql`DELETE FROM audit_events`]) {
      expect(await dbError(asSystem(() => app.db.execute(statement)))).toMatch(/permission denied/);
    }
    expect((await asSystem(() => ids(app, 'audit_events'))).length).toBeGreaterThanOrEqual(5);
  });

  describe('production start', () => {
    const asRole = (role: string, dbUrl = owned.appUrl) => {
      const u = new URL(dbUrl);
      u.username = role;
      return u.toString();
    };

    it('refuses a superuser, a BYPASSRLS role and a table owner, each with one line saying why', async () => {
      const tag = randomBytes(3).toString('hex');
      await adminQuery(`CREATE ROLE gh_bypass_${tag} LOGIN BYPASSRLS IN ROLE gonghui_app`);
      await adminQuery(`CREATE ROLE gh_owner_${tag} LOGIN IN ROLE gonghui_app`);
      await adminQuery(`ALTER TABLE work_summaries OWNER TO gh_owner_${tag}`, owned.ownerUrl);
      try {
        const cases: [string, RegExp][] = [
          [owned.ownerUrl, /超级用户.*superuser/],
          [asRole(`gh_bypass_${tag}`), /BYPASSRLS.*bypasses row-level security/],
          [asRole(`gh_owner_${tag}`), /所有者.*owns tables: work_summaries/],
        ];
        const runs = await Promise.all(cases.map(([url]) => startMain({ DATABASE_URL: url, DATABASE_MIGRATION_URL: owned.ownerUrl })));
        runs.forEach((r, i) => {
          expect(r.started).toBe(false);
          expect(r.code).toBe(1);
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
          expect(r.stderr).toMatch((cases[i] as [string, RegExp])[1]);
        });
      } finally {
        await adminQuery(`ALTER TABLE work_summaries OWNER TO CURRENT_USER`, owned.ownerUrl);
        await adminQuery(`DROP ROLE gh_bypass_${tag}`);
        await adminQuery(`DROP OWNED BY gh_owner_${tag}`, owned.ownerUrl);
        await adminQuery(`DROP ROLE gh_owner_${tag}`);
      }
    }, 120_000);

    it('starts as the app role with the owner migrating', async () => {
      // A database of its own: the one above holds raw test rows whose ciphertext the key self-test rightly refuses.
      const fresh = await createOwnedTestDatabase();
      try {
        const r = await startMain({ DATABASE_URL: fresh.appUrl, DATABASE_MIGRATION_URL: fresh.ownerUrl });
        expect(r.stderr).toBe('');
        expect(r.started).toBe(true);
      } finally {
        await fresh.drop();
      }
    }, 120_000);
  });
});
