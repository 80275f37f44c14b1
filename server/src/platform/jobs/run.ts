// One run of one claimed job: heartbeat on the lease, checkpoints that move the cursor with the work, and the end —
// succeeded, failed (with the kind's undo), released for a retry or for the next start, or (a recurring kind) queued
// again for its next interval.
import type { Db, Tx } from '../db/index.ts';
import * as repo from './jobs.repo.ts';
import type { JobRow } from './jobs.repo.ts';
import type { JobKindDef, JobLog } from './service.ts';

/** A failure the user must act on; the message is Chinese and shown as is. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
}

/** Thrown inside a handler when this runner no longer holds the job (or is stopping). */
export class JobInterrupted extends Error {
  override readonly name = 'JobInterrupted';
}

export interface JobContext<P = unknown> {
  job: JobRow;
  /** The job's payload, parsed by its kind's schema. */
  payload: P;
  signal: AbortSignal;
  /** Runs `work` in one transaction that also moves the job's cursor and progress, if the job is still ours. */
  checkpoint<T>(at: { cursor: number; progress: number }, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Ends the job successfully, running `work` in the same transaction. */
  complete(work?: (tx: Tx) => Promise<void>): Promise<void>;
}

export interface RunOptions {
  db: Db;
  log: JobLog;
  owner: string;
  leaseMs: number;
  /** Delay before an unexpected error is retried. */
  retryMs: number;
  maxAttempts: number;
  /** Awaited before each checkpoint's and the completion's transaction (JobServiceOptions.yieldToRequestsMs). */
  beforeTransaction?: () => Promise<void>;
}

const INTERNAL_MESSAGE = '处理过程中发生内部错误';

export async function runJob(o: RunOptions, kind: JobKindDef<unknown>, job: JobRow, ac: AbortController): Promise<void> {
  const { db, owner, leaseMs } = o;
  const recurring = job.everyMs !== null;
  /** Ends the run: a one-off job is finished, a recurring one waits for its next interval. */
  const end = (tx: Tx, status: 'succeeded' | 'failed', error: string | null) =>
    recurring ? repo.reschedule(tx, job.id, owner, error) : repo.finish(tx, job.id, owner, status, error);
  const fail = (message: string): Promise<boolean> =>
    db.transaction(async (tx) => {
      const ended = await end(tx, 'failed', message.slice(0, 500));
      if (ended && kind.failed) await kind.failed(tx, job);
      return ended;
    });

  const heartbeat = setInterval(
    () => {
      repo.touch(db, job.id, owner, leaseMs).then(
        (ok) => ok || ac.abort(new JobInterrupted('lease lost')),
        (e: unknown) => o.log.error({ err: e, jobId: job.id }, 'job heartbeat failed'),
      );
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();
  let ended = false;
  try {
    const parsed = kind.payload.safeParse(job.payload);
    if (!parsed.success) throw new JobFailure('任务参数无效');
    const ctx: JobContext = {
      job,
      payload: parsed.data,
      signal: ac.signal,
      checkpoint: async (at, work) => {
        await o.beforeTransaction?.();
        return db.transaction(async (tx) => {
          if (ac.signal.aborted || !(await repo.touch(tx, job.id, owner, leaseMs, at))) throw new JobInterrupted('job no longer held');
          return work(tx);
        });
      },
      complete: async (work) => {
        await o.beforeTransaction?.();
        await db.transaction(async (tx) => {
          // A stopping runner ends nothing: the job's last step runs whole at the next start (it resumes there).
          if (ac.signal.aborted || !(await end(tx, 'succeeded', null))) throw new JobInterrupted('job no longer held');
          if (work) await work(tx);
        });
        ended = true;
      },
    };
    await kind.run(ctx);
    if (!ended) await ctx.complete();
  } catch (e) {
    if (e instanceof JobFailure) {
      ended = await fail(e.message);
    } else if (e instanceof JobInterrupted || ac.signal.aborted) {
      await repo.release(db, job.id, owner, 0).catch(() => undefined);
    } else {
      o.log.error({ err: e, jobId: job.id }, 'job failed');
      if (job.attempts + 1 >= o.maxAttempts) ended = await fail(kind.internalErrorMessage ?? INTERNAL_MESSAGE);
      else await repo.release(db, job.id, owner, o.retryMs);
    }
  } finally {
    clearInterval(heartbeat);
  }
  if (ended && kind.cleanup) await kind.cleanup(job).catch((e: unknown) => o.log.error({ err: e, jobId: job.id }, 'job cleanup failed'));
}
