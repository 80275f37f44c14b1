// Test databases: PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, each test file in a fresh
// database of its own so files run in parallel and leave nothing behind. On PostgreSQL the schema is migrated by
// the owner (TEST_DATABASE_URL's role) and the app connects as APP_TEST_ROLE, a member of gonghui_app that owns
// nothing: the whole suite runs under row-level security, as production does.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { asSystem, schema, type Db, openDatabase, runMigrations, runMigrationsAsOwner, type Database } from '../platform/db/index.ts';
import { bootstrap } from '../bootstrap/bootstrap.ts';

export type Engine = 'pglite' | 'postgres';
export const ADMIN_PASSWORD = 'Admin#Test2026';
export const APP_TEST_ROLE = 'gonghui_app_test';

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

// Roles are cluster-wide and test files start in parallel: creating the same role twice may race.
async function ensureAppTestRole(): Promise<void> {
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

/** A fresh database migrated by the owner, with no app connection yet (PostgreSQL only). */
export async function createOwnedTestDatabase(): Promise<{ name: string; ownerUrl: string; appUrl: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  const name = `gh_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  await runMigrationsAsOwner(ownerUrl);
  await ensureAppTestRole();
  url.username = APP_TEST_ROLE;
  url.password = '';
  return { name, ownerUrl, appUrl: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestDb(engine: Engine): Promise<TestDb> {
  let database: Database;
  let ownerUrl: string | undefined;
  let owner: Db;
  if (engine === 'postgres') {
    const created = await createOwnedTestDatabase();
    ownerUrl = created.ownerUrl;
    const opened = await openDatabase({ databaseUrl: created.appUrl, poolMax: 4 });
    const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
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
    database = await openDatabase({ dataDir: ':memory:' });
    await runMigrations(database.db);
    owner = database.db;
  }
  const boot = await asSystem(() => bootstrap(database.db, { adminPassword: ADMIN_PASSWORD, rootOrgName: '测试市总工会' }));
  if (!boot.rootOrgId) throw new Error('bootstrap did not create the root org');
  return { ...database, rootOrgId: boot.rootOrgId, ownerUrl, owner };
}
