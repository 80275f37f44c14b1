// Test databases: PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, each test file in a fresh
// database of its own so files run in parallel and leave nothing behind. On PostgreSQL the schema is migrated by
// the owner (TEST_DATABASE_URL's role) and the app connects as APP_TEST_ROLE, a member of gonghui_app that owns
// nothing: the whole suite runs under row-level security, as production does.
// The run's global setup (test/global-setup.ts) migrates and bootstraps once: a PGlite dumpDataDir() archive that
// each file's database loads, and PostgreSQL template databases each file's database is created from. Without it
// (a script outside vitest) every database is migrated and bootstrapped from scratch, as before.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { asSystem, schema, type Db, openDatabase, runMigrations, runMigrationsAsOwner, type Database } from '../platform/db/index.ts';
import { bootstrap } from '../bootstrap/bootstrap.ts';
import { createFieldCrypto } from '../platform/crypto/index.ts';
import { bindAuditSeals, configureAuditChain, openSealStore, sealAuditChain } from '../platform/audit/index.ts';

// The audit chain's key comes from the route tests' fixed master key (testCrypto in test/http.ts). Configured on
// import too, for the tests that bootstrap a database of their own.
const testKeys = createFieldCrypto(Buffer.alloc(32, 1));
configureAuditChain(testKeys);

export type Engine = 'pglite' | 'postgres';
export const ADMIN_PASSWORD = 'Admin#Test2026';
export const APP_TEST_ROLE = 'gonghui_app_test';
export const SECADMIN_PASSWORD = 'Secadmin#Test2026';
export const AUDITOR_PASSWORD = 'Auditor#Test2026';
/** The three root accounts the bootstrap creates (三员分立), by username. */
export const ROOT_PASSWORDS = { admin: ADMIN_PASSWORD, secadmin: SECADMIN_PASSWORD, auditor: AUDITOR_PASSWORD } as const;
export type RootAccount = keyof typeof ROOT_PASSWORDS;

export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb extends Database {
  rootOrgId: number;
  /** The owner's connection string (PostgreSQL only). */
  ownerUrl?: string;
  /** The schema owner's connection, which row-level security does not bind: for tests that set up or inspect raw
   *  rows, or act behind the app's back. On PGlite it is the app's own (superuser) connection. */
  owner: Db;
  /** PostgreSQL only: the owner's URL, for a second (attacker's or backup tool's) connection. */
  url?: string;
  /** This database's audit seal directory (a fresh temporary one). */
  auditSealDir: string;
  /** Writes a signed audit seal of the current chain head (fails if the chain does not verify). */
  sealAudit(): Promise<void>;
}

