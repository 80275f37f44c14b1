// Test databases: PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, each test file in a fresh
// database of its own so files run in parallel and leave nothing behind.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, runMigrations, type Database } from '../platform/db/index.ts';
import { bootstrap } from '../bootstrap/bootstrap.ts';
import { createFieldCrypto } from '../platform/crypto/index.ts';
import { bindAuditSeals, configureAuditChain, openSealStore, sealAuditChain } from '../platform/audit/index.ts';

// The audit chain's key comes from the route tests' fixed master key (testCrypto in test/http.ts). Configured on
// import too, for the tests that bootstrap a database of their own.
const testKeys = createFieldCrypto(Buffer.alloc(32, 1));
configureAuditChain(testKeys);

export type Engine = 'pglite' | 'postgres';
export const ADMIN_PASSWORD = 'Admin#Test2026';

export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb extends Database {
  rootOrgId: number;
  /** PostgreSQL only: the test database's URL, for a second (attacker's or backup tool's) connection. */
  url?: string;
  /** This database's audit seal directory (a fresh temporary one). */
  auditSealDir: string;
  /** Writes a signed audit seal of the current chain head (fails if the chain does not verify). */
  sealAudit(): Promise<void>;
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
  let dbUrl: string | undefined;
  if (engine === 'postgres') {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    const name = `gh_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    url.pathname = `/${name}`;
    dbUrl = url.toString();
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
  configureAuditChain(testKeys);
  const auditSealDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-seals-'));
  bindAuditSeals(database.db, openSealStore(auditSealDir));
  await runMigrations(database.db);
  const boot = await bootstrap(database.db, { adminPassword: ADMIN_PASSWORD, rootOrgName: '测试市总工会' });
  if (!boot.rootOrgId) throw new Error('bootstrap did not create the root org');
  const sealAudit = async () => {
    const res = await sealAuditChain(database.db);
    if (res.broken) throw new Error(`audit chain broken at ${res.broken.at} (${res.broken.reason}): not sealed`);
  };
  // As at start-up in main.ts: the bootstrap's rows are sealed before anything else happens.
  await sealAudit();
  const close = async () => {
    await database.close();
    fs.rmSync(auditSealDir, { recursive: true, force: true });
  };
  return { ...database, close, rootOrgId: boot.rootOrgId, url: dbUrl, auditSealDir, sealAudit };
}
