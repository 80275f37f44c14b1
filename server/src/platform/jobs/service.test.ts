// The one job service: order, checkpoints and resume after a stop, retries, leases between two services, typed
// payloads refused at enqueue, jobs written in the caller's transaction (none after a rollback, a poke after the
// commit), per-kind concurrency, and a recurring kind that runs once per interval with two services on one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { silentLog } from '../../test/suite.ts';
import { createJobService, JobFailure, JobPayloadError, jobRepo, type JobContext, type JobKindDef } from './index.ts';

const ZNone = z.object({});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines())('job service on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
    await t.owner.execute(sql`CREATE TABLE runner_work (job_id int NOT NULL, n int NOT NULL)`);
  });
  afterAll(async () => t?.close());

  const job = async (id: number) => {
    const j = await jobRepo.findJob(t.owner, id);
    if (!j) throw new Error('job vanished');
    return j;
  };
  const workOf = async (id: number) =>
    (await t.owner.execute<{ n: number }>(sql`SELECT n FROM runner_work WHERE job_id = ${id} ORDER BY n`)).rows.map((r) => r.n);
  /** Writes steps cursor+1..total, one checkpoint each. */
  const stepper =
    (total: number, onStep?: (ctx: JobContext, n: number) => Promise<void>): JobKindDef<unknown>['run'] =>
    async (ctx) => {
      for (let n = ctx.job.cursor + 1; n <= total; n++) {
        await ctx.checkpoint({ cursor: n, progress: n / total }, async (tx) => {
          await tx.execute(sql`INSERT INTO runner_work VALUES (${ctx.job.id}, ${n})`);
          await onStep?.(ctx, n);
        });
      }
    };
  const until = async (what: string, f: () => Promise<boolean>, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!(await f())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  };

  it('runs queued jobs in order, commits work with the cursor and ends them with cleanup', async () => {
    const jobs = createJobService({ db: t.db, log: silentLog, pollMs: 60_000 });
    const cleaned: number[] = [];
    const ok = jobs.define('ok', { payload: ZNone, run: stepper(3), cleanup: async (j) => void cleaned.push(j.id) });
    const bad = jobs.define('bad', {
      payload: ZNone,
      run: async () => Promise.reject(new JobFailure('表头缺少必填列')),
      cleanup: async (j) => void cleaned.push(j.id),
    });
    const a = await jobs.enqueue(t.db, ok, {});
    const b = await jobs.enqueue(t.db, bad, {});
    await jobs.start();
    await jobs.kick();
    expect(await job(a.id)).toMatchObject({ status: 'succeeded', cursor: 3, progress: 1, leaseOwner: null });
    expect(await workOf(a.id)).toEqual([1, 2, 3]);
    expect(await job(b.id)).toMatchObject({ status: 'failed', error: '表头缺少必填列' });
    expect(cleaned.sort()).toEqual([a.id, b.id].sort());
    await jobs.stop();
  });

  it('refuses a payload its kind does not accept, and a kind nobody defined', async () => {
    const jobs = createJobService({ db: t.db, log: silentLog, pollMs: 60_000 });
    const mail = jobs.define('typed', { payload: z.object({ userId: z.number().int() }), run: async () => undefined });
    const before = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'typed'`)).rows[0]?.n;
    // @ts-expect-error the payload's type follows the kind: a string where a number belongs does not compile
    await expect(jobs.enqueue(t.db, mail, { userId: 'seven' })).rejects.toBeInstanceOf(JobPayloadError);
    await expect(jobs.enqueue(t.db, { name: 'nobody', payload: ZNone }, {})).rejects.toBeInstanceOf(JobPayloadError);
    const after = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'typed'`)).rows[0]?.n;
    expect(after).toBe(before);
    const j = await jobs.enqueue(t.db, mail, { userId: 7 });
    expect((await job(j.id)).payload).toEqual({ userId: 7 });
  });

  it('writes the job in the caller transaction: none after a rollback, and a poke right after the commit', async () => {
    // The poll is an hour: only the after-commit poke can start the job.
    const jobs = createJobService({ db: t.db, log: silentLog, pollMs: 3600_000 });
    const ran: number[] = [];
    const kind = jobs.define('in_tx', { payload: z.object({ n: z.number() }), run: async (ctx) => void ran.push(ctx.payload.n) });
    await jobs.start();
    await jobs.kick();
    let rolledBackId = 0;
    await expect(
      t.db.transaction(async (tx) => {
        rolledBackId = (await jobs.enqueue(tx, kind, { n: 1 })).id;
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await jobRepo.findJob(t.owner, rolledBackId)).toBeUndefined();

    const committed = await t.db.transaction(async (tx) => {
      const j = await jobs.enqueue(tx, kind, { n: 2 });
      // Inside the transaction the job has not run (the poke waits for the commit).
      await sleep(50);
      expect(ran).toEqual([]);
      return j;
    });
    await until('the poked job to run', async () => (await job(committed.id)).status === 'succeeded');
    expect(ran).toEqual([2]);
    await jobs.stop();
  });

  it('runs at most `concurrency` jobs of a kind at once, other kinds alongside', async () => {
    const jobs = createJobService({ db: t.db, log: silentLog, pollMs: 60_000 });
    const now = { wide: 0, narrow: 0 };
    const peak = { wide: 0, narrow: 0 };
    const limit = { wide: 3, narrow: 1 };
    // Each run holds its slot until its kind is at its limit (or 2 s pass): on a loaded machine the runner may
    // claim more slowly than a fixed sleep, and the peak must still show both the limit reached and never passed.
    const body = (k: 'wide' | 'narrow') => async () => {
      now[k]++;
      peak[k] = Math.max(peak[k], now[k]);
      const until = Date.now() + 2000;
      while (now[k] < limit[k] && Date.now() < until) await sleep(10);
      await sleep(30);
      now[k]--;
    };
    const wide = jobs.define('wide', { payload: ZNone, concurrency: 3, run: body('wide') });
    const narrow = jobs.define('narrow', { payload: ZNone, concurrency: 1, run: body('narrow') });
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await jobs.enqueue(t.db, wide, {})).id, (await jobs.enqueue(t.db, narrow, {})).id);
    await jobs.start();
    await jobs.kick();
    for (const id of ids) expect((await job(id)).status).toBe('succeeded');
    expect(peak).toEqual({ wide: 3, narrow: 1 });
    await jobs.stop();
  });

  it('runs a recurring kind once per interval, one run at a time, with two services on one database', async () => {
    const every = 400;
    const runs: { start: number; end: number; by: string }[] = [];
    const a = createJobService({ db: t.db, log: silentLog, pollMs: 25 });
    const b = createJobService({ db: t.db, log: silentLog, pollMs: 25 });
    for (const s of [a, b]) {
      s.define('tick', {
        payload: ZNone,
        every,
        run: async () => {
          const start = Date.now();
          await sleep(50);
          runs.push({ start, end: Date.now(), by: s.owner });
        },
      });
    }
    await Promise.all([a.start(), b.start()]);
    await sleep(every * 4 + 200);
    await Promise.all([a.stop(), b.stop()]);
    const rows = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'tick'`)).rows[0]?.n;
    expect(rows).toBe(1);
    // 4.5 intervals: the first run at once, then one per interval after the previous end.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(5);
    runs.sort((x, y) => x.start - y.start);
    for (let i = 1; i < runs.length; i++) {
      const prev = runs[i - 1];
      const cur = runs[i];
      if (!prev || !cur) continue;
      // Never two at once, and never sooner than an interval after the previous run ended (a little clock slack).
      expect(cur.start - prev.end).toBeGreaterThanOrEqual(every - 30);
    }
  });

  it('stops mid-job without losing a checkpoint; the next service resumes from the cursor', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const first = createJobService({ db: t.db, log: silentLog, pollMs: 60_000 });
    let reached: () => void = () => undefined;
    const atStep3 = new Promise<void>((r) => (reached = r));
    const kind = first.define('resumable', {
      payload: ZNone,
      run: stepper(5, async (ctx, n) => {
        if (n !== 3) return;
        reached();
        // Wait inside the transaction until stop() aborts the job: step 3 must roll back.
        await Promise.race([
          blocked,
          new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error))),
        ]);
      }),
    });
    const j = await first.enqueue(t.db, kind, {});
    await first.start();
    await atStep3;
    await first.stop();
    release();
    expect(await job(j.id)).toMatchObject({ status: 'running', cursor: 2, leaseOwner: null });
    expect(await workOf(j.id)).toEqual([1, 2]);

    const second = createJobService({ db: t.db, log: silentLog, pollMs: 60_000 });
    const seen: number[] = [];
    second.define('resumable', { payload: ZNone, run: async (ctx) => (seen.push(ctx.job.cursor), stepper(5)(ctx)) });
    await second.start();
    await second.kick();
    expect(seen).toEqual([2]);
    expect(await job(j.id)).toMatchObject({ status: 'succeeded', cursor: 5 });
    expect(await workOf(j.id)).toEqual([1, 2, 3, 4, 5]);
    await second.stop();
  });

  it('retries unexpected errors, then fails the job with a generic message', async () => {
    const jobs = createJobService({ db: t.db, log: silentLog, pollMs: 30, maxAttempts: 3 });
    let calls = 0;
    const kind = jobs.define('flaky', { payload: ZNone, run: async () => Promise.reject(new Error(`boom ${++calls}`)) });
    const j = await jobs.enqueue(t.db, kind, {});
    await jobs.start();
    for (let i = 0; i < 100 && (await job(j.id)).status !== 'failed'; i++) await sleep(30);
    expect(calls).toBe(3);
    expect(await job(j.id)).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringContaining('内部错误') as string });
    await jobs.stop();
  });

  it('never lets two services work on one job: the lease decides, and a service that lost it writes nothing', async () => {
    const a = createJobService({ db: t.db, log: silentLog, leaseMs: 400, pollMs: 60_000 });
    const b = createJobService({ db: t.db, log: silentLog, leaseMs: 400, pollMs: 60_000 });
    const kind = b.define('leased', { payload: ZNone, run: stepper(2) });
    const j = await b.enqueue(t.db, kind, {});
    const claimed = await jobRepo.claimNext(t.owner, ['leased'], a.owner, 400);
    expect(claimed?.id).toBe(j.id);
    await b.start();
    await b.kick();
    expect(await job(j.id)).toMatchObject({ status: 'running', leaseOwner: a.owner });
    expect(await jobRepo.touch(t.owner, j.id, a.owner, 400, { cursor: 1, progress: 0.5 })).toBe(true);
    await sleep(500);
    await b.kick();
    expect(await job(j.id)).toMatchObject({ status: 'succeeded', cursor: 2 });
    expect(await workOf(j.id)).toEqual([2]);
    expect(await jobRepo.touch(t.owner, j.id, a.owner, 400, { cursor: 9, progress: 1 })).toBe(false);
    await b.stop();
  });
});
