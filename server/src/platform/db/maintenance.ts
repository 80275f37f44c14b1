// Planner statistics and visibility kept current (issue 13): a list right after a bulk job must plan and read like a
// list a day later. PostgreSQL's autovacuum analyzes a table once enough rows changed, and vacuums it once enough
// rows were inserted (which sets the visibility map that index-only scans and counts rely on), but up to a minute
// later and on its own schedule; PGlite has no autovacuum at all. So (1) every bulk job, as soon as it has
// committed, VACUUMs and ANALYZEs the tables it wrote that its connection owns (the embedded database owns all of its
// tables) and ANALYZEs the others through app_analyze() (SECURITY DEFINER, an allow-list of tables; migration
// analyze_after_bulk) — the app's role on a PostgreSQL server may not VACUUM, autovacuum's insert threshold does
// that there; and (2) on PGlite a recurring job does what autovacuum would.
import { sql } from 'drizzle-orm';
import { asSystem } from './rls.ts';
import type { Db } from './connect.ts';

/** Tables bulk jobs write; app_analyze() accepts these and no others. */
export const BULK_TABLES = [
  'members',
  'member_events',
  'member_flow_months',
  'cases',
  'case_steps',
  'assistance_entries',
  'ledger_entries',
  'audit_events',
  'orgs',
  'org_events',
] as const;
export type BulkTable = (typeof BULK_TABLES)[number];

/** VACUUM (ANALYZE) or ANALYZE the tables a bulk job wrote; after its commit. A failure is logged, never the job's. */
export async function maintainAfterBulk(db: Db, tables: readonly BulkTable[], log?: { warn(o: object, m: string): void }): Promise<void> {
  try {
    const owned = await asSystem(() =>
      db.execute<{ relname: string }>(sql`
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY(${`{${tables.join(',')}}`}::text[])
          AND pg_has_role(current_user, c.relowner, 'USAGE')`),
    );
    const mine = new Set(owned.rows.map((r) => r.relname));
    // Outside a transaction (VACUUM cannot run inside one), and VACUUM apart from ANALYZE: on the embedded
    // database a request waits behind the statement in flight, so two short waits rather than one long one.
    for (const t of tables) if (mine.has(t)) await vacuumThenAnalyze(db, t);
    const others = tables.filter((t) => !mine.has(t));
    if (others.length) await asSystem(() => db.execute(sql`SELECT app_analyze(${`{${others.join(',')}}`}::text[])`));
  } catch (err) {
    log?.warn({ err, tables }, 'maintenance after bulk work failed');
  }
}

async function vacuumThenAnalyze(db: Db, table: string): Promise<void> {
  await asSystem(() => db.execute(sql`VACUUM ${sql.identifier(table)}`));
  await asSystem(() => db.execute(sql`ANALYZE ${sql.identifier(table)}`));
}

// autovacuum's defaults: vacuum at 50 + 20 % dead rows or 1000 + 20 % rows inserted since the last vacuum, analyze at
// 50 + 10 % rows changed since the last analyze.
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const VACUUM_INSERT_BASE = 1000;
const VACUUM_INSERT_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;

export interface MaintenanceRun {
  vacuumed: string[];
  analyzed: string[];
}

/**
 * One pass of the embedded database's stand-in for autovacuum: VACUUM (ANALYZE) the tables with enough dead or new rows,
 * ANALYZE those with enough changed rows. Runs outside any transaction (VACUUM cannot run inside one); the
 * embedded database owns its tables.
 */
export async function maintainEmbedded(db: Db): Promise<MaintenanceRun> {
  // The embedded server's one backend flushes its activity counters only when idle for a while: flush them now.
  await asSystem(() => db.execute(sql`SELECT pg_stat_force_next_flush()`));
  await asSystem(() => db.execute(sql`SELECT pg_stat_clear_snapshot()`));
  const res = await asSystem(() =>
    db.execute<{ relname: string; vacuum: boolean; analyze: boolean }>(sql`
      SELECT relname,
        n_dead_tup > ${VACUUM_BASE}::float8 + ${VACUUM_SCALE}::float8 * greatest(n_live_tup, 0)
          OR n_ins_since_vacuum > ${VACUUM_INSERT_BASE}::float8 + ${VACUUM_INSERT_SCALE}::float8 * greatest(n_live_tup, 0) AS vacuum,
        n_mod_since_analyze > ${ANALYZE_BASE}::float8 + ${ANALYZE_SCALE}::float8 * greatest(n_live_tup, 0) AS analyze
      FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`),
  );
  const run: MaintenanceRun = { vacuumed: [], analyzed: [] };
  for (const r of res.rows) {
    const name = sql.identifier(r.relname);
    if (r.vacuum) {
      await vacuumThenAnalyze(db, r.relname);
      run.vacuumed.push(r.relname);
    } else if (r.analyze) {
      await asSystem(() => db.execute(sql`ANALYZE ${name}`));
      run.analyzed.push(r.relname);
    }
  }
  return run;
}
