// A person registered by someone else after the import checked its batch (a colleague adding the same worker by
// hand) is refused when the batch is published: the import still ends, the row is reported with its Excel row
// number, and the rest is imported. A refused row that carried a notice (a converted 15-digit number) has that line
// turned into the error. A member the file updates who moves to another union meanwhile (会员接转) keeps what the
// other union has: the update no longer applies and is reported. On both engines, with both ways of publishing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runInScope, type Tx } from '../../platform/db/index.ts';
import { engines, type TestDb } from '../../test/db.ts';
import { importRuntimeFor, useTestDbAndDir } from '../../test/suite.ts';
import { makeOrg } from '../../test/factories.ts';
import { testCrypto } from '../../test/http.ts';
import { importerCtx, kickUntilEnded, legacyOf, newId, rosterXlsx } from '../../test/imports.ts';
import { cardNoOf, cipherFields, identityFields, insertMembers, nextMemberIds } from '../members/index.ts';

/** Registers a person in `org` within the caller's transaction, as the member registry stores one. */
async function register(tx: Tx, org: { id: number; path: string }, name: string, idNumber: string) {
  const { fields, secret } = identityFields(testCrypto, { name, idNumber });
  const [id] = await nextMemberIds(tx, 1);
  if (id === undefined) throw new Error('no id');
  await insertMembers(tx, [
    {
      id,
      orgId: org.id,
      orgPath: org.path,
      ...fields,
      ...cipherFields(testCrypto, id, secret),
      joinedAt: '2024-01-02',
      statusSince: '2024-01-02',
      categories: [],
      cardNo: cardNoOf(id),
    },
  ]);
}

describe.each(engines())('members registered during an import on %s', (engine) => {
  let t: TestDb;
  let dir: string;
  useTestDbAndDir(engine, 'gh-conflict-', (s) => ({ t, dir } = s));

  it.each([
    ['in one transaction', false],
    ['part by part', true],
  ])('are refused at the publish %s, with their row, and the rest is imported', async (_how, embedded) => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots' });
    const colleague = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots' });
    const [plain, legacy, retiree, fine, moving] = [newId(), newId(), newId(), newId(), newId()];
    // 孙五 is on this union's books already; the file renames her.
    await runInScope(org.path, () => t.db.transaction((tx) => register(tx, org, '孙五', moving)));
    const rows = [
      ['王一', plain, '2023-05-01', ''],
      ['李二', legacyOf(legacy), '2023-05-01', ''],
      ['赵三', retiree, '2023-05-01', '退休职工'],
      ['钱四', fine, '2023-05-01', ''],
      ['孙五改', moving, '2023-05-01', ''],
    ];
    const rt = importRuntimeFor(t.db, dir, {
      embedded,
      // The batch is checked; before it is published, 王一 and 李二 are registered elsewhere and 孙五 moves there.
      afterBatchWrite: async (_jobId, batchNo, tx) => {
        if (batchNo !== 1) return;
        await register(tx, colleague, '王一', plain);
        await register(tx, colleague, '李二', legacy);
        await tx.execute(
          sql`UPDATE members SET org_id = ${colleague.id}, org_path = ${colleague.path} WHERE org_id = ${org.id} AND name = '孙五'`,
        );
      },
    });
    const tmp = path.join(dir, `up-${org.id}.part`);
    fs.writeFileSync(tmp, await rosterXlsx({ header: ['姓名', '身份证号', '入会日期', '人员类别'], rows }));
    await rt.jobs.start();
    const { id } = await runInScope(org.path, () =>
      rt.service.enqueue(importerCtx(org), org.id, { tmpPath: tmp, fileName: 'x.xlsx' }, false),
    );
    const status = await kickUntilEnded(rt.jobs, t.owner, id);
    await rt.jobs.stop();

    expect(status).toBe('succeeded');
    const counts = (
      await t.owner.execute(
        sql`SELECT imported, updated, valid_rows AS "validRows", error_count AS "errorCount", notice_count AS "noticeCount"
            FROM member_imports WHERE job_id = ${id}`,
      )
    ).rows[0];
    expect(counts).toEqual({ imported: 2, updated: 0, validRows: 2, errorCount: 3, noticeCount: 1 });
    const lines = (
      await t.owner.execute<{ row: number; kind: string; message: string }>(
        sql`SELECT row, kind, message FROM member_import_rows WHERE job_id = ${id} ORDER BY row`,
      )
    ).rows;
    expect(lines).toEqual([
      { row: 2, kind: 'error', message: '身份证号：该会员在导入期间已由他人登记，未导入' },
      { row: 3, kind: 'error', message: '身份证号：该会员在导入期间已由他人登记，未导入' },
      { row: 4, kind: 'notice', message: expect.stringContaining('退休') as string },
      { row: 6, kind: 'error', message: '身份证号：该会员在导入期间已转到其他工会或已退会，未按本表更新' },
    ]);
    const names = await t.owner.execute<{ name: string; org_id: number }>(
      sql`SELECT name, org_id FROM members WHERE org_id IN (${org.id}, ${colleague.id}) ORDER BY name`,
    );
    // Each person once: the two refused stay where the colleague registered them.
    expect(names.rows.map((r) => [r.name, r.org_id === org.id ? 'import' : 'colleague'])).toEqual([
      ['孙五', 'colleague'],
      ['李二', 'colleague'],
      ['王一', 'colleague'],
      ['赵三', 'import'],
      ['钱四', 'import'],
    ]);
  });
});
