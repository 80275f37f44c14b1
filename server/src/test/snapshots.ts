// The run's migrated databases, made once by the global setup (test/global-setup.ts) instead of once per test file:
// a PGlite dumpDataDir() archive (migrated and bootstrapped) that openTestDb('pglite') loads, and on PostgreSQL two
// template databases — migrated, and migrated + bootstrapped — that test databases are cloned from. The templates
// take no connections once made (ALLOW_CONNECTIONS false), so parallel clones do not trip over one another.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations, runMigrationsAsOwner } from '../platform/db/index.ts';
import { adminQuery, bootstrapTestDb, cloneDatabase, ensureAppTestRole, testDatabaseUrls, type TestSnapshots } from './db.ts';

async function pgliteSnapshot(dir: string): Promise<NonNullable<TestSnapshots['pglite']>> {
  const database = await openDatabase({ dataDir: ':memory:' });
  try {
    await runMigrations(database.db);
    const rootOrgId = await bootstrapTestDb(database.db);
    const file = path.join(dir, 'pglite.tar');
    if (!database.dumpTo) throw new Error('PGlite database without dumpTo');
    await database.dumpTo(file);
    return { file, rootOrgId };
  } finally {
    await database.close();
  }
}

async function postgresTemplates(names: string[]): Promise<NonNullable<TestSnapshots['postgres']>> {
  const tag = randomBytes(5).toString('hex');
  const migrated = `gh_tpl_${tag}_m`;
  const bootstrapped = `gh_tpl_${tag}_b`;
  names.push(migrated);
  await adminQuery(`CREATE DATABASE ${migrated}`);
  await runMigrationsAsOwner(testDatabaseUrls(migrated).ownerUrl);
  await ensureAppTestRole();
  names.push(bootstrapped);
  await cloneDatabase(bootstrapped, migrated);
  const app = await openDatabase({ databaseUrl: testDatabaseUrls(bootstrapped).appUrl, poolMax: 1 });
  let rootOrgId: number;
  try {
    rootOrgId = await bootstrapTestDb(app.db);
  } finally {
    await app.close();
  }
  for (const name of [migrated, bootstrapped]) await adminQuery(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  return { migrated, bootstrapped, rootOrgId };
}

async function dropTemplates(names: string[]): Promise<void> {
  for (const name of names) {
    await adminQuery(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
}

/** Makes the run's snapshots; `dispose` removes them at the end of the run. */
export async function makeTestSnapshots(): Promise<{ snapshots: TestSnapshots; dispose: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-test-snapshot-'));
  const templates: string[] = [];
  const dispose = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await dropTemplates(templates);
  };
  try {
    const [pglite, postgres] = await Promise.all([
      pgliteSnapshot(dir),
      process.env.TEST_DATABASE_URL ? postgresTemplates(templates) : Promise.resolve(undefined),
    ]);
    return { snapshots: { pglite, ...(postgres ? { postgres } : {}) }, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
