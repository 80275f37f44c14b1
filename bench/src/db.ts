// Opens the bench database: PostgreSQL on loopback (created on demand) or a PGlite data directory.
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/src/platform/db/index.ts';
import './members-crypto.ts'; // configures the audit chain's key
import { ensurePgDatabase, type BenchArgs } from './lib.ts';

export async function openBenchDb(args: BenchArgs, create: boolean): Promise<Database> {
  if (args.db === 'postgres') {
    if (create) await ensurePgDatabase(args.url, args.fresh);
    return openDatabase({ databaseUrl: args.url, poolMax: 10 });
  }
  if (create && args.fresh) fs.rmSync(args.dataDir, { recursive: true, force: true });
  if (!create && !fs.existsSync(args.dataDir)) throw new Error(`no PGlite data in ${args.dataDir}: run gen:orgs first`);
  return openDatabase({ dataDir: args.dataDir });
}

/** The login role the bench's HTTP app connects as: a member of gonghui_app that owns nothing, like production. */
export const BENCH_APP_ROLE = 'gonghui_app_bench';

/**
 * PostgreSQL only: the bench database opened as BENCH_APP_ROLE (created on demand, no password: the bench server
 * trusts loopback), so that the app's queries run under row-level security as in production. `openBenchDb`'s
 * connection is the owner's (a superuser), which RLS does not bind: use it for setup and repo-level timings only.
 */
export async function openAppDb(args: BenchArgs): Promise<Database> {
  if (args.db !== 'postgres') throw new Error('openAppDb: PostgreSQL only');
  const owner = new pg.Client({ connectionString: args.url });
  await owner.connect();
  try {
    await owner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${BENCH_APP_ROLE}') THEN
        CREATE ROLE ${BENCH_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE gonghui_app;
      END IF;
    END $$`);
  } finally {
    await owner.end();
  }
  const u = new URL(args.url);
  u.username = BENCH_APP_ROLE;
  u.password = '';
  const database = await openDatabase({ databaseUrl: u.toString(), poolMax: 10 });
  const who = await database.pool.query<{ u: string; s: boolean; b: boolean }>(
    `SELECT current_user AS u, r.rolsuper AS s, r.rolbypassrls AS b FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const r = who.rows[0];
  if (!r || r.s || r.b) throw new Error(`bench app role ${r?.u} is not bound by row-level security`);
  return database;
}
