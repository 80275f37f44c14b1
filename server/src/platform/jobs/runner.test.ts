import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { createJobRunner, JobFailure, jobRepo, type JobContext, type JobKind } from './index.ts';

const silent = { error: () => undefined, info: () => undefined };

describe.each(engines())('job runner on %s', (engine) => {
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
    (total: number, onStep?: (ctx: JobContext, n: number) => Promise<void>): JobKind['run'] =>
    async (ctx) => {
      for (let n = ctx.job.cursor + 1; n <= total; n++) {
        await ctx.checkpoint({ cursor: n, progress: n / total }, async (tx) => {
          await tx.execute(sql`INSERT INTO runner_work VALUES (${ctx.job.id}, ${n})`);
          await onStep?.(ctx, n);
        });
      }
    };

  it('runs queued jobs in order, commits work with the cursor and ends them with cleanup', async () => {
    const runner = createJobRunner({ db: t.db, log: silent, pollMs: 60_000 });
    const cleaned: number[] = [];
    runner.register('ok', { run: stepper(3), cleanup: async (j) => void cleaned.push(j.id) });
    runner.register('bad', {
      run: async () => Promise.reject(new JobFailure('表头缺少必填列')),
      cleanup: async (j) => void cleaned.push(j.id),
    });
    const a = await jobRepo.insertJob(t.owner, { kind: 'ok' });
    const b = await jobRepo.insertJob(t.owner, { kind: 'bad' });
    await runner.start();
    await runner.kick();
    expect(await job(a.id)).toMatchObject({ status: 'succeeded', cursor: 3, progress: 1, leaseOwner: null });
    expect(await workOf(a.id)).toEqual([1, 2, 3]);
    expect(await job(b.id)).toMatchObject({ status: 'failed', error: '表头缺少必填列' });
    expect(cleaned).toEqual([a.id, b.id]);
    await runner.stop();
  });

  it('stops mid-job without losing a checkpoint; the next runner resumes from the cursor', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const first = createJobRunner({ db: t.db, log: silent, pollMs: 60_000 });
    let reached: () => void = () => undefined;
    const atStep3 = new Promise<void>((r) => (reached = r));
    first.register('resumable', {
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
    const j = await jobRepo.insertJob(t.owner, { kind: 'resumable' });
    await first.start();
    await atStep3;
    await first.stop();
    release();
    expect(await job(j.id)).toMatchObject({ status: 'running', cursor: 2, leaseOwner: null });
    expect(await workOf(j.id)).toEqual([1, 2]);

    const second = createJobRunner({ db: t.db, log: silent, pollMs: 60_000 });
    const seen: number[] = [];
    second.register('resumable', { run: async (ctx) => (seen.push(ctx.job.cursor), stepper(5)(ctx)) });
    await second.start();
    await second.kick();
    expect(seen).toEqual([2]);
    expect(await job(j.id)).toMatchObject({ status: 'succeeded', cursor: 5 });
    expect(await workOf(j.id)).toEqual([1, 2, 3, 4, 5]);
    await second.stop();
  });

  it('retries unexpected errors, then fails the job with a generic message', async () => {
    const runner = createJobRunner({ db: t.db, log: silent, pollMs: 30, maxAttempts: 3 });
    let calls = 0;
    runner.register('flaky', { run: async () => Promise.reject(new Error(`boom ${++calls}`)) });
    const j = await jobRepo.insertJob(t.owner, { kind: 'flaky' });
    await runner.start();
    for (let i = 0; i < 100 && (await job(j.id)).status !== 'failed'; i++) await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(3);
    expect(await job(j.id)).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringContaining('内部错误') as string });
    await runner.stop();
  });

  it('never lets two runners work on one job: the lease decides, and a runner that lost it writes nothing', async () => {
    const j = await jobRepo.insertJob(t.owner, { kind: 'leased' });
    const a = createJobRunner({ db: t.db, log: silent, leaseMs: 400, pollMs: 60_000 });
    const claimed = await jobRepo.claimNext(t.owner, ['leased'], a.owner, 400);
    expect(claimed?.id).toBe(j.id);
    const b = createJobRunner({ db: t.db, log: silent, leaseMs: 400, pollMs: 60_000 });
    b.register('leased', { run: stepper(2) });
    await b.start();
    await b.kick();
    expect(await job(j.id)).toMatchObject({ status: 'running', leaseOwner: a.owner });
    expect(await jobRepo.touch(t.owner, j.id, a.owner, 400, { cursor: 1, progress: 0.5 })).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    await b.kick();
    expect(await job(j.id)).toMatchObject({ status: 'succeeded', cursor: 2 });
    expect(await workOf(j.id)).toEqual([2]);
    expect(await jobRepo.touch(t.owner, j.id, a.owner, 400, { cursor: 9, progress: 1 })).toBe(false);
    await b.stop();
  });
});
