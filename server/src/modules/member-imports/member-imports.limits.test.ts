import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { importRuntimeFor, useTestDbAndDir } from '../../test/suite.ts';
import { runInScope } from '../../platform/db/index.ts';
import { makeOrg } from '../../test/factories.ts';
import type { WorkerOptions } from '../../platform/excel/index.ts';
import { workbookOf } from '../../platform/excel/testkit.ts';
import { bigRosterFile, importerCtx, newId, rosterXlsx } from '../../test/imports.ts';

describe.each(engines())('member import limits on %s', (engine) => {
  let t: TestDb;
  let dir: string;
  useTestDbAndDir(engine, 'gh-limits-', (s) => ({ t, dir } = s));

  async function run(file: Buffer | string, maxRows: number, worker?: WorkerOptions) {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const ctx = importerCtx(org);
    const rt = importRuntimeFor(t.db, dir, { maxRows, batchSize: 2, worker });
    const tmp = path.join(dir, `up-${org.id}.part`);
    if (typeof file === 'string') fs.copyFileSync(file, tmp);
    else fs.writeFileSync(tmp, file);
    await rt.jobs.start();
    const { id } = await runInScope(org.path, () => rt.service.enqueue(ctx, org.id, { tmpPath: tmp, fileName: 'x.xlsx' }, false));
    await rt.jobs.kick();
    await rt.jobs.stop();
    const job = (await t.owner.execute<{ status: string; error: string | null }>(sql`SELECT status, error FROM jobs WHERE id = ${id}`))
      .rows[0];
    const members = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).rows[0]?.n;
    const staged = (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM member_import_staged WHERE job_id = ${id}`))
      .rows[0]?.n;
    return { job, members, staged, file: rt.fileOf(id) };
  }

  it('refuses a sheet that declares more rows than allowed before importing any of it', async () => {
    const rows = Array.from({ length: 6 }, () => ['张三', newId(), '2023-01-01']);
    const res = await run(await rosterXlsx({ header: ['姓名', '身份证号', '入会日期'], rows }), 5);
    expect(res.job).toEqual({ status: 'failed', error: '超过单次导入上限 5 行，请拆分为多个文件后分别导入' });
    expect(res.members).toBe(0);
    expect(fs.existsSync(res.file)).toBe(false);
  });

  it('stops at the limit when the sheet declares no size', async () => {
    const file = path.join(dir, 'nodim.xlsx');
    await bigRosterFile(
      file,
      ['姓名', '身份证号', '入会日期'],
      Array.from({ length: 6 }, () => ['李四', newId(), '2023-01-01']),
    );
    const res = await run(file, 5);
    expect(res.job?.status).toBe('failed');
    expect(res.job?.error).toContain('超过单次导入上限');
    // Batches of two were validated before the count ran over: none of them may be in the registry.
    expect(res.members).toBe(0);
    expect(res.staged).toBe(0);
    expect(fs.existsSync(res.file)).toBe(false);
  });

  it('fails the import cleanly when the parsing worker runs out of memory', { timeout: 120_000 }, async () => {
    const many = `<sst>${Array.from({ length: 200_000 }, (_, i) => `<si><t>会员${i}号的名字比较长一些</t></si>`).join('')}</sst>`;
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    const res = await run(workbookOf(sheet, many), 5, { resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
    expect(res.job?.status).toBe('failed');
    expect(res.job?.error).toContain('超出内存限制');
    expect(fs.existsSync(res.file)).toBe(false);
  });
});
