// Planner statistics kept current (issue 13): a list right after a bulk job must plan like a list a day later.
// PostgreSQL's autovacuum analyzes a table once enough rows changed, but up to a minute later and on its own
// schedule; PGlite has no autovacuum at all. So (1) every bulk job analyzes the tables it wrote as soon as it has
// committed, and (2) on PGlite a recurring job does what autovacuum would: VACUUM or ANALYZE each table whose dead
// or changed rows pass autovacuum's default thresholds. The app's role does not own the tables, so ANALYZE goes
// through app_analyze() (SECURITY DEFINER, an allow-list of tables; migration analyze_after_bulk).
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
] as const;
export type BulkTable = (typeof BULK_TABLES)[number];

/** ANALYZE the tables a bulk job wrote; after its commit. A failure is logged, never the job's. */
export async function analyzeAfterBulk(db: Db, tables: readonly BulkTable[], log?: { warn(o: object, m: string): void }): Promise<void> {
  try {
    await asSystem(() => db.execute(sql`SELECT app_analyze(${`{${tables.join(',')}}`}::text[])`));
  } catch (err) {
    log?.warn({ err, tables }, 'analyze after bulk work failed');
  }
}

// autovacuum's defaults: vacuum at 50 + 20 % dead rows, analyze at 50 + 10 % rows changed since the last analyze.
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;

export interface MaintenanceRun {
  vacuumed: string[];
  analyzed: string[];
}

/**
 * One pass of the embedded database's stand-in for autovacuum: VACUUM (ANALYZE) the tables with enough dead rows,
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
        n_dead_tup > ${VACUUM_BASE}::float8 + ${VACUUM_SCALE}::float8 * greatest(n_live_tup, 0) AS vacuum,
        n_mod_since_analyze > ${ANALYZE_BASE}::float8 + ${ANALYZE_SCALE}::float8 * greatest(n_live_tup, 0) AS analyze
      FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`),
  );
  const run: MaintenanceRun = { vacuumed: [], analyzed: [] };
  for (const r of res.rows) {
    const name = sql.identifier(r.relname);
    if (r.vacuum) {
      await asSystem(() => db.execute(sql`VACUUM (ANALYZE) ${name}`));
      run.vacuumed.push(r.relname);
    } else if (r.analyze) {
      await asSystem(() => db.execute(sql`ANALYZE ${name}`));
      run.analyzed.push(r.relname);
    }
  }
  return run;
}
