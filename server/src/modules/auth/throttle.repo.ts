// Login throttle rows. `reserve` is one statement so parallel attempts serialise on the row lock: each one
// that passes has already been counted, and none passes while the key waits out a delay or is locked.
import { eq, sql } from 'drizzle-orm';
import { loginThrottle, type DbOrTx } from '../../platform/db/index.ts';

export interface ThrottleRule {
  /** Failures allowed before every further attempt waits. */
  free: number;
  /** Failures in the window that lock the key until someone lifts it; null = never. */
  lockAt: number | null;
  windowSec: number;
  /** The wait after the `free`-th failure; it doubles with each further one up to `maxDelaySec`. */
  firstDelaySec: number;
  maxDelaySec: number;
}

/**
 * Counts one attempt against `key` unless it is waiting or locked. Returns the failures counted so far
 * (this attempt included), or null when the attempt is refused.
 */
export async function reserve(db: DbOrTx, key: string, r: ThrottleRule): Promise<number | null> {
  const expired = sql`t.window_start < now() - make_interval(secs => ${r.windowSec})`;
  const n = sql`(CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END)`;
  const delay = sql`least(${r.firstDelaySec} * power(2, ${n} - ${r.free}), ${r.maxDelaySec})`;
  const res = await db.execute<{ failures: number }>(sql`
    INSERT INTO login_throttle AS t (key, failures, window_start, updated_at)
    VALUES (${key}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      failures = ${n},
      window_start = CASE WHEN ${expired} THEN now() ELSE t.window_start END,
      next_at = CASE WHEN ${n} >= ${r.free} THEN now() + make_interval(secs => ${delay}) END,
      locked_at = CASE WHEN ${n} >= ${r.lockAt ?? 2_147_483_647} THEN now() END,
      updated_at = now()
    WHERE t.locked_at IS NULL AND (t.next_at IS NULL OR t.next_at <= now())
    RETURNING failures`);
  return res.rows[0]?.failures ?? null;
}

/** Seconds until `key` may try again; null when it is locked. */
export async function waitOf(db: DbOrTx, key: string): Promise<number | null> {
  const res = await db.execute<{ locked: boolean; wait: number }>(sql`
    SELECT locked_at IS NOT NULL AS locked, greatest(1, ceil(extract(epoch FROM next_at - now())))::int AS wait
    FROM login_throttle WHERE key = ${key}`);
  const row = res.rows[0];
  if (!row) return 1;
  return row.locked ? null : (row.wait ?? 1);
}

/** The right password: the account starts over. */
export async function clear(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/**
 * Gives back the attempt a successful login reserved, without forgiving earlier failures from that key. The
 * reservation passed, so the key was not waiting before it; nothing else passed since, as it set the wait.
 */
export async function refund(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`
    UPDATE login_throttle SET failures = greatest(failures - 1, 0), next_at = NULL, updated_at = now()
    WHERE key = ${key} AND locked_at IS NULL`);
}

/** Forgets keys that neither wait nor are locked and whose window has passed (sprayed unknown names). */
export async function prune(db: DbOrTx, windowSec: number): Promise<void> {
  await db.execute(sql`
    DELETE FROM login_throttle
    WHERE locked_at IS NULL AND (next_at IS NULL OR next_at < now()) AND window_start < now() - make_interval(secs => ${windowSec})`);
}
