// The one job service of the server: DB-backed jobs off the request path, created once in the server's wiring and
// passed to the modules. A kind is defined with a Zod schema for its payload and a per-process concurrency limit;
// `enqueue(tx, kind, payload)` writes the job in the caller's transaction (no commit, no job) and pokes the runner
// after the commit. A job survives a crash: its handler commits work in checkpoints that advance the job's cursor in
// the same transaction, and a runner that starts later resumes it from that cursor once the dead runner's lease has
// expired. A recurring kind (`every`) has one row in the database whose lease lets one process at a time run it.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { asSystem, onCommit, yieldToRequests, type Db, type DbOrTx, type Tx } from '../db/index.ts';
import * as repo from './jobs.repo.ts';
import type { JobRow } from './jobs.repo.ts';
import { JobInterrupted, runJob, type JobContext } from './run.ts';

export { JobFailure, JobInterrupted, type JobContext } from './run.ts';

/** A payload that does not match its kind's schema, or a kind nobody defined: a programming error, refused. */
export class JobPayloadError extends Error {
  override readonly name = 'JobPayloadError';
}

export interface JobKindDef<P> {
  payload: z.ZodType<P>;
  /** Jobs of this kind one process runs at the same time (default 1). */
  concurrency?: number;
  /** A recurring kind: runs every `every` ms, one run at a time across every process on the database. */
  every?: number;
  run(ctx: JobContext<P>): Promise<void>;
  /** In the transaction that marks the job failed (e.g. drop what it staged). */
  failed?(tx: Tx, job: JobRow): Promise<void>;
  /** After the job has ended either way (e.g. delete its upload). */
  cleanup?(job: JobRow): Promise<void>;
  /** Shown to users when the job fails on an unexpected error (Chinese). */
  internalErrorMessage?: string;
}

/** The handle `define` returns: what `enqueue` takes, so the payload's type follows the kind. */
export interface JobKindRef<P> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
}

export interface EnqueueOptions {
  /** A job id reserved with jobRepo.nextJobId (an upload is moved to a file named after it first). */
  id?: number;
  orgId?: number | null;
  /** Who asked for the job (the audit origin of the rows it writes). */
  origin?: Record<string, unknown>;
}

export interface JobLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface JobServiceOptions {
  db: Db;
  log: JobLog;
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
  /** How long stop() waits for running jobs to let go before it releases them itself. */
  stopTimeoutMs?: number;
  /**
   * The embedded database (one connection): before each checkpoint or completion a job waits until no API request is
   * in flight, at most this many ms (platform/db/foreground), so requests are not queued behind its transactions.
   */
  yieldToRequestsMs?: number;
}

interface Running {
  kind: string;
  ac: AbortController;
  done: Promise<void>;
}