export async function adminQuery(sqlText: string, url = process.env.TEST_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** What the global setup made for the whole run (test/snapshots.ts). */
export interface TestSnapshots {
  pglite?: { file: string; rootOrgId: number };
  postgres?: { migrated: string; bootstrapped: string; rootOrgId: number };
}

declare module 'vitest' {
  export interface ProvidedContext {
    ghTestSnapshots: TestSnapshots;
  }
}

function snapshots(): TestSnapshots {
  try {
    return inject('ghTestSnapshots') ?? {};
  } catch {
    return {}; // outside a vitest worker
  }
}

/** The bootstrap every test database starts from: the root org and the three root accounts with test passwords. */
export async function bootstrapTestDb(db: Db): Promise<number> {
  const boot = await asSystem(() =>
    bootstrap(db, {
      adminPassword: ADMIN_PASSWORD,
      secadminPassword: SECADMIN_PASSWORD,
      auditorPassword: AUDITOR_PASSWORD,
      rootOrgName: '测试市总工会',
    }),
  );
  if (!boot.rootOrgId) throw new Error('bootstrap did not create the root org');
  return boot.rootOrgId;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * CREATE DATABASE … TEMPLATE: PostgreSQL refuses while any session is connected to the template ("source database
 * … is being accessed by other users", 55006); the templates allow no connections, but a clone is retried anyway.
 */
export async function cloneDatabase(name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (e) {
      const busy = (e as { code?: string }).code === '55006' || /being accessed by other users/.test(String(e));
      if (!busy || attempt >= 20) throw e;
      await sleep(50 + attempt * 50);
    }
  }
}

// Roles are cluster-wide and test files start in parallel: creating the same role twice may race.
export async function ensureAppTestRole(): Promise<void> {
  const sqlText = `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_TEST_ROLE}') THEN
      CREATE ROLE ${APP_TEST_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE gonghui_app;
    ELSIF NOT pg_has_role('${APP_TEST_ROLE}', 'gonghui_app', 'MEMBER') THEN
      GRANT gonghui_app TO ${APP_TEST_ROLE};
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(sqlText);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** The owner's and the app role's URLs of a database on the TEST_DATABASE_URL server. */
export function testDatabaseUrls(name: string): { ownerUrl: string; appUrl: string } {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  url.username = APP_TEST_ROLE;
  url.password = '';
  return { ownerUrl, appUrl: url.toString() };
}

/**
 * A fresh database migrated by the owner, with no app connection yet (PostgreSQL only); `bootstrapped`: with the
 * test bootstrap too. Cloned from the run's template when there is one, migrated here otherwise.
 */
export async function createOwnedTestDatabase(
  opts: { bootstrapped?: boolean } = {},
): Promise<{ name: string; ownerUrl: string; appUrl: string; drop: () => Promise<void>; rootOrgId?: number }> {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  const name = `gh_test_${randomBytes(6).toString('hex')}`;
  const tpl = snapshots().postgres;
  if (tpl) {
    await cloneDatabase(name, opts.bootstrapped ? tpl.bootstrapped : tpl.migrated);
    return {
      name,
      ...testDatabaseUrls(name),
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      rootOrgId: opts.bootstrapped ? tpl.rootOrgId : undefined,
    };
  }
  await adminQuery(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  await runMigrationsAsOwner(ownerUrl);
  await ensureAppTestRole();
  url.username = APP_TEST_ROLE;
  url.password = '';
  return { name, ownerUrl, appUrl: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The embedded test databases: apps built on them run with `embeddedDb`, as `npm start` does on PGlite. */
export const embeddedDbs = new WeakSet<Db>();

export async function openTestDb(engine: Engine): Promise<TestDb> {
  let database: Database;
  let ownerUrl: string | undefined;
  let owner: Db;
  let rootOrgId: number | undefined;
  if (engine === 'postgres') {
    const created = await createOwnedTestDatabase({ bootstrapped: true });
    rootOrgId = created.rootOrgId;
    ownerUrl = created.ownerUrl;
    const opened = await openDatabase({ databaseUrl: created.appUrl, poolMax: 4 });
    const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
    ownerPool.on('error', () => undefined); // idle connections ended by DROP DATABASE … WITH (FORCE) at close
    owner = drizzle(ownerPool, { schema });
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await ownerPool.end();
        await created.drop();
      },
    };
  } else {
    const snap = snapshots().pglite;
    database = await openDatabase({ dataDir: ':memory:', pgliteSnapshot: snap?.file });
    if (snap) rootOrgId = snap.rootOrgId;
    else await runMigrations(database.db);
    owner = database.db;
  }
  if (database.kind === 'pglite') embeddedDbs.add(database.db);
  configureAuditChain(testKeys);
  const auditSealDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-seals-'));
  bindAuditSeals(database.db, openSealStore(auditSealDir));
  rootOrgId ??= await bootstrapTestDb(database.db);
  const sealAudit = async () => {
    const res = await asSystem(() => sealAuditChain(database.db));
    if (res.broken) throw new Error(`audit chain broken at ${res.broken.at} (${res.broken.reason}): not sealed`);
  };
  // As at start-up in main.ts: the bootstrap's rows are sealed before anything else happens.
  await sealAudit();
  const close = async () => {
    await database.close();
    fs.rmSync(auditSealDir, { recursive: true, force: true });
  };
  return { ...database, close, rootOrgId, ownerUrl, url: ownerUrl, owner, auditSealDir, sealAudit };
}
