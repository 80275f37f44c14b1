// Test databases: PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, each test file in a fresh
// database of its own so files run in parallel and leave nothing behind.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, runMigrations, type Database } from '../platform/db/index.ts';
import { bootstrap } from '../bootstrap/bootstrap.ts';

export type Engine = 'pglite' | 'postgres';
export const ADMIN_PASSWORD = 'Admin#Test2026';
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
}

async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

export async function openTestDb(engine: Engine): Promise<TestDb> {
  let database: Database;
  if (engine === 'postgres') {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    const name = `gh_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      },
    };
  } else {
    database = await openDatabase({ dataDir: ':memory:' });
  }
  await runMigrations(database.db);
  const boot = await bootstrap(database.db, {
    adminPassword: ADMIN_PASSWORD,
    secadminPassword: SECADMIN_PASSWORD,
    auditorPassword: AUDITOR_PASSWORD,
    rootOrgName: '测试市总工会',
  });
  if (!boot.rootOrgId) throw new Error('bootstrap did not create the root org');
  return { ...database, rootOrgId: boot.rootOrgId };
}
