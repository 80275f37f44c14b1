// In-process runner for DB-backed jobs: one job at a time, off the request path. A job survives a crash:
// its handler commits work in checkpoints that advance the job's cursor in the same transaction, and a
// runner that starts later resumes the job from that cursor once the dead runner's lease has expired.
import { randomBytes } from 'node:crypto';
import { asSystem, type Db, type Tx } from '../db/index.ts';
import * as repo from './jobs.repo.ts';
import type { JobRow } from './jobs.repo.ts';

/** A failure the user must act on; the message is Chinese and shown as is. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
}

/** Thrown inside a handler when this runner no longer holds the job (or is stopping). */
export class JobInterrupted extends Error {
  override readonly name = 'JobInterrupted';
}

export interface JobContext {
  job: JobRow;
  signal: AbortSignal;
  /** Runs `work` in one transaction that also moves the job's cursor and progress, if the job is still ours. */
  checkpoint<T>(at: { cursor: number; progress: number }, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Ends the job successfully, running `work` in the same transaction. */
  complete(work?: (tx: Tx) => Promise<void>): Promise<void>;
}

export interface JobKind {
  run(ctx: JobContext): Promise<void>;
  /** In the transaction that marks the job failed (e.g. drop what it staged). */
  failed?(tx: Tx, job: JobRow): Promise<void>;
  /** After the job has ended either way (e.g. delete its upload). */
  cleanup?(job: JobRow): Promise<void>;
}

export interface RunnerLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface RunnerOptions {
  db: Db;
  log: RunnerLog;
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
  /** How long stop() waits for the running job to let go before it releases the job itself. */
  stopTimeoutMs?: number;
}

const INTERNAL_MESSAGE = '处理过程中发生内部错误，请稍后重新上传';

export function createJobRunner(opts: RunnerOptions) {
  const { db, log } = opts;
  const leaseMs = opts.leaseMs ?? 30_000;
  const pollMs = opts.pollMs ?? 5_000;
  const maxAttempts = opts.maxAttempts ?? 3;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 3000;
  const owner = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const kinds = new Map<string, JobKind>();
  let started = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let current: { ac: AbortController; jobId: number } | null = null;

  /** Ends the job as failed, with the kind's own undo in the same transaction. */
  const fail = (kind: JobKind, job: JobRow, message: string): Promise<boolean> =>
    db.transaction(async (tx) => {
      const ended = await repo.finish(tx, job.id, owner, 'failed', message.slice(0, 500));
      if (ended && kind.failed) await kind.failed(tx, job);
      return ended;
    });

  async function runOne(job: JobRow): Promise<void> {
    const kind = kinds.get(job.kind);
    if (!kind) return;
    const ac = new AbortController();
    current = { ac, jobId: job.id };
    const lost = () => ac.abort(new JobInterrupted('lease lost'));
    const heartbeat = setInterval(
      () => {
        repo.touch(db, job.id, owner, leaseMs).then(
          (ok) => ok || lost(),
          (e: unknown) => log.error({ err: e, jobId: job.id }, 'job heartbeat failed'),
        );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    let ended = false;
    const ctx: JobContext = {
      job,
      signal: ac.signal,
      checkpoint: (at, work) =>
        db.transaction(async (tx) => {
          if (ac.signal.aborted || !(await repo.touch(tx, job.id, owner, leaseMs, at))) throw new JobInterrupted('job no longer held');
          return work(tx);
        }),
      complete: async (work) => {
        await db.transaction(async (tx) => {
          if (!(await repo.finish(tx, job.id, owner, 'succeeded', null))) throw new JobInterrupted('job no longer held');
          if (work) await work(tx);
        });
        ended = true;
      },
    };
    try {
      await kind.run(ctx);
      if (!ended) await ctx.complete();
    } catch (e) {
      if (e instanceof JobFailure) {
        ended = await fail(kind, job, e.message);
      } else if (e instanceof JobInterrupted || ac.signal.aborted) {
        await repo.release(db, job.id, owner, 0).catch(() => undefined);
      } else {
        log.error({ err: e, jobId: job.id }, 'job failed');
        if (job.attempts + 1 >= maxAttempts) ended = await fail(kind, job, INTERNAL_MESSAGE);
        else await repo.release(db, job.id, owner, pollMs);
      }
    } finally {
      clearInterval(heartbeat);
      current = null;
    }
    if (ended && kind.cleanup) await kind.cleanup(job).catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'job cleanup failed'));
  }

  async function drainQueue(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopping) return;
        const job = await repo.claimNext(db, [...kinds.keys()], owner, leaseMs);
        if (!job) break;
        await runOne(job);
      }
    } while (again && !stopping);
  }

  function schedule(): void {
    if (stopping || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void kick(), pollMs);
    timer.unref();
  }

  /** Looks for work now; resolves when the queue is empty. */
  function kick(): Promise<void> {
    if (!started || stopping) return Promise.resolve();
    if (loop) {
      again = true;
      return loop;
    }
    // Jobs run as the system whoever kicked the runner (a request's scope must not leak into them).
    loop = asSystem(drainQueue)
      .catch((e: unknown) => log.error({ err: e }, 'job runner loop failed'))
      .finally(() => {
        loop = null;
        schedule();
      });
    return loop;
  }

  return {
    owner,
    register(kind: string, handler: JobKind): void {
      kinds.set(kind, handler);
    },
    async start(): Promise<void> {
      if (started) return;
      started = true;
      void kick();
    },
    kick,
    /**
     * Interrupts the running job (it resumes at the next start) and waits for it to let go, at most
     * stopTimeoutMs: then the job is released here, so a transaction still in flight can no longer commit
     * a checkpoint (every checkpoint checks the lease) and the next start takes the job at once.
     */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = current;
      running?.ac.abort(new JobInterrupted('runner stopping'));
      if (!loop) return;
      let timeout: NodeJS.Timeout | undefined;
      const late = await Promise.race([
        loop.then(() => false),
        new Promise<boolean>((r) => (timeout = setTimeout(() => r(true), stopTimeoutMs))),
      ]);
      clearTimeout(timeout);
      if (late && running) await repo.release(db, running.jobId, owner, 0).catch(() => undefined);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
