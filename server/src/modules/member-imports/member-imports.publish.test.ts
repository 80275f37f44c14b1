// The part-by-part publish of the embedded database (importJob `embedded`), run on both engines: new members go in
// parts of STAGED_PART_ROWS, the patches and the audit row at the end; a part that fails is retried from the next
// unpublished part without the upload; a publish that keeps failing takes its published members back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { requestEnded, requestStarted, runInScope } from '../../platform/db/index.ts';
import { engines, type TestDb } from '../../test/db.ts';
import { importRuntimeFor, useTestDbAndDir } from '../../test/suite.ts';
import { makeOrg } from '../../test/factories.ts';
import { importerCtx, kickUntilEnded, newId, rosterXlsx } from '../../test/imports.ts';
import { STAGED_PART_ROWS } from './member-imports.repo.ts';

const HEADER = ['姓名', '身份证号', '入会日期'];

describe.each(engines())('member import publish in parts on %s', (engine) => {
  let t: TestDb;
  let dir: string;
  useTestDbAndDir(engine, 'gh-parts-', (s) => ({ t, dir } = s));

  const count = async (q: ReturnType<typeof sql>) => (await t.owner.execute<{ n: number }>(q)).rows[0]?.n ?? -1;

  /**
   * Imports `rows` into `orgId` on an embedded-style runtime; `onTurn` runs inside each publishing transaction. `busy`:
   * an API request stays in flight meanwhile (as the HTTP layer counts them), so the publish takes one part per turn.
   */
  async function importInto(
    org: { id: number; path: string },
    rows: string[][],
    o: { onTurn?: (jobId: number, turn: number) => Promise<void>; busy?: boolean; batchSize?: number } = {},
  ) {
    const ctx = importerCtx(org);
    const rt = importRuntimeFor(t.db, dir, {
      embedded: true,
      afterPartPublish: o.onTurn,
      batchSize: o.batchSize,
    });
    const tmp = path.join(dir, `up-${org.id}-${Date.now()}.part`);
    fs.writeFileSync(tmp, await rosterXlsx({ header: HEADER, rows }));
    if (o.busy) requestStarted();
    await rt.jobs.start();
    const { id } = await runInScope(org.path, () => rt.service.enqueue(ctx, org.id, { tmpPath: tmp, fileName: 'x.xlsx' }, false));
    // A failed attempt gives the job back for a retry after the poll interval: kick until it ends.
    const status = await kickUntilEnded(rt.jobs, t.owner, id, 500);
    await rt.jobs.stop();
    if (o.busy) requestEnded();
    const imp = (
      await t.owner.execute<{ imported: number; updated: number; error: string | null }>(
        sql`SELECT i.imported, i.updated, j.error FROM member_imports i JOIN jobs j ON j.id = i.job_id WHERE i.job_id = ${id}`,
      )
    ).rows[0];
    return { id, status, imp };
  }

  const roster = (n: number, name = (i: number) => `会员${i}`) => Array.from({ length: n }, (_, i) => [name(i), newId(), '2023-05-01']);

  it('publishes new members part by part, then the updates and one audit row', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots' });
    const first = roster(3);
    expect((await importInto(org, first)).status).toBe('succeeded');

    const added = roster(4 * STAGED_PART_ROWS + 20);
    const turns: number[] = [];
    const changed = [['改名后', first[0]?.[1] ?? '', '2023-05-01'], ...added];
    // Batches of 4 parts + 21 rows: 5 parts, published one per turn while a request is in flight.
    const res = await importInto(org, changed, {
      busy: true,
      batchSize: 4 * STAGED_PART_ROWS,
      onTurn: async (_jobId, turn) => {
        turns.push(turn);
      },
    });
    expect(res.status).toBe('succeeded');
    expect(res.imp).toMatchObject({ imported: added.length, updated: 1 });
    expect(turns).toEqual([1, 2, 3, 4, 5]);
    expect(await count(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).toBe(added.length + 3);
    expect(await count(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id} AND name = '改名后'`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM member_events WHERE org_id = ${org.id} AND type = 'join'`)).toBe(
      added.length + 3,
    );
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.import' AND entity_id = ${String(res.id)}`),
    ).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM member_import_staged WHERE job_id = ${res.id}`)).toBe(0);
  });

  it('takes several parts per transaction while no request is waiting', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots' });
    const rows = roster(4 * STAGED_PART_ROWS + 20);
    let turns = 0;
    const res = await importInto(org, rows, {
      batchSize: 4 * STAGED_PART_ROWS,
      onTurn: async () => {
        turns++;
      },
    });
    expect(res.status).toBe('succeeded');
    expect(await count(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).toBe(rows.length);
    // The same 5 parts in 2 turns: the first batch's four, then the last one.
    expect(turns).toBe(2);
  });

  it('resumes a failed part from the next unpublished one, without the upload', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots' });
    const rows = roster(2 * STAGED_PART_ROWS + 5);
    let failedOnce = false;
    const res = await importInto(org, rows, {
      busy: true,
      onTurn: async (jobId, turn) => {
        if (turn === 2 && !failedOnce) {
          failedOnce = true;
          // The retry must not need the file: every batch is staged.
          fs.rmSync(path.join(dir, `${jobId}.xlsx`), { force: true });
          throw new Error('the database went away mid-publish');
        }
      },
    });
    expect(failedOnce).toBe(true);
    expect(res.status).toBe('succeeded');
    expect(res.imp).toMatchObject({ imported: rows.length, updated: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).toBe(rows.length);
    expect(await count(sql`SELECT count(*)::int AS n FROM member_events WHERE org_id = ${org.id}`)).toBe(rows.length);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.import' AND entity_id = ${String(res.id)}`),
    ).toBe(1);
  });

  it('takes the published members back when the publish keeps failing', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots' });
    const rows = roster(2 * STAGED_PART_ROWS + 5);
    // The first part goes in; every later transaction fails, in each of the job's attempts (turns restart at 1).
    let turns = 0;
    const res = await importInto(org, rows, {
      busy: true,
      onTurn: async () => {
        if (++turns >= 2) throw new Error('a part that never goes in');
      },
    });
    expect(res.status).toBe('failed');
    expect(res.imp?.error).toBe('处理过程中发生内部错误，请稍后重新上传');
    expect(res.imp).toMatchObject({ imported: 0, updated: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM member_events WHERE org_id = ${org.id}`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM member_import_staged WHERE job_id = ${res.id}`)).toBe(0);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.import' AND entity_id = ${String(res.id)}`),
    ).toBe(0);
  });
});