export function createJobService(opts: JobServiceOptions) {
  const { db, log } = opts;
  const leaseMs = opts.leaseMs ?? 30_000;
  const pollMs = opts.pollMs ?? 5_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 3000;
  const owner = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const kinds = new Map<string, JobKindDef<unknown>>();
  const running = new Map<number, Running>();
  let started = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let again = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  const yieldMs = opts.yieldToRequestsMs ?? 0;
  const runOpts = {
    db,
    log,
    owner,
    leaseMs,
    retryMs: pollMs,
    maxAttempts: opts.maxAttempts ?? 3,
    beforeTransaction: yieldMs > 0 ? () => yieldToRequests(yieldMs) : undefined,
  };

  /** Claims jobs while a kind has a free slot, and starts each without waiting for it. */
  async function fill(): Promise<void> {
    for (;;) {
      if (stopping) return;
      const busy = new Map<string, number>();
      for (const r of running.values()) busy.set(r.kind, (busy.get(r.kind) ?? 0) + 1);
      const free = [...kinds].filter(([k, d]) => (busy.get(k) ?? 0) < (d.concurrency ?? 1)).map(([k]) => k);
      if (!free.length) return;
      const job = await repo.claimNext(db, free, owner, leaseMs);
      if (!job) return;
      const def = kinds.get(job.kind);
      if (!def) return;
      const ac = new AbortController();
      const done = runJob(runOpts, def, job, ac)
        .catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'job failed to end'))
        .finally(() => {
          running.delete(job.id);
          // A slot is free: look again even if this ended while fill() was waiting on a claim.
          again = true;
          wake?.();
        });
      running.set(job.id, { kind: job.kind, ac, done });
    }
  }

  /** Until nothing is claimable and nothing runs: fills free slots again whenever a job ends or kick() is called. */
  async function drain(): Promise<void> {
    for (;;) {
      again = false;
      await fill();
      if (stopping) return;
      if (running.size === 0 && !again) return;
      if (running.size > 0 && !again) {
        const woken = new Promise<void>((r) => (wake = r));
        await Promise.race([...[...running.values()].map((r) => r.done), woken]);
        wake = null;
      }
    }
  }

  function schedule(): void {
    if (stopping || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void kick(), pollMs);
    timer.unref();
  }

  /** Looks for work now; resolves when no job is claimable and none is running. */
  function kick(): Promise<void> {
    if (!started || stopping) return Promise.resolve();
    if (loop) {
      again = true;
      wake?.();
      return loop;
    }
    // Jobs run as the system whoever kicked the runner (a request's scope must not leak into them).
    loop = asSystem(drain)
      .catch((e: unknown) => log.error({ err: e }, 'job runner loop failed'))
      .finally(() => {
        loop = null;
        schedule();
      });
    return loop;
  }

  const ensureSchedule = (name: string, every: number) => asSystem(() => repo.ensureSchedule(db, name, every));

  return {
    owner,

    /** Defines a kind; a recurring one gets its row at start (or now, if the service has started). */
    define<P>(name: string, def: JobKindDef<P>): JobKindRef<P> {
      if (kinds.has(name)) throw new Error(`job kind ${name} defined twice`);
      if (name.length > 32) throw new Error(`job kind ${name} is longer than 32 characters`);
      kinds.set(name, def);
      if (started && def.every) void ensureSchedule(name, def.every).then(() => kick());
      return { name, payload: def.payload };
    },

    /**
     * Writes a job of `kind` in `conn`'s transaction (a plain Db commits at once) and pokes the runner once it has
     * committed; refuses a payload its kind's schema does not accept. The row is written as the system: the caller
     * has already checked who may cause the job.
     */
    async enqueue<P>(conn: DbOrTx, kind: JobKindRef<P>, payload: P, o: EnqueueOptions = {}): Promise<JobRow> {
      const def = kinds.get(kind.name);
      if (!def) throw new JobPayloadError(`job kind ${kind.name} is not defined`);
      if (def.every) throw new JobPayloadError(`job kind ${kind.name} is recurring and is never enqueued`);
      const parsed = def.payload.safeParse(payload);
      if (!parsed.success) throw new JobPayloadError(`payload of job kind ${kind.name} refused: ${parsed.error.message}`);
      const row = await asSystem(() =>
        repo.insertJob(conn, {
          ...(o.id !== undefined ? { id: o.id } : {}),
          kind: kind.name,
          orgId: o.orgId ?? null,
          origin: o.origin ?? {},
          payload: parsed.data ?? {},
        }),
      );
      // A transaction opened on a Db without commit hooks: the poll picks the job up.
      onCommit(conn, () => void kick());
      return row;
    },

    async start(): Promise<void> {
      if (started) return;
      for (const [name, def] of kinds) if (def.every) await ensureSchedule(name, def.every);
      started = true;
      void kick();
    },

    kick,

    /**
     * Interrupts the running jobs (they resume at the next start) and waits for them to let go, at most
     * stopTimeoutMs: then the jobs are released here, so a transaction still in flight can no longer commit a
     * checkpoint (every checkpoint checks the lease) and the next start takes them at once.
     */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      const held = [...running.entries()];
      for (const [, r] of held) r.ac.abort(new JobInterrupted('runner stopping'));
      let timeout: NodeJS.Timeout | undefined;
      const late = await Promise.race([
        Promise.all([loop, ...held.map(([, r]) => r.done)]).then(() => false),
        new Promise<boolean>((r) => (timeout = setTimeout(() => r(true), stopTimeoutMs))),
      ]);
      clearTimeout(timeout);
      if (late) for (const [id] of held) await asSystem(() => repo.release(db, id, owner, 0)).catch(() => undefined);
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
