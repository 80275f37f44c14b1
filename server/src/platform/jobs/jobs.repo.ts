// SQL for background jobs. Claiming is one UPDATE … FOR UPDATE SKIP LOCKED, so two runners never take the
// same job; every write made while running checks the lease, so a runner that lost its job stops cleanly. A recurring
// kind has one row that goes back to `queued` with `run_after` set to its next run.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { jobs, type DbOrTx } from '../db/index.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobInsert = typeof jobs.$inferInsert;

export async function nextJobId(db: DbOrTx): Promise<number> {
  const res = await db.execute<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('jobs', 'id'))::int AS id`);
  const id = res.rows[0]?.id;
  if (id === undefined) throw new Error('no job id');
  return id;
}

export async function insertJob(db: DbOrTx, row: JobInsert): Promise<JobRow> {
  const [job] = await db.insert(jobs).values(row).returning();
  if (!job) throw new Error('job insert returned nothing');
  return job;
}

export async function findJob(db: DbOrTx, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Takes the oldest queued job that is due, or a running one whose runner's lease has run out. */
export async function claimNext(db: DbOrTx, kinds: string[], owner: string, leaseMs: number): Promise<JobRow | undefined> {
  const res = await db.execute<{ id: number }>(sql`
    UPDATE jobs SET status = 'running', lease_owner = ${owner}, lease_until = now() + ${leaseMs} * interval '1 millisecond',
                    started_at = coalesce(started_at, now())
    WHERE id = (
      SELECT id FROM jobs
      WHERE kind = ANY(${sql.param(kinds)}::text[])
        AND ((status = 'queued' AND (run_after IS NULL OR run_after <= now()))
             OR (status = 'running' AND (lease_until IS NULL OR lease_until < now())))
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const id = res.rows[0]?.id;
  return id === undefined ? undefined : findJob(db, id);
}

/** Extends the lease and records progress; false when another runner has the job or it has ended. */
export async function touch(
  db: DbOrTx,
  id: number,
  owner: string,
  leaseMs: number,
  at?: { cursor: number; progress: number },
): Promise<boolean> {
  const res = await db.execute(sql`
    UPDATE jobs SET lease_until = now() + ${leaseMs} * interval '1 millisecond'
      ${at ? sql`, cursor = ${at.cursor}, progress = ${at.progress}` : sql``}
    WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'`);
  return (res.rowCount ?? 0) > 0;
}

export async function finish(
  db: DbOrTx,
  id: number,
  owner: string,
  status: 'succeeded' | 'failed',
  error: string | null,
): Promise<boolean> {
  const res = await db
    .update(jobs)
    .set({ status, error, finishedAt: new Date(), leaseOwner: null, leaseUntil: null, ...(status === 'succeeded' ? { progress: 1 } : {}) })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return res.length > 0;
}

/** The one row of a recurring kind: created due now, or its interval updated (its next run is kept). */
export async function ensureSchedule(db: DbOrTx, kind: string, everyMs: number): Promise<void> {
  await db.execute(sql`
    INSERT INTO jobs (kind, every_ms, run_after) VALUES (${kind}, ${everyMs}, now())
    ON CONFLICT (kind) WHERE every_ms IS NOT NULL DO UPDATE SET every_ms = EXCLUDED.every_ms,
      status = CASE WHEN jobs.status IN ('queued', 'running') THEN jobs.status ELSE 'queued' END`);
}

/** Ends a run of a recurring kind: queued again for one interval after now, if this runner still holds it. */
export async function reschedule(db: DbOrTx, id: number, owner: string, error: string | null): Promise<boolean> {
  const res = await db.execute(sql`
    UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, cursor = 0, progress = 0, attempts = 0,
                    run_after = now() + every_ms * interval '1 millisecond', error = ${error}, finished_at = now()
    WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running' AND every_ms IS NOT NULL`);
  return (res.rowCount ?? 0) > 0;
}

/**
 * Gives the job back so a runner resumes it from its cursor: at once after a shutdown, or after `retryAfterMs`
 * (counted as a failed attempt) after an unexpected error.
 */
export async function release(db: DbOrTx, id: number, owner: string, retryAfterMs: number): Promise<void> {
  await db
    .update(jobs)
    .set(
      retryAfterMs > 0
        ? { leaseOwner: null, leaseUntil: sql`now() + ${retryAfterMs} * interval '1 millisecond'`, attempts: sql`${jobs.attempts} + 1` }
        : { leaseOwner: null, leaseUntil: null },
    )
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, 'running')));
}

export async function activeIds(db: DbOrTx, kind: string): Promise<number[]> {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.status, ['queued', 'running'])));
  return rows.map((r) => r.id);
}

/** Fails jobs of a kind that are still queued or running long after they were created and that nobody holds. */
export async function failExpired(db: DbOrTx, kind: string, olderThanMs: number, message: string): Promise<number[]> {
  const res = await db.execute<{ id: number }>(sql`
    UPDATE jobs SET status = 'failed', error = ${message}, finished_at = now(), lease_owner = NULL, lease_until = NULL
    WHERE kind = ${kind} AND status IN ('queued', 'running') AND created_at < now() - ${olderThanMs} * interval '1 millisecond'
      AND (lease_until IS NULL OR lease_until < now())
    RETURNING id`);
  return res.rows.map((r) => r.id);
}
